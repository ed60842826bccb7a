import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedderManifestSchema } from '../biometrics/modelManifest';
import type { ChipReport } from '../ports/chipReport';
import { sequentialIds } from '../ports/Ids';
import { scriptedRecordsScenario } from '../../native-bridges/records-service/scriptedRecords.node.ts';
import { scriptedVehicleSession, type ScriptedVehicleOptions } from '../../native-bridges/records-service/scriptedVehicleSession.node.ts';
import type { LaneType } from '../settings/boothSettings';
import { assembleVehicleSession } from './assembleVehicleSession';
import { parseDecisionRecord, parseSupervisorAlert } from './decisionRecordSchema';
import { evaluateVehicleSession, evidenceOf, type Recommendation } from './evaluateVehicleSession';
import { applyOfficerDecision } from './officerDecision';
import { inspectionRulesVersion } from './reasons';
import type { VehicleSessionInput } from './vehicleSessionInput';
import { pilotEraPolicy } from '../policy/testSupport/shippedPolicies';
import type { InspectionPolicy } from '../policy/inspectionPolicySchema';

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../assets/models/fr_feature.json', import.meta.url), 'utf8')));
const now = new Date('2026-11-23T10:00:00Z');
const clock = { now: () => now };

function evaluate(options: Partial<ScriptedVehicleOptions> = {}, change: (input: VehicleSessionInput) => VehicleSessionInput = (i) => i) {
  const session = assembleVehicleSession(change(scriptedVehicleSession({ now, model, ...options })), clock);
  return { session, ...evaluateVehicleSession(session, clock) };
}
const byRecord = (occupants: readonly Recommendation[], recordId: string) => occupants.find((o) => o.subject.kind === 'occupant' && o.subject.identityKey === `record:${recordId}`);
const codes = (r: Recommendation | undefined) => r?.reasons.map((x) => `${x.code}:${x.severity}`) ?? [];

/** One traveller at a booth (index into simulatedTravellers): passport typed in, no reference photo, face in view or not. */
function atTheBooth(traveller: number, faceInView: boolean, laneType: LaneType = 'air', policy?: InspectionPolicy) {
  const scenario = { ...scriptedRecordsScenario, travellers: scriptedRecordsScenario.travellers.map((t) => ({ ...t, gallery: [] })) };
  return evaluate({ scenario, occupants: [traveller] }, ({ plate: _plate, ...input }) => ({
    ...input,
    laneType,
    rfidCards: [],
    records: { travellers: input.records.travellers.filter((lookup) => lookup.by.kind === 'document') },
    faces: faceInView ? input.faces : [],
    comparisons: [],
    ...(policy ? { policy } : {}),
  }));
}
const advice = (r: Recommendation | undefined) => ({ outcome: r?.outcome, mandatory: r?.mandatory, reasons: codes(r) });

function chip(failed: ChipReport['checks'][number]['check'][], outcome: ChipReport['outcome'] = 'read'): ChipReport {
  const all = ['sod_signature', 'dg_hash', 'csca_chain', 'active_authentication', 'chip_authentication', 'dg1_vs_mrz'] as const;
  return {
    reportId: 'chip-1',
    readAt: now.toISOString(),
    reader: 'sim',
    outcome,
    checks: outcome === 'failed' ? [] : all.map((check) => ({ check, status: failed.includes(check) ? 'failed' : 'passed', ...(failed.includes(check) ? { reason: `${check} failed (test)` } : {}) })),
    verdict: outcome === 'failed' ? 'not_verifiable' : failed.length > 0 ? 'failed' : 'verified',
    ...(outcome === 'failed' ? { error: { code: 'card_removed', message: 'the card was removed' } } : {}),
  };
}

