import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { embedderManifestSchema } from '../biometrics/modelManifest';
import { sequentialIds } from '../ports/Ids';
import { describeSchemaError } from '../shared/describeSchemaError';
import { scriptedDecisionRecords } from '../../native-bridges/records-service/scriptedDecisions.node.ts';
import { scriptedVehicleSession } from '../../native-bridges/records-service/scriptedVehicleSession.node.ts';
import { assembleVehicleSession } from './assembleVehicleSession';
import { decisionRecordSchema, decisionSyncPayloadSchema, evidenceSchema, parseDecisionRecord, parseDecisionSyncPayload, parseSupervisorAlert, supervisorAlertSchema } from './decisionRecordSchema';
import { evaluateVehicleSession } from './evaluateVehicleSession';
import { applyOfficerDecision, type DecisionRecord } from './officerDecision';
import type { Evidence } from './reasons';

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../assets/models/fr_feature.json', import.meta.url), 'utf8')));
const now = new Date('2026-11-23T10:00:00Z');
const clock = { now: () => now };
const decisions = scriptedDecisionRecords(model, now);
const wire = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));
const anna = (): DecisionRecord => {
  const found = decisions.find((d) => d.subject.kind === 'occupant' && d.subject.identityKey === 'record:TR-0001' && d.outcome === 'clear');
  if (!found) throw new Error('the scripted vehicle has no cleared TR-0001');
  return found;
};
/** The message a boundary would report for this value, or null when the schema accepts it. */
const problem = (schema: z.ZodType, value: unknown): string | null => {
  const result = schema.safeParse(value);
  return result.success ? null : describeSchemaError(result.error);
};

/** One of every kind of evidence (the Record type makes a new kind without an example a compile error). */
const evidenceExamples: Record<Evidence['kind'], Evidence> = {
  face_match: { kind: 'face_match', trackId: 't-1', identityKey: 'record:TR-1', score: 0.71, threshold: 0.42, decision: 'match', falseMatchRate: { fmr: 1e-5, bound: false, text: '1 in 100,000' }, bestShotEmbeddingId: 'emb-1' },
  faces_seen: { kind: 'faces_seen', trackIds: ['t-1', 't-2'] },
  identity: { kind: 'identity', identityKey: 'doc:SWE:L898902C3' },
  age: { kind: 'age', ageYears: null, birthDate: null },
  chip_check: { kind: 'chip_check', reportId: 'chip-1', check: 'active_authentication', status: 'failed', reason: 'signature did not verify' },
  chip_report: { kind: 'chip_report', reportId: 'chip-1', outcome: 'failed', error: 'card removed' },
  record_alert: { kind: 'record_alert', recordId: 'TR-1', alertId: 'A-1', alertKind: 'lookout', severity: 'hit' },
  visa: { kind: 'visa', recordId: 'TR-1', status: 'expired' },
  document_rule: { kind: 'document_rule', readId: 'doc-1', code: 'documentExpired', severity: 'refuse' },
  plate_read: { kind: 'plate_read', readId: 'plate-1', plate: 'BTH4821', region: 'US-WA', confidence: 0.94 },
  vehicle_record: { kind: 'vehicle_record', vehicleId: 'VH-1' },
  rfid_cards: { kind: 'rfid_cards', readIds: ['rfid-1'], count: 1 },
  records_outage: { kind: 'records_outage', code: 'timeout', message: 'no answer within 2000 ms' },
  opt_out: { kind: 'opt_out', identityKey: 'record:TR-2', declaredAt: now.toISOString(), usCitizen: true },
  occupant: { kind: 'occupant', occupantId: 'occupant-1' },
  presentation_attack: { kind: 'presentation_attack', trackId: 't-1', status: 'checked', score: 0.12, threshold: 0.4, modelId: 'faceplugin-fr-liveness', calibrationVersion: 'pad-1' },
};

