import { describe, expect, it } from 'vitest';
import { galleryEntry as entry } from './testSupport/galleryEntry';
import { vehicleExitDeparture as departure } from './testSupport/vehicleExitDeparture';
import { finalRulePolicy } from '../../policy/testSupport/shippedPolicies';
import { departureOf } from './departureOf';
import { departureRecordSchema, departureSyncPayloadSchema, isDeparturePayload } from './departureRecord';
import { identificationWithChoice, pickByNumber } from './exitOfficerChoices';
import { assessExitOccupant, assessExitVehicle, type ExitCandidate, type ExitIdentification } from './exitOccupantRules';

const gallery = new Map(
  [
    entry('ON-TIME'),
    entry('OVERSTAY', { admitUntil: '2026-08-29' }),
    entry('CITIZEN', { citizenship: 'USA', usCitizen: true, admitUntil: null, classOfAdmission: undefined }),
    entry('STUDENT', { admitUntil: null, classOfAdmission: 'F1' }),
    entry('LOOKOUT', { alerts: [{ alertId: 'L1', kind: 'lookout', severity: 'hit', summary: 'Lookout' }, { alertId: 'P1', kind: 'prior_removal', severity: 'notice', summary: 'Removed 2019' }] }),
    entry('REMOVED', { alerts: [{ alertId: 'P2', kind: 'prior_removal', severity: 'notice', summary: 'Removed 2020' }] }),
    entry('TWIN-A'),
    entry('TWIN-B'),
  ].map((e) => [e.travellerId, e]),
);
const context = { departureDate: '2026-12-07', policy: finalRulePolicy };
/** A policy that (unlike 90 FR 48604) records citizens' departures and lets nobody opt out at exit: the rules follow the data. */
const otherPolicy = { ...finalRulePolicy, exitRecord: { ...finalRulePolicy.exitRecord, departureRecordFor: ['us_citizen', 'non_citizen', 'lawful_permanent_resident'] }, optOut: { ...finalRulePolicy.optOut, exit: [] } } as typeof finalRulePolicy;
const candidate = (travellerId: string, score = 0.6): ExitCandidate => ({ travellerId, score, threshold: 0.42, calibratedFpir: { fpir: 1e-4, bound: false, text: '1 in 10,000' }, gallerySize: gallery.size, trackId: `track-${travellerId}` });
const found = (travellerId: string): ExitIdentification => ({ kind: 'candidate', candidate: candidate(travellerId) });