describe('decision rules', () => {
  it('clears a matching traveller with valid papers and no alerts, and records the evidence, model and threshold', () => {
    const { occupants } = evaluate();
    const anna = byRecord(occupants, 'TR-0001');
    expect(anna?.outcome).toBe('clear');
    expect(codes(anna)).toEqual(['face_matched:info']);
    const evidence = anna?.reasons[0]?.evidence[0];
    expect(evidence).toMatchObject({ kind: 'face_match', decision: 'match', threshold: model.calibration.thresholdsByFmr['1e-4'] });
    expect(anna?.versions).toEqual({
      rules: inspectionRulesVersion,
      faceModel: { modelId: model.id, modelVersion: model.version, calibrationVersion: model.calibration.version, targetFmr: 1e-4, threshold: model.calibration.thresholdsByFmr['1e-4'] },
    });
    expect(anna?.biometric).toEqual({ retained: true });
  });

  it('refers an expired document and an overstay through the document rules and the record (officer may override)', () => {
    const sarah = byRecord(evaluate().occupants, 'TR-0005');
    expect(sarah?.outcome).toBe('refer');
    expect(sarah?.mandatory).toBe(false);
    expect(codes(sarah)).toEqual(expect.arrayContaining(['document_refused:refer', 'overstay:refer']));
    expect(sarah?.reasons.find((r) => r.code === 'document_refused')?.evidence[0]).toMatchObject({ kind: 'document_rule', code: 'documentExpired' });
  });

  it('forces referral when the face does not match a traveller aged 14-79', () => {
    const { occupants, vehicle } = evaluate({ impostors: [0] });
    const michael = byRecord(occupants, 'TR-0002');
    expect(michael?.outcome).toBe('refer');
    expect(michael?.mandatory).toBe(true);
    expect(codes(michael)).toContain('face_not_matched:mandatory');
    expect(michael?.reasons.find((r) => r.code === 'face_not_matched')?.evidence).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'face_match', decision: 'no_match' }), { kind: 'age', ageYears: 41, birthDate: '1985-03-22' }]),
    );
    // The face is on Michael's card (it does not match it), not a separate person without papers.
    expect(occupants.filter((o) => o.subject.kind === 'occupant' && !o.subject.identityKey)).toEqual([]);
    expect(vehicle.outcome).toBe('refer');
    expect(vehicle.mandatory).toBe(true);
  });

  it('does not force referral for a non-match under 14 (face matching unreliable): the officer compares by eye', () => {
    const { occupants } = evaluate({ vehicle: 1, impostors: [1] });
    const child = byRecord(occupants, 'TR-0004');
    // Someone holds the child's papers and does not match them: a referral the officer may clear with a reason.
    expect(codes(child)).toContain('face_not_matched_age_exempt:refer');
    expect(child?.mandatory).toBe(false);
  });


  it('does not force referral for a non-match over 79 under the pilot-era policy; 90 FR 48604 (in force now) does', () => {
    const scenario = { ...scriptedRecordsScenario, travellers: scriptedRecordsScenario.travellers.map((t) => (t.recordId === 'TR-0001' ? { ...t, birthDate: '1940-01-01' } : t)) };
    const { occupants } = evaluate({ scenario, documentsRead: [], impostors: [1], inspectionPolicy: pilotEraPolicy });
    const anna = byRecord(occupants, 'TR-0001');
    expect(codes(anna)).toContain('face_not_matched_age_exempt:refer');
    expect(anna?.reasons.find((r) => r.code === 'face_not_matched_age_exempt')?.evidence).toContainEqual({ kind: 'age', ageYears: 86, birthDate: '1940-01-01' });
    expect(codes(byRecord(evaluate({ scenario, documentsRead: [], impostors: [1] }).occupants, 'TR-0001'))).toContain('face_not_matched:mandatory');
  });

  it('treats an unknown age as within 14-79 (records down, card only): referral stays mandatory', () => {
    const { occupants } = evaluate({ recordsDown: true, documentsRead: [] });
    const cardOnly = occupants.filter((o) => o.subject.kind === 'occupant' && o.subject.identityKey?.startsWith('rfid:'));
    expect(cardOnly).toHaveLength(3);
    for (const o of cardOnly) {
      expect(codes(o)).toContain('face_not_matched:mandatory');
      expect(codes(o)).toContain('records_unavailable:warning');
    }
  });

  it('a traveller at a booth whose face could not be compared (no reference photo) gets the rule for an unverified face: mandatory at 14-79', () => {
    const { occupants, vehicle } = atTheBooth(1, true);
    expect(occupants).toHaveLength(1);
    const michael = occupants[0];
    expect(michael?.subject).toEqual({ kind: 'occupant', occupantId: 'track-1', identityKey: 'record:TR-0002' });
    // The same advice as for his papers with no face at all, not "a person without a document", under its own
    // code: a supervisor reading the codes must not be told that the face did not match.
    const unverified = atTheBooth(1, false).occupants;
    expect(unverified).toHaveLength(1);
    expect(advice(unverified[0])).toEqual({ outcome: 'refer', mandatory: true, reasons: ['face_not_matched:mandatory'] });
    expect(advice(michael)).toEqual({ outcome: 'refer', mandatory: true, reasons: ['face_not_compared:mandatory'] });
    const reason = michael?.reasons.find((r) => r.code === 'face_not_compared');
    expect(reason?.message).toBe('no reference photo to compare the face with: the face seen could not be verified');
    expect(reason?.evidence).toEqual([{ kind: 'faces_seen', trackIds: ['track-1'] }, { kind: 'identity', identityKey: 'record:TR-0002' }, { kind: 'age', ageYears: 41, birthDate: '1985-03-22' }]);
    expect(michael?.biometric).toEqual({ retained: true });
    // The pair raises no vehicle-level reason of its own: only the occupant's referral.
    expect(codes(vehicle)).toEqual(['occupant_referred:mandatory']);
    // The recorded decision and an attempt to clear it carry the true reason across the boundary (the schemas know the code).
    const decided = applyOfficerDecision(michael!, { officer: 'officer-7', outcome: 'refer', reasons: [] }, clock, sequentialIds());
    expect(decided.kind === 'recorded' && parseDecisionRecord(decided.decision).ruleReasons).toEqual(['face_not_compared']);
    const attempt = applyOfficerDecision(michael!, { officer: 'officer-7', outcome: 'clear', reasons: [] }, clock, sequentialIds());
    expect(attempt.kind === 'override_refused' && parseSupervisorAlert(attempt.alert).mandatoryReasons).toEqual(['face_not_compared']);
  });

  it('a traveller at a booth aged under 14 whose face could not be compared: under the pilot-era policy a warning to compare by eye, as with no face; under 90 FR 48604 a referral', () => {
    expect(codes(atTheBooth(3, true).occupants[0])).toContain('face_not_compared_age_exempt:refer');
    const child = atTheBooth(3, true, 'air', pilotEraPolicy).occupants;
    const unverified = atTheBooth(3, false, 'air', pilotEraPolicy).occupants;
    expect(child).toHaveLength(1);
    expect({ ...advice(child[0]), reasons: [] }).toEqual({ ...advice(unverified[0]), reasons: [] });
    expect(codes(unverified[0])).toContain('face_not_matched_age_exempt:warning');
    expect(codes(child[0])).toContain('face_not_compared_age_exempt:warning');
    expect(codes(child[0])).not.toContain('face_not_matched_age_exempt:warning');
    expect(child[0]?.reasons.find((r) => r.code === 'face_not_compared_age_exempt')?.message).toBe(
      'no reference photo to compare the face with: the face seen could not be verified, but at 11 face matching is unreliable: compare by eye',
    );
  });

  it('in a vehicle the lone face and the lone papers stay two occupants: a person without a document is referred', () => {
    const { occupants } = atTheBooth(1, true, 'vehicle');
    expect(occupants.map((o) => [o.subject.kind === 'occupant' ? (o.subject.identityKey ?? null) : 'vehicle', advice(o)])).toEqual([
      [null, { outcome: 'refer', mandatory: false, reasons: ['occupant_without_document:refer'] }],
      ['record:TR-0002', { outcome: 'refer', mandatory: true, reasons: ['face_not_matched:mandatory'] }],
    ]);
  });

  it('forces referral on failed passive authentication, on a suspected clone, and on chip data that differs from the MRZ', () => {
    const pa = byRecord(evaluate({ chips: { 1: chip(['dg_hash']) } }).occupants, 'TR-0001');
    expect(codes(pa)).toContain('passive_authentication_failed:mandatory');
    expect(pa?.reasons.find((r) => r.code === 'passive_authentication_failed')?.evidence).toEqual([{ kind: 'chip_check', reportId: 'chip-1', check: 'dg_hash', status: 'failed', reason: 'dg_hash failed (test)' }]);
    const clone = byRecord(evaluate({ chips: { 1: chip(['active_authentication']) } }).occupants, 'TR-0001');
    expect(codes(clone)).toEqual(['face_matched:info', 'chip_clone_suspected:mandatory']);
    const ca = byRecord(evaluate({ chips: { 1: chip(['chip_authentication']) } }).occupants, 'TR-0001');
    expect(ca?.mandatory).toBe(true);
    const dg1 = byRecord(evaluate({ chips: { 1: chip(['dg1_vs_mrz']) } }).occupants, 'TR-0001');
    expect(codes(dg1)).toContain('chip_data_mismatch:mandatory');
    const unread = byRecord(evaluate({ chips: { 1: chip([], 'failed') } }).occupants, 'TR-0001');
    expect(unread?.outcome).toBe('clear');
    expect(codes(unread)).toContain('chip_not_read:warning');
    const good = byRecord(evaluate({ chips: { 1: chip([]) } }).occupants, 'TR-0001');
    expect(codes(good)).toEqual(['face_matched:info']);
  });

  it('forces referral on a lookout hit', () => {
    const erika = byRecord(evaluate({ vehicle: 1 }).occupants, 'TR-0003');
    expect(codes(erika)).toContain('lookout_hit:mandatory');
    expect(erika?.reasons.find((r) => r.code === 'lookout_hit')?.evidence).toEqual([{ kind: 'record_alert', recordId: 'TR-0003', alertId: 'AL-LO-0003', alertKind: 'lookout', severity: 'hit' }]);
  });

  it('refers on a revoked visa and a prior removal; a vehicle alert hit forces referral of the vehicle', () => {
    const scenario = {
      travellers: scriptedRecordsScenario.travellers.map((t) =>
        t.recordId === 'TR-0001' ? { ...t, visa: { status: 'revoked' as const }, alerts: [{ alertId: 'AL-PR', kind: 'prior_removal' as const, severity: 'hit' as const, summary: 'removed 2019' }] } : t,
      ),
      vehicles: scriptedRecordsScenario.vehicles.map((v) => (v.vehicleId === 'VH-0001' ? { ...v, alerts: [{ alertId: 'AL-V', kind: 'vehicle' as const, severity: 'hit' as const, summary: 'reported stolen' }] } : v)),
    };
    const { occupants, vehicle } = evaluate({ scenario });
    expect(codes(byRecord(occupants, 'TR-0001'))).toEqual(expect.arrayContaining(['visa_invalid:refer', 'prior_removal:refer']));
    expect(codes(vehicle)).toContain('vehicle_alert:mandatory');
  });

  it('a vehicle alert that is a hit forces referral of the vehicle; a notice is a warning', () => {
    for (const [severity, expected] of [['hit', 'vehicle_alert:mandatory'], ['notice', 'vehicle_alert:warning']] as const) {
      const scenario = { ...scriptedRecordsScenario, vehicles: scriptedRecordsScenario.vehicles.map((v) => (v.vehicleId === 'VH-0001' ? { ...v, alerts: [{ alertId: 'AL-V', kind: 'vehicle' as const, severity, summary: 'reported stolen' }] } : v)) };
      const { vehicle } = evaluate({ scenario });
      // Sarah's expired passport refers the vehicle either way (not mandatorily).
      expect(codes(vehicle)).toEqual(['occupant_referred:refer', expected]);
      expect(vehicle.reasons[1]).toMatchObject({ message: 'reported stolen', evidence: [{ kind: 'vehicle_record', vehicleId: 'VH-0001' }] });
      expect(vehicle.mandatory).toBe(severity === 'hit');
    }
  });

  it('refers the vehicle when an occupant is referred, mandatorily only when that referral is mandatory, naming who', () => {
    const sarahReferred = evaluate().vehicle;
    expect(sarahReferred.reasons).toEqual([{ code: 'occupant_referred', severity: 'refer', message: '1 of 3 occupant(s) referred', evidence: [{ kind: 'occupant', occupantId: 'track-3' }] }]);
    expect(advice(sarahReferred)).toMatchObject({ outcome: 'refer', mandatory: false });
    const { vehicle } = evaluate({ impostors: [0] });
    expect(vehicle.reasons[0]).toMatchObject({ code: 'occupant_referred', severity: 'mandatory', message: '2 of 3 occupant(s) referred' });
    expect(vehicle.subject).toEqual({ kind: 'vehicle', sessionId: 'session-BTH4821' });
    expect(vehicle.route).toBe('standard');
    expect(vehicle.biometric).toEqual({ retained: true });
    expect(vehicle.versions).toEqual({ rules: inspectionRulesVersion, faceModel: { modelId: model.id, modelVersion: model.version, calibrationVersion: model.calibration.version, targetFmr: 1e-4, threshold: model.calibration.thresholdsByFmr['1e-4'] } });
    expect(vehicle.evaluatedAt).toBe(now.toISOString());
  });

  it('records the comparison a non-match rests on, and the policy when nothing was compared', () => {
    const { occupants } = evaluate({ impostors: [0] });
    const michael = byRecord(occupants, 'TR-0002')!;
    const comparison = michael.reasons.find((r) => r.code === 'face_not_matched')?.evidence[0];
    expect(comparison).toMatchObject({ kind: 'face_match', decision: 'no_match' });
    expect(michael.versions.faceModel.threshold).toBe(model.calibration.thresholdsByFmr['1e-4']);
    const lone = atTheBooth(1, false).occupants[0]!;
    expect(lone.versions.faceModel).toEqual({ modelId: model.id, modelVersion: model.version, calibrationVersion: model.calibration.version, targetFmr: 1e-4, threshold: model.calibration.thresholdsByFmr['1e-4'] });
    expect(lone.biometric).toEqual({ retained: false, reason: 'no_face' });
  });

  it('turns consistency flags into vehicle warnings', () => {
    const { vehicle } = evaluate({ vehicle: 1 });
    expect(codes(vehicle)).toContain('plate_owner_not_present:warning');
    expect(codes(evaluate({ vehicle: 2 }).vehicle)).toContain('plate_no_record:warning');
    expect(codes(evaluate({ stowaways: 1 }).vehicle)).toContain('rfid_count_mismatch:warning');
    // A card registered to nobody: its own vehicle warning.
    const nobody = evaluate({}, (input) => ({
      ...input,
      records: { ...input.records, travellers: input.records.travellers.map((l) => (l.by.kind === 'rfid' && l.by.reference === input.rfidCards[0]?.reference ? { ...l, result: { ok: true as const, value: [], durationMs: 1 } } : l)) },
    }));
    expect(codes(nobody.vehicle)).toContain('rfid_no_record:warning');
    // Flags about a face or papers are the occupant's reasons already: the vehicle gets no second reason for them.
    const impostor = evaluate({ impostors: [2] });
    expect(impostor.session.flags.map((f) => f.code)).toEqual(['face_mismatch']);
    expect(codes(impostor.vehicle)).toEqual(['occupant_referred:mandatory']);
  });

  it('keeps deciding when the records service is down: the outage is a warning, local checks still apply', () => {
    const { occupants, vehicle } = evaluate({ recordsDown: true });
    expect(codes(vehicle)).toContain('records_unavailable:warning');
    const anna = occupants.find((o) => o.subject.kind === 'occupant' && o.subject.identityKey === 'doc:SWE:L898902C3');
    expect(anna?.outcome).toBe('clear');
    expect(codes(anna)).toContain('records_unavailable:warning');
    const decided = applyOfficerDecision(anna!, { officer: 'officer-7', outcome: 'clear', reasons: [] }, clock, sequentialIds());
    expect(decided.kind).toBe('recorded');
  });
});

