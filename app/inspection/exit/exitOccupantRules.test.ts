import { describe, expect, it } from 'vitest';
import type { DepartureGalleryEntry } from '../../ports/departureGallery';
import { finalRulePolicy } from '../../policy/testSupport/shippedPolicies';
import { departureOf, type DepartureContext } from './departureOf';
import { departureRecordSchema, departureSyncPayloadSchema, isDeparturePayload } from './departureRecord';
import { assessExitOccupant, assessExitVehicle, type ExitCandidate, type ExitIdentification } from './exitOccupantRules';

const entry = (travellerId: string, fields: Partial<DepartureGalleryEntry> = {}): DepartureGalleryEntry => ({
  travellerId,
  surname: travellerId,
  givenNames: 'A',
  birthDate: '1970-01-01',
  citizenship: 'GBR',
  usCitizen: false,
  classOfAdmission: 'WT',
  admitUntil: '2027-01-17',
  entryPhotos: [],
  documentPhotos: [],
  documents: [],
  alerts: [],
  ...fields,
});
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
    expect(assessExitOccupant('o1', found('NOT-IN-GALLERY'), gallery, context)).toMatchObject({ outcome: { kind: 'not_identified' }, recordsDeparture: false });
  });

  it('ambiguous candidates are shown as such with both entries, never resolved', () => {
    const a = assessExitOccupant('o1', { kind: 'ambiguous', candidates: [candidate('TWIN-A', 0.51), candidate('TWIN-B', 0.5)] }, gallery, context);
    expect(a.outcome.kind === 'ambiguous' && a.outcome.candidates.map((c) => [c.entry?.travellerId, c.candidate.score])).toEqual([
      ['TWIN-A', 0.51],
      ['TWIN-B', 0.5],
    ]);
    expect(a).toMatchObject({ confirmable: false, recordsDeparture: false, needsOfficer: true });
  });

  it('an opt-out is confirmed only for a U.S. citizen, and never makes a departure record', () => {
    expect(assessExitOccupant('o1', { kind: 'opt_out', declaredAt: '2026-12-07T10:00:00Z', travellerId: 'CITIZEN' }, gallery, context)).toMatchObject({ outcome: { kind: 'opt_out' }, confirmable: true, recordsDeparture: false, needsOfficer: false });
    expect(assessExitOccupant('o1', { kind: 'opt_out', declaredAt: '2026-12-07T10:00:00Z', travellerId: 'ON-TIME' }, gallery, context)).toMatchObject({ confirmable: false, needsOfficer: true });
    expect(assessExitOccupant('o1', { kind: 'opt_out', declaredAt: '2026-12-07T10:00:00Z', travellerId: 'CITIZEN' }, gallery, { ...context, policy: otherPolicy })).toMatchObject({ confirmable: false, needsOfficer: true });
  });
});

describe('an exit vehicle and its departure records', () => {
  const departure: DepartureContext = {
    departedAt: '2026-12-07T18:00:00Z',
    boothId: 'BOOTH-01',
    port: 'Blaine, WA',
    lane: { laneId: 'lane-1', laneType: 'vehicle' },
    plate: 'BTH4821',
    sessionId: 's-1',
    officer: 'officer',
    versions: { rules: 'exit-rules-1', policy: 'us-90fr48604', faceModel: { modelId: 'fr', modelVersion: '1', calibrationVersion: 'c1' } },
  };

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
});

describe('departure record schema', () => {
  const valid = {
    departureId: 'd1',
    travellerId: 'T1',
    departedAt: '2026-12-07T18:00:00Z',
    boothId: 'BOOTH-01',
    port: 'Blaine, WA',
    lane: { laneId: 'lane-1', laneType: 'vehicle' },
    direction: 'exit',
    plate: null,
    sessionId: 's1',
    officer: 'officer',
    evidence: { method: 'officer_inspection' },
    overstayDays: null,
    alerts: [],
    versions: { rules: 'r', policy: 'p', faceModel: null },
  };

  it('accepts a complete record and refuses entry direction, extra fields (a face image), negative overstay, a bad FPIR', () => {
    expect(departureRecordSchema.safeParse(valid).success).toBe(true);
    const issues = (input: unknown) => (departureRecordSchema.safeParse(input).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(issues({ ...valid, direction: 'entry' })).toEqual(['direction']);
    expect(departureRecordSchema.safeParse({ ...valid, faceImage: 'AAAA' }).success).toBe(false);
    expect(issues({ ...valid, overstayDays: -1 })).toEqual(['overstayDays']);
    expect(issues({ ...valid, evidence: { method: 'face_identification', trackId: 't', candidateId: 'c', score: 1, threshold: 0.4, calibratedFpir: { fpir: 2, bound: false, text: 'x' }, gallerySize: 3 } })).toEqual(['evidence.calibratedFpir.fpir']);
    expect(isDeparturePayload({ decision: {} })).toBe(false);
  });
});