describe('exit decision per occupant', () => {
  it('identified and on time (or duration of status): departure confirmed, recorded, nothing held', () => {
    for (const id of ['ON-TIME', 'STUDENT']) {
      const a = assessExitOccupant('o1', found(id), gallery, context);
      expect(a.outcome.kind).toBe('departure_confirmed');
      expect(a).toMatchObject({ confirmable: true, recordsDeparture: true, needsOfficer: false });
    }
    const student = assessExitOccupant('o1', found('STUDENT'), gallery, context);
    expect(student.outcome.kind === 'departure_confirmed' && student.outcome.stay).toEqual({ kind: 'duration_of_status' });
  });

  it('an overstayer is identified with an alert of N days, and the departure is still recorded', () => {
    const a = assessExitOccupant('o1', found('OVERSTAY'), gallery, context);
    expect(a.outcome).toMatchObject({ kind: 'identified_with_alert', alerts: [{ kind: 'overstay', days: 100, admitUntil: '2026-08-29' }] });
    expect(a).toMatchObject({ confirmable: true, recordsDeparture: true, needsOfficer: false });
  });

  it('a lookout hit holds the traveller for the officer (no departure confirmed by the one key); a prior removal alone informs', () => {
    const lookout = assessExitOccupant('o1', found('LOOKOUT'), gallery, context);
    expect(lookout.outcome.kind === 'identified_with_alert' && lookout.outcome.alerts.map((x) => x.kind)).toEqual(['lookout', 'prior_removal']);
    expect(lookout).toMatchObject({ confirmable: false, recordsDeparture: false, needsOfficer: true });
    const removed = assessExitOccupant('o1', found('REMOVED'), gallery, context);
    expect(removed).toMatchObject({ outcome: { kind: 'identified_with_alert' }, confirmable: true, recordsDeparture: true });
  });

  it('a U.S. citizen is confirmed without a departure record, unless the policy in force records them', () => {
    const a = assessExitOccupant('o1', found('CITIZEN'), gallery, context);
    expect(a).toMatchObject({ outcome: { kind: 'citizen' }, confirmable: true, recordsDeparture: false, needsOfficer: false });
    expect(assessExitOccupant('o1', found('CITIZEN'), gallery, { ...context, policy: otherPolicy }).recordsDeparture).toBe(true);
  });

  it('no gallery mate, no face, or a candidate the local gallery does not hold: not identified, the officer photographs or inspects', () => {
    expect(assessExitOccupant('o1', { kind: 'no_candidate', trackId: 't' }, gallery, context)).toMatchObject({ outcome: { kind: 'not_identified', faceSeen: true }, confirmable: false, needsOfficer: true });
    expect(assessExitOccupant('o1', { kind: 'no_face' }, gallery, context)).toMatchObject({ outcome: { kind: 'not_identified', faceSeen: false }, confirmable: false });
    expect(assessExitOccupant('o1', found('NOT-IN-GALLERY'), gallery, context)).toMatchObject({ outcome: { kind: 'not_identified', faceSeen: true }, confirmable: false, recordsDeparture: false, needsOfficer: true });
  });

  it('ambiguous candidates are shown as such with both entries, never resolved', () => {
    const a = assessExitOccupant('o1', { kind: 'ambiguous', candidates: [candidate('TWIN-A', 0.51), candidate('TWIN-B', 0.5)] }, gallery, context);
    expect(a.outcome.kind === 'ambiguous' && a.outcome.candidates.map((c) => [c.entry?.travellerId, c.candidate.score])).toEqual([
      ['TWIN-A', 0.51],
      ['TWIN-B', 0.5],
    ]);
    expect(a).toMatchObject({ confirmable: false, recordsDeparture: false, needsOfficer: true });
  });

  it('an opt-out is confirmed only for whom the policy lets opt out (a U.S. citizen), and recorded as an opt-out only where the policy says so', () => {
    const optOut = (travellerId: string | null) => ({ kind: 'opt_out', declaredAt: '2026-12-07T10:00:00Z', travellerId }) as const;
    expect(assessExitOccupant('o1', optOut('CITIZEN'), gallery, context)).toMatchObject({ outcome: { kind: 'opt_out', eligible: true, stay: { kind: 'duration_of_status' } }, confirmable: true, recordsDeparture: true, needsOfficer: false });
    expect(assessExitOccupant('o1', optOut('ON-TIME'), gallery, context)).toMatchObject({ outcome: { kind: 'opt_out', eligible: false }, confirmable: false, recordsDeparture: false, needsOfficer: true });
    // Nobody identified: nothing shows the traveller may opt out.
    expect(assessExitOccupant('o1', optOut(null), gallery, context)).toMatchObject({ outcome: { kind: 'opt_out', eligible: false, entry: null }, confirmable: false, needsOfficer: true });
    expect(assessExitOccupant('o1', optOut('CITIZEN'), gallery, { ...context, policy: otherPolicy })).toMatchObject({ confirmable: false, needsOfficer: true });
    const unrecorded = { ...finalRulePolicy, exitRecord: { ...finalRulePolicy.exitRecord, optOutRecorded: false } };
    expect(assessExitOccupant('o1', optOut('CITIZEN'), gallery, { ...context, policy: unrecorded })).toMatchObject({ confirmable: true, recordsDeparture: false });
  });
});