describe('officer decisions', () => {
  it('refuses to clear a mandatory referral and alerts a supervisor instead (no override)', () => {
    const { occupants, vehicle } = evaluate({ impostors: [0] });
    const michael = byRecord(occupants, 'TR-0002')!;
    const attempt = applyOfficerDecision(michael, { officer: 'officer-7', outcome: 'clear', reasons: ['face_compared_by_eye'] }, clock, sequentialIds());
    expect(attempt).toEqual({
      kind: 'override_refused',
      alert: {
        alertId: 'supervisor-alert-1',
        code: 'override_attempt_on_mandatory_referral',
        subject: michael.subject,
        officer: 'officer-7',
        at: now.toISOString(),
        mandatoryReasons: ['face_not_matched'],
        message: expect.stringContaining('the referral stands'),
      },
    });
    expect(applyOfficerDecision(vehicle, { officer: 'officer-7', outcome: 'clear', reasons: ['other'] }, clock, sequentialIds()).kind).toBe('override_refused');
    const referred = applyOfficerDecision(vehicle, { officer: 'officer-7', outcome: 'refer', reasons: [] }, clock, sequentialIds());
    expect(referred.kind === 'recorded' && referred.decision).toMatchObject({ outcome: 'refer', recommended: 'refer', overridden: false, ruleReasons: expect.arrayContaining(['occupant_referred']) });
  });

  it('lets the officer clear a non-mandatory referral only with a reason, and records the override', () => {
    const sarah = byRecord(evaluate().occupants, 'TR-0005')!;
    expect(applyOfficerDecision(sarah, { officer: 'o', outcome: 'clear', reasons: [] }, clock, sequentialIds())).toEqual({ kind: 'reason_required', message: 'clearing against a referral needs a reason from the list' });
    const result = applyOfficerDecision(sarah, { officer: 'o', outcome: 'clear', reasons: ['records_checked_by_phone'], note: 'exit recorded late' }, clock, sequentialIds());
    expect(result.kind === 'recorded' && result.decision).toMatchObject({ outcome: 'clear', recommended: 'refer', overridden: true, officerReasons: ['records_checked_by_phone'], versions: { rules: inspectionRulesVersion } });
  });

  it('lets a U.S. citizen opt out of photography: manual document inspection, no face compared, no biometric kept', () => {
    const { occupants, session, vehicle } = evaluate({}, (input) => ({ ...input, photographyOptOuts: [{ identityKey: 'record:TR-0002', trackId: 'track-1', declaredAt: now.toISOString() }] }));
    const michael = byRecord(occupants, 'TR-0002')!;
    expect(session.occupants.find((o) => o.identity?.key === 'record:TR-0002')).toMatchObject({ status: 'opted_out' });
    expect(session.occupants.find((o) => o.identity?.key === 'record:TR-0002')?.face).toBeUndefined();
    expect(michael.route).toBe('manual_document_inspection');
    expect(michael.biometric).toEqual({ retained: false, reason: 'us_citizen_opted_out' });
    // One occupant inspected by hand sends the vehicle to manual inspection; the others' faces are still kept.
    expect(vehicle.route).toBe('manual_document_inspection');
    expect(vehicle.biometric).toEqual({ retained: true });
    expect(codes(michael)).toEqual(['photography_opt_out:warning']);
    expect(session.flags).toEqual([]);
    const result = applyOfficerDecision(michael, { officer: 'o', outcome: 'clear', reasons: [] }, clock, sequentialIds());
    expect(result.kind).toBe('recorded');
    if (result.kind !== 'recorded') return;
    expect(result.decision.biometricRetained).toBe(false);
    expect(result.decision.route).toBe('manual_document_inspection');
    // The opt-out is all the record rests on: no face seen, no comparison.
    expect(result.decision.evidence).toEqual([{ kind: 'opt_out', identityKey: 'record:TR-0002', declaredAt: now.toISOString(), usCitizen: true }]);
  });

  it('keeps no face comparison on the decision of a traveller whose face is not kept (papers with no face in view)', () => {
    // Sarah's face is not in the car; her papers were compared with the faces that are (none matched).
    const { occupants } = evaluate({}, (input) => ({ ...input, faces: input.faces.filter((f) => f.trackId !== 'track-3') }));
    const sarah = byRecord(occupants, 'TR-0005')!;
    expect(sarah.biometric).toEqual({ retained: false, reason: 'no_face' });
    expect(evidenceOf(sarah).some((e) => e.kind === 'face_match')).toBe(true);
    const result = applyOfficerDecision(sarah, { officer: 'o', outcome: 'refer', reasons: [] }, clock, sequentialIds());
    expect(result.kind === 'recorded' && result.decision.biometricRetained).toBe(false);
    expect(result.kind === 'recorded' && result.decision.evidence).toEqual(evidenceOf(sarah).filter((e) => e.kind !== 'face_match'));
    expect(result.kind === 'recorded' && result.decision.evidence.length).toBeGreaterThan(0);
    // A matched traveller's decision keeps the comparison it rests on.
    const anna = byRecord(occupants, 'TR-0001')!;
    const cleared = applyOfficerDecision(anna, { officer: 'o', outcome: 'clear', reasons: [] }, clock, sequentialIds());
    expect(cleared.kind === 'recorded' && cleared.decision.evidence).toEqual(evidenceOf(anna));
    expect(evidenceOf(anna).map((e) => e.kind)).toEqual(['face_match']);
  });

  it('names every mandatory reason of a refused override', () => {
    const { occupants } = evaluate({ impostors: [0], chips: { 0: chip(['sod_signature']) } });
    const michael = byRecord(occupants, 'TR-0002')!;
    const attempt = applyOfficerDecision(michael, { officer: 'officer-7', outcome: 'clear', reasons: ['other'] }, clock, sequentialIds());
    expect(attempt.kind === 'override_refused' && attempt.alert).toMatchObject({
      mandatoryReasons: ['face_not_matched', 'passive_authentication_failed'],
      message: 'officer-7 tried to clear a mandatory referral (face_not_matched, passive_authentication_failed); the referral stands',
    });
  });

  it('tells the supervisor only the mandatory reasons of a refused override, not the warnings beside them', () => {
    const { vehicle } = evaluate({ vehicle: 1 });
    expect(codes(vehicle)).toEqual(['occupant_referred:mandatory', 'plate_owner_not_present:warning']);
    const attempt = applyOfficerDecision(vehicle, { officer: 'officer-7', outcome: 'clear', reasons: ['other'] }, clock, sequentialIds());
    expect(attempt.kind === 'override_refused' && attempt.alert).toMatchObject({
      subject: { kind: 'vehicle', sessionId: 'session-KX72QPL' },
      mandatoryReasons: ['occupant_referred'],
      message: 'officer-7 tried to clear a mandatory referral (occupant_referred); the referral stands',
    });
  });

  it('records who decided what, when, against which recommendation, with the officer\'s reasons and note', () => {
    const anna = byRecord(evaluate().occupants, 'TR-0001')!;
    const ids = sequentialIds();
    const referred = applyOfficerDecision(anna, { officer: 'officer-7', outcome: 'refer', reasons: ['behaviour'], note: 'nervous' }, clock, ids);
    expect(referred).toEqual({
      kind: 'recorded',
      decision: {
        decisionId: 'decision-1',
        subject: anna.subject,
        outcome: 'refer',
        recommended: 'clear',
        overridden: false,
        officer: 'officer-7',
        decidedAt: now.toISOString(),
        ruleReasons: ['face_matched'],
        officerReasons: ['behaviour'],
        note: 'nervous',
        evidence: evidenceOf(anna),
        versions: anna.versions,
        route: 'standard',
        biometricRetained: true,
        direction: 'entry',
        policyId: 'us-biometric-entry-exit.90fr48604',
      },
    });
    // Without a note the record has no note field; clearing what the rules clear needs no reason.
    const cleared = applyOfficerDecision(anna, { officer: 'officer-7', outcome: 'clear', reasons: [] }, clock, ids);
    expect(cleared).toMatchObject({ kind: 'recorded', decision: { decisionId: 'decision-2', overridden: false } });
    expect(cleared.kind === 'recorded' ? cleared.decision : null).not.toHaveProperty('note');
    // An empty note is no note.
    const emptyNote = applyOfficerDecision(anna, { officer: 'o', outcome: 'refer', reasons: [], note: '' }, clock, ids);
    expect(emptyNote.kind).toBe('recorded');
    expect(emptyNote.kind === 'recorded' ? emptyNote.decision : null).not.toHaveProperty('note');
  });

  it('at a one-traveller booth, an opt-out declared on the papers before the face was pointed out: one traveller, inspected by hand, nothing kept', () => {
    for (const compared of [false, true]) {
      const scenario = compared ? scriptedRecordsScenario : { ...scriptedRecordsScenario, travellers: scriptedRecordsScenario.travellers.map((t) => ({ ...t, gallery: [] })) };
      const { occupants, vehicle } = evaluate({ scenario, occupants: [1] }, ({ plate: _plate, ...input }) => ({
        ...input,
        laneType: 'pedestrian',
        rfidCards: [],
        records: { travellers: input.records.travellers.filter((lookup) => lookup.by.kind === 'document') },
        comparisons: compared ? input.comparisons : [],
        photographyOptOuts: [{ identityKey: 'record:TR-0002', declaredAt: now.toISOString() }],
      }));
      // Not also "a person without a document" (a referral) for his own face.
      expect(occupants.map((o) => [o.subject, advice(o), o.route, o.biometric])).toEqual([
        [{ kind: 'occupant', occupantId: 'record:TR-0002', identityKey: 'record:TR-0002' }, { outcome: 'clear', mandatory: false, reasons: ['photography_opt_out:warning'] }, 'manual_document_inspection', { retained: false, reason: 'us_citizen_opted_out' }],
      ]);
      expect(advice(vehicle)).toEqual({ outcome: 'clear', mandatory: false, reasons: [] });
      expect(vehicle.route).toBe('manual_document_inspection');
      expect(vehicle.biometric).toEqual({ retained: false });
    }
  });

  it('refuses the opt-out of a non-citizen: the photograph is required and the face is still matched', () => {
    const { occupants } = evaluate({}, (input) => ({ ...input, photographyOptOuts: [{ identityKey: 'record:TR-0001', trackId: 'track-2', declaredAt: now.toISOString() }] }));
    const anna = byRecord(occupants, 'TR-0001');
    expect(codes(anna)).toEqual(['face_matched:info', 'opt_out_not_eligible:warning']);
    expect(anna?.reasons[1]).toEqual({
      code: 'opt_out_not_eligible',
      severity: 'warning',
      message: 'only us citizen may opt out of photography (us-biometric-entry-exit.90fr48604): the photograph is required',
      evidence: [{ kind: 'opt_out', identityKey: 'record:TR-0001', declaredAt: now.toISOString(), usCitizen: false }],
    });
    expect(anna?.route).toBe('standard');
    expect(anna?.biometric.retained).toBe(true);
    // Her refused opt-out is hers alone: the others in the car get no such reason.
    expect(codes(byRecord(occupants, 'TR-0002'))).toEqual(['face_matched:info']);
    // Under a policy that lets two categories opt out, the reason names both.
    const two: InspectionPolicy = { ...pilotEraPolicy, optOut: { ...pilotEraPolicy.optOut, entry: ['us_citizen', 'lawful_permanent_resident'] } };
    const underTwo = evaluate({ inspectionPolicy: two }, (input) => ({ ...input, photographyOptOuts: [{ identityKey: 'record:TR-0001', trackId: 'track-2', declaredAt: now.toISOString() }] }));
    expect(byRecord(underTwo.occupants, 'TR-0001')?.reasons[1]?.message).toBe(`only us citizen, lawful permanent resident may opt out of photography (${pilotEraPolicy.id}): the photograph is required`);
    // Under a policy that lets no one opt out at this lane, the reason says so; a U.S. citizen's attempt is one too.
    const noOne: InspectionPolicy = { ...pilotEraPolicy, optOut: { ...pilotEraPolicy.optOut, entry: [] } };
    const refused = evaluate({ inspectionPolicy: noOne }, (input) => ({ ...input, photographyOptOuts: [{ identityKey: 'record:TR-0002', trackId: 'track-1', declaredAt: now.toISOString() }] }));
    const michael = byRecord(refused.occupants, 'TR-0002');
    expect(michael?.reasons.find((r) => r.code === 'opt_out_not_eligible')).toMatchObject({
      message: `no one may opt out of photography at entry (${pilotEraPolicy.id}): the photograph is required`,
      evidence: [{ kind: 'opt_out', identityKey: 'record:TR-0002', usCitizen: true }],
    });
  });

  it('keeps the face of someone the policy collects, and not of someone outside its collection', () => {
    // Pilot era: a child under 14 is outside the collection; the adults and a person without papers (age unknown) are in it.
    const { occupants } = evaluate({ vehicle: 1, inspectionPolicy: pilotEraPolicy, stowaways: 1 });
    const child = byRecord(occupants, 'TR-0004');
    expect(child?.biometric).toEqual({ retained: false, reason: 'outside_collection' });
    expect(byRecord(occupants, 'TR-0003')?.biometric).toEqual({ retained: true });
    const stranger = occupants.find((o) => o.subject.kind === 'occupant' && !o.subject.identityKey);
    expect(stranger?.biometric).toEqual({ retained: true });
    // A policy that collects no non-citizen at entry keeps no face of a person without papers either.
    const none = pilotEraPolicy.photography.entry.non_citizen.map((band) => ({ ...band, collection: 'exempt' as const }));
    const collectsNoNonCitizen: InspectionPolicy = { ...pilotEraPolicy, photography: { ...pilotEraPolicy.photography, entry: { ...pilotEraPolicy.photography.entry, non_citizen: none } } };
    const unknown = evaluate({ inspectionPolicy: collectsNoNonCitizen, stowaways: 1 }).occupants.find((o) => o.subject.kind === 'occupant' && !o.subject.identityKey);
    expect(unknown?.biometric).toEqual({ retained: false, reason: 'outside_collection' });
  });

  it('a matched face is the first reason, resting on the comparison and the best shot it was made with', () => {
    const { occupants, session } = evaluate();
    const anna = byRecord(occupants, 'TR-0001')!;
    const occupant = session.occupants.find((o) => o.identity?.key === 'record:TR-0001')!;
    expect(anna.reasons[0]).toEqual({
      code: 'face_matched',
      severity: 'info',
      message: `face matches (false-match rate ${occupant.match!.falseMatchRate.text})`,
      evidence: [{ kind: 'face_match', trackId: occupant.face!.trackId, identityKey: 'record:TR-0001', score: occupant.match!.score, threshold: occupant.match!.threshold, decision: 'match', falseMatchRate: occupant.match!.falseMatchRate, bestShotEmbeddingId: occupant.face!.bestShotEmbeddingId }],
    });
    expect(anna.subject).toEqual({ kind: 'occupant', occupantId: occupant.face!.trackId, identityKey: 'record:TR-0001' });
  });
});
