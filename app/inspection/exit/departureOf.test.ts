import { describe, expect, it } from 'vitest';
import { finalRulePolicy } from '../../policy/testSupport/shippedPolicies';
import { galleryEntry as entry } from './testSupport/galleryEntry';
import { vehicleExitDeparture as departure } from './testSupport/vehicleExitDeparture';
import { departureOf } from './departureOf';
import { departureRecordSchema } from './departureRecord';
import { assessExitOccupant, type ExitCandidate, type ExitIdentification } from './exitOccupantRules';

/** What a confirmed departure sends to the records service, field by field, as a supervisor reviewing it reads it. */

const gallery = new Map(
  [
    entry('VISITOR'),
    entry('OVERSTAY', { admitUntil: '2026-08-29' }),
    entry('REMOVED', { alerts: [{ alertId: 'P2', kind: 'prior_removal', severity: 'notice', summary: 'Removed 2020', issuedOn: '2020-03-01' }] }),
    entry('LOOKOUT', { alerts: [{ alertId: 'L1', kind: 'lookout', severity: 'hit', summary: 'Lookout' }] }),
    entry('CITIZEN', { citizenship: 'USA', usCitizen: true, admitUntil: null, classOfAdmission: undefined }),
  ].map((e) => [e.travellerId, e]),
);
const context = { departureDate: '2026-12-07', policy: finalRulePolicy };
const candidate = (travellerId: string): ExitCandidate => ({ travellerId, score: 0.61, threshold: 0.42, calibratedFpir: { fpir: 2e-4, bound: true, text: 'under 1 in 5,000' }, gallerySize: 5, trackId: `track-${travellerId}` });
const found = (travellerId: string): ExitIdentification => ({ kind: 'candidate', candidate: candidate(travellerId) });
const optOut = (travellerId: string): ExitIdentification => ({ kind: 'opt_out', declaredAt: '2026-12-07T17:58:00Z', travellerId });
/** 90 FR 48604 with citizens' departures recorded and everyone allowed to opt out: how the rules follow other policy data. */
const everyoneRecorded = {
  ...finalRulePolicy,
  exitRecord: { departureRecordFor: ['us_citizen', 'non_citizen', 'lawful_permanent_resident'], optOutRecorded: true },
  optOut: { ...finalRulePolicy.optOut, exit: ['us_citizen', 'non_citizen', 'lawful_permanent_resident'] },
} as typeof finalRulePolicy;
const recordOf = (identification: ExitIdentification, policy = finalRulePolicy) => departureOf(assessExitOccupant('o1', identification, gallery, { ...context, policy }), 'dep-1', departure);

describe('the departure record of a confirmed occupant', () => {
  it('names the traveller, the booth, port, lane, plate, session, officer and versions it was confirmed under', () => {
    const record = recordOf(found('VISITOR'));
    expect(record).toEqual({
      departureId: 'dep-1',
      travellerId: 'VISITOR',
      departedAt: '2026-12-07T18:00:00Z',
      boothId: 'BOOTH-01',
      port: 'Blaine, WA',
      lane: { laneId: 'lane-1', laneType: 'vehicle' },
      direction: 'exit',
      plate: 'BTH4821',
      sessionId: 'exit-session-1',
      officer: 'officer-1',
      evidence: { method: 'face_identification', trackId: 'track-VISITOR', candidateId: 'VISITOR', score: 0.61, threshold: 0.42, calibratedFpir: { fpir: 2e-4, bound: true, text: 'under 1 in 5,000' }, gallerySize: 5 },
      overstayDays: 0,
      alerts: [],
      versions: departure.versions,
    });
    expect(departureRecordSchema.parse(record)).toEqual(record);
  });

  it('an overstayer\'s record carries the days over', () => {
    expect(recordOf(found('OVERSTAY'))?.overstayDays).toBe(100);
  });

  it('keeps the alerts the officer saw by id and kind only (no summary or severity leaves the booth)', () => {
    const record = recordOf(found('REMOVED'));
    expect(record?.alerts).toEqual([{ alertId: 'P2', kind: 'prior_removal' }]);
    expect(departureRecordSchema.parse(record)).toEqual(record);
  });

  it('a U.S. citizen creates no biometric departure record; where a policy records them, no overstay is counted', () => {
    expect(recordOf(found('CITIZEN'))).toBeNull();
    expect(recordOf(found('CITIZEN'), everyoneRecorded)).toMatchObject({ travellerId: 'CITIZEN', overstayDays: null, evidence: { method: 'face_identification', candidateId: 'CITIZEN' } });
  });

  it('an opt-out is recorded as an opt-out, with the days over of a traveller a policy lets opt out, and the record\'s alerts', () => {
    expect(recordOf(optOut('CITIZEN'))).toMatchObject({ travellerId: 'CITIZEN', evidence: { method: 'opt_out', declaredAt: '2026-12-07T17:58:00Z' }, overstayDays: null, alerts: [] });
    expect(recordOf(optOut('OVERSTAY'), everyoneRecorded)).toMatchObject({ travellerId: 'OVERSTAY', evidence: { method: 'opt_out' }, overstayDays: 100 });
    expect(recordOf(optOut('REMOVED'), everyoneRecorded)?.alerts).toEqual([{ alertId: 'P2', kind: 'prior_removal' }]);
  });

  it('nothing is recorded for a held occupant: not identified, ambiguous, a lookout, an opt-out nobody may make', () => {
    expect(recordOf({ kind: 'no_face' })).toBeNull();
    expect(recordOf({ kind: 'no_candidate', trackId: 't' })).toBeNull();
    expect(recordOf({ kind: 'ambiguous', candidates: [candidate('VISITOR'), candidate('OVERSTAY')] })).toBeNull();
    expect(recordOf(found('LOOKOUT'))).toBeNull();
    expect(recordOf(optOut('VISITOR'))).toBeNull();
  });
});