describe('an exit vehicle and its departure records', () => {

  it('the officer holds an identified occupant for inspection: never confirmable, no departure, held; the outcome found stays shown', () => {
    const vehicle = assessExitVehicle(
      [
        { occupantId: 'a', identification: found('OVERSTAY'), heldByOfficer: true },
        { occupantId: 'd', identification: found('ON-TIME'), heldByOfficer: false },
      ],
      gallery,
      context,
    );
    expect(vehicle.occupants[0]).toMatchObject({ outcome: { kind: 'identified_with_alert' }, confirmable: false, recordsDeparture: false, needsOfficer: true });
    expect(departureOf(vehicle.occupants[0]!, 'dep-h', departure)).toBeNull();
    expect(vehicle.confirmable.map((o) => o.occupantId)).toEqual(['d']);
    expect(vehicle.held.map((o) => o.occupantId)).toEqual(['a']);
  });

  it('four occupants (overstayer, never entered, citizen, on time): one key confirms three, records two, holds one', () => {
    const vehicle = assessExitVehicle(
      [
        { occupantId: 'a', identification: found('OVERSTAY') },
        { occupantId: 'b', identification: { kind: 'no_candidate', trackId: 't-b' } },
        { occupantId: 'c', identification: found('CITIZEN') },
        { occupantId: 'd', identification: found('ON-TIME') },
      ],
      gallery,
      context,
    );
    expect(vehicle.occupants.map((o) => o.outcome.kind)).toEqual(['identified_with_alert', 'not_identified', 'citizen', 'departure_confirmed']);
    expect(vehicle.confirmable.map((o) => o.occupantId)).toEqual(['a', 'c', 'd']);
    expect(vehicle.held.map((o) => o.occupantId)).toEqual(['b']);
    const records = vehicle.occupants.flatMap((o, i) => departureOf(o, `dep-${i}`, departure) ?? []);
    expect(records.map((r) => [r.travellerId, r.overstayDays])).toEqual([
      ['OVERSTAY', 100],
      ['ON-TIME', 0],
    ]);
    // Every record is what the records service accepts, and its sync payload is told apart from a decision's.
    for (const record of records) {
      expect(departureRecordSchema.parse(record)).toEqual(record);
      const payload = departureSyncPayloadSchema.parse({ departure: record, offline: false, recordedAt: departure.departedAt });
      expect(isDeparturePayload(payload)).toBe(true);
    }
    expect(records[0]?.evidence).toEqual({ method: 'face_identification', trackId: 'track-OVERSTAY', candidateId: 'OVERSTAY', score: 0.6, threshold: 0.42, calibratedFpir: { fpir: 1e-4, bound: false, text: '1 in 10,000' }, gallerySize: gallery.size });
  });

  it('the citizen opts out: confirmed, no photo, and recorded as an opt-out (documents inspected), never as a face identification', () => {
    const citizen = identificationWithChoice(found('CITIZEN'), { kind: 'opt_out', declaredAt: '2026-12-07T17:59:00Z' });
    expect(citizen).toEqual({ kind: 'opt_out', declaredAt: '2026-12-07T17:59:00Z', travellerId: 'CITIZEN' });
    const assessed = assessExitOccupant('c', citizen, gallery, context);
    const record = departureOf(assessed, 'dep-c', departure);
    expect(record).toMatchObject({ travellerId: 'CITIZEN', evidence: { method: 'opt_out', declaredAt: '2026-12-07T17:59:00Z' }, overstayDays: null });
    expect(departureRecordSchema.parse(record)).toEqual(record);
    // Under a policy that does not record opt-outs, the key confirms the citizen and sends nothing.
    const unrecorded = { ...finalRulePolicy, exitRecord: { ...finalRulePolicy.exitRecord, optOutRecorded: false } };
    expect(departureOf(assessExitOccupant('c', citizen, gallery, { ...context, policy: unrecorded }), 'dep-c', departure)).toBeNull();
    // A non-citizen's "opt-out" is held, and sends nothing.
    expect(departureOf(assessExitOccupant('d', identificationWithChoice(found('ON-TIME'), { kind: 'opt_out', declaredAt: '2026-12-07T17:59:00Z' }), gallery, context), 'dep-d', departure)).toBeNull();
  });

  it('an ambiguity stays held until the officer picks: the pick is the departure, its evidence names every candidate and the choice', () => {
    const twins: ExitIdentification = { kind: 'ambiguous', candidates: [candidate('TWIN-A', 0.51), candidate('TWIN-B', 0.5)] };
    const shown = assessExitOccupant('t', twins, gallery, context);
    expect(departureOf(shown, 'dep-t', departure)).toBeNull();
    const choice = pickByNumber(twins, 2, '2026-12-07T17:59:30Z');
    expect(choice).toEqual({ kind: 'picked', travellerId: 'TWIN-B', at: '2026-12-07T17:59:30Z' });
    const picked = assessExitOccupant('t', identificationWithChoice(twins, choice ?? undefined), gallery, context);
    expect(picked).toMatchObject({ outcome: { kind: 'departure_confirmed', entry: { travellerId: 'TWIN-B' } }, confirmable: true, recordsDeparture: true });
    const record = departureOf(picked, 'dep-t', departure);
    expect(record?.evidence).toEqual({
      method: 'face_identification',
      trackId: 'track-TWIN-B',
      candidateId: 'TWIN-B',
      score: 0.5,
      threshold: 0.42,
      calibratedFpir: { fpir: 1e-4, bound: false, text: '1 in 10,000' },
      gallerySize: gallery.size,
      officerChoice: { among: [{ candidateId: 'TWIN-A', score: 0.51 }, { candidateId: 'TWIN-B', score: 0.5 }], chosenAt: '2026-12-07T17:59:30Z' },
    });
    expect(departureRecordSchema.parse(record)).toEqual(record);
    // No third candidate, and no pick on a search that is not ambiguous.
    expect(pickByNumber(twins, 3, 'x')).toBeNull();
    expect(pickByNumber(found('ON-TIME'), 1, 'x')).toBeNull();
    // The numbers are the card's: the shown outcome lists the candidates in the search's order.
    expect(shown.outcome.kind === 'ambiguous' && shown.outcome.candidates.map((c) => c.candidate.travellerId)).toEqual(['TWIN-A', 'TWIN-B']);
  });

  it('a search that could not be made (the face matcher lost the gallery) is held as not identified, and says why', () => {
    const assessed = assessExitOccupant('o', { kind: 'no_candidate', trackId: 't', searchError: 'no_gallery: no gallery exit:1' }, gallery, context);
    expect(assessed).toMatchObject({ outcome: { kind: 'not_identified', faceSeen: true, searchError: 'no_gallery: no gallery exit:1' }, confirmable: false, recordsDeparture: false, needsOfficer: true });
    expect(departureOf(assessed, 'dep-o', departure)).toBeNull();
  });

  it('"none of them": not identified, held for the officer, the ruled-out look-alikes kept; a stale choice never applies to another search', () => {
    const twins: ExitIdentification = { kind: 'ambiguous', candidates: [candidate('TWIN-A', 0.51), candidate('TWIN-B', 0.5)] };
    const none = identificationWithChoice(twins, { kind: 'none_of_them', at: '2026-12-07T17:59:30Z' });
    expect(none).toEqual({ kind: 'no_candidate', trackId: 'track-TWIN-A', dismissed: twins.candidates });
    expect(assessExitOccupant('t', none, gallery, context)).toMatchObject({ outcome: { kind: 'not_identified', faceSeen: true, dismissed: twins.candidates }, confirmable: false, needsOfficer: true });
    // The search changed since (a better shot): a pick of someone no longer in the running, or "none" of a clear match, is not applied.
    expect(identificationWithChoice(found('ON-TIME'), { kind: 'none_of_them', at: 'x' })).toEqual(found('ON-TIME'));
    expect(identificationWithChoice(found('ON-TIME'), { kind: 'picked', travellerId: 'TWIN-A', at: 'x' })).toEqual(found('ON-TIME'));
    expect(identificationWithChoice({ kind: 'ambiguous', candidates: [candidate('TWIN-A'), candidate('ON-TIME')] }, { kind: 'picked', travellerId: 'TWIN-B', at: 'x' })).toMatchObject({ kind: 'ambiguous' });
    expect(identificationWithChoice(twins, undefined)).toBe(twins);
  });
});