describe('decision record schema', () => {
  it('accepts every decision the real rules make on the scripted vehicles, unchanged, after a JSON round trip', () => {
    expect(decisions.length).toBeGreaterThan(20);
    const kinds = new Set(decisions.flatMap((d) => d.evidence.map((e) => e.kind)));
    expect(kinds.size).toBeGreaterThanOrEqual(13);
    for (const decision of decisions) expect(parseDecisionRecord(wire(decision))).toEqual(wire(decision));
  });

  it('accepts one of every kind of evidence and refuses an unknown kind', () => {
    for (const example of Object.values(evidenceExamples)) expect(evidenceSchema.parse(wire(example))).toEqual(example);
    expect(problem(evidenceSchema, { kind: 'hunch', confidence: 1 })).toMatch(/^kind: /);
  });

  it('accepts the supervisor alert of a refused override and the sync payload of a decision', () => {
    const input = scriptedVehicleSession({ now, model, impostors: [0] });
    const { occupants } = evaluateVehicleSession(assembleVehicleSession(input, clock), clock);
    const mandatory = occupants.find((o) => o.mandatory);
    expect(mandatory).toBeDefined();
    const attempt = applyOfficerDecision(mandatory!, { officer: 'officer-7', outcome: 'clear', reasons: ['other'] }, clock, sequentialIds());
    expect(attempt.kind).toBe('override_refused');
    if (attempt.kind === 'override_refused') expect(parseSupervisorAlert(wire(attempt.alert))).toEqual(attempt.alert);
    expect(supervisorAlertSchema.safeParse({ alertId: 'a', code: 'override_attempt_on_mandatory_referral' }).success).toBe(false);
    const payload = { decision: anna(), offline: false, recordedAt: now.toISOString() };
    expect(parseDecisionSyncPayload(wire(payload))).toEqual(wire(payload));
  });

  it('refuses what is not a decision, naming the field', () => {
    const decision = wire(anna()) as Record<string, unknown>;
    const cases: [unknown, RegExp][] = [
      [{ ...decision, smuggled: 'x' }, /Unrecognized key.*smuggled/],
      [{ ...decision, officer: '' }, /^officer: /],
      [{ ...decision, note: 'x'.repeat(2001) }, /^note: /],
      [{ ...decision, decidedAt: 'yesterday' }, /^decidedAt: /],
      [{ ...decision, outcome: 'wave_through' }, /^outcome: /],
      [{ ...decision, ruleReasons: ['face_matched', 'gut_feeling'] }, /^ruleReasons\.1: /],
      [{ ...decision, officerReasons: ['bribe'] }, /^officerReasons\.0: /],
      [{ ...decision, evidence: [{ ...evidenceExamples.plate_read, confidence: 3 }] }, /^evidence\.0\.confidence: /],
      [{ ...decision, evidence: [{ ...evidenceExamples.face_match, embedding: [0.1, 0.2] }] }, /^evidence\.0: .*embedding/],
      [{ ...decision, versions: { rules: 'r' } }, /^versions\.faceModel: /],
      [{ ...decision, subject: { kind: 'occupant' } }, /^subject\.occupantId: /],
      [{ ...decision, evidence: Array.from({ length: 501 }, () => evidenceExamples.occupant) }, /^evidence: /],
    ];
    for (const [value, expected] of cases) expect(problem(decisionRecordSchema, value)).toMatch(expected);
    expect(problem(decisionRecordSchema, decision)).toBeNull();
  });

  it('refuses a sync payload without its decision, with a bad time, or with extra fields', () => {
    const decision = wire(anna());
    expect(problem(decisionSyncPayloadSchema, { offline: false, recordedAt: now.toISOString() })).toMatch(/^decision: /);
    expect(problem(decisionSyncPayloadSchema, { decision, offline: 'no', recordedAt: now.toISOString() })).toMatch(/^offline: /);
    expect(problem(decisionSyncPayloadSchema, { decision, offline: false, recordedAt: '23/11/2026' })).toMatch(/^recordedAt: /);
    expect(problem(decisionSyncPayloadSchema, { decision, offline: false, recordedAt: now.toISOString(), photo: 'base64...' })).toMatch(/photo/);
  });
});
