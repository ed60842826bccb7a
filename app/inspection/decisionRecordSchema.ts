import { z } from 'zod';
import { auditHeadSchema, type AuditHead } from '../audit/auditAnchor';
import { chipCheckNameSchema, chipCheckStatusSchema } from '../document/lds/chipCheck';
import { chipVerdictSchema } from '../document/lds/chipVerdict';
import type { DocumentRuleCode, DocumentRuleSeverity } from '../document/rules/evaluateDocumentRules';
import { policyIdSchema } from '../policy/inspectionPolicySchema';
import { recordAlertSchema } from '../ports/travellerRecord';
import { laneDirectionSchema } from '../settings/laneDirection';
import type { DecisionSubject } from './evaluateVehicleSession';
import { officerReasonCodes, type DecisionRecord, type SupervisorAlert } from './officerDecision';
import type { DecisionVersions, Evidence, ReasonCode } from './reasons';

/**
 * A recorded decision as it crosses a boundary (renderer -> host IPC, host -> records service): parsed, never
 * cast. Strict objects, bounded strings and arrays; the parse functions at the bottom prove at compile time that
 * what the schemas accept is the TypeScript type the rest of the booth uses.
 */

/**
 * A zod enum of every member of a TypeScript string union: leaving a member out is a compile error (and so is
 * naming one that is not in the union), so the schema cannot fall behind when a code is added.
 */
const enumOfUnion =
  <T extends string>() =>
  <const A extends readonly [T, ...T[]]>(values: A & ([Exclude<T, A[number]>] extends [never] ? unknown : { missingFromSchema: Exclude<T, A[number]> })) =>
    z.enum(values as A);

export const reasonCodeSchema = enumOfUnion<ReasonCode>()([
  'face_matched',
  'face_not_matched',
  'face_not_matched_age_exempt',
  'face_not_compared',
  'face_not_compared_age_exempt',
  'passive_authentication_failed',
  'passive_authentication_not_verifiable',
  'chip_clone_suspected',
  'chip_clone_check_not_made',
  'chip_data_mismatch',
  'chip_not_read',
  'lookout_hit',
  'overstay',
  'visa_invalid',
  'prior_removal',
  'record_alert',
  'document_refused',
  'document_warning',
  'no_record',
  'records_unavailable',
  'occupant_without_document',
  'photography_opt_out',
  'opt_out_not_eligible',
  'vehicle_alert',
  'occupant_referred',
  'plate_no_record',
  'plate_owner_not_present',
  'rfid_count_mismatch',
  'rfid_no_record',
  'presentation_attack_suspected',
  'presentation_attack_not_checked',
]);

const documentRuleCodeSchema = enumOfUnion<DocumentRuleCode>()([
  'mrzInvalid',
  'documentExpired',
  'validityBelowMinimum',
  'expirationUnknown',
  'birthDateUnknown',
  'notValidForLane',
  'notATravelDocument',
]);
const documentRuleSeveritySchema = enumOfUnion<DocumentRuleSeverity>()(['refuse', 'warn', 'info']);

const id = z.string().min(1).max(200);
const timestamp = z.iso.datetime({ offset: true });
const message = z.string().max(2000);
const probability = z.number().min(0).max(1);

const calibratedRateSchema = z.strictObject({ fmr: probability, bound: z.boolean(), text: z.string().min(1).max(100) });

const matchProvenanceSchema = z.strictObject({
  modelId: id,
  modelVersion: z.string().min(1).max(100),
  calibrationVersion: z.string().min(1).max(100),
  targetFmr: probability,
  threshold: z.number(),
});

export const decisionVersionsSchema = z.strictObject({ rules: z.string().min(1).max(100), faceModel: matchProvenanceSchema });

export const decisionSubjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('occupant'), occupantId: id, identityKey: id.optional() }),
  z.strictObject({ kind: z.literal('vehicle'), sessionId: id }),
]);

/** A presentation-attack check on a face's best shot (presentationAttackReason.ts); a departure's evidence carries it too. */
export const presentationAttackEvidenceSchema = z.strictObject({
  kind: z.literal('presentation_attack'),
  trackId: id,
  status: z.enum(['checked', 'not_checked']),
  score: probability.optional(),
  threshold: probability.optional(),
  modelId: id.optional(),
  calibrationVersion: z.string().min(1).max(100).optional(),
  reason: message.optional(),
});

export const evidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('face_match'),
    trackId: id,
    identityKey: id,
    score: z.number(),
    threshold: z.number(),
    decision: z.enum(['match', 'no_match']),
    falseMatchRate: calibratedRateSchema,
    bestShotEmbeddingId: id.optional(),
  }),
  z.strictObject({ kind: z.literal('faces_seen'), trackIds: z.array(id).max(64) }),
  z.strictObject({ kind: z.literal('identity'), identityKey: id }),
  z.strictObject({ kind: z.literal('age'), ageYears: z.number().int().min(0).max(150).nullable(), birthDate: z.string().min(1).max(10).nullable() }),
  z.strictObject({ kind: z.literal('chip_check'), reportId: id, check: chipCheckNameSchema, status: chipCheckStatusSchema, reason: message.optional() }),
  z.strictObject({ kind: z.literal('chip_report'), reportId: id, outcome: z.enum(['read', 'failed']), verdict: chipVerdictSchema.optional(), error: message.optional() }),
  z.strictObject({ kind: z.literal('record_alert'), recordId: id, alertId: id, alertKind: recordAlertSchema.shape.kind, severity: recordAlertSchema.shape.severity }),
  z.strictObject({ kind: z.literal('visa'), recordId: id, status: z.string().min(1).max(50) }),
  z.strictObject({ kind: z.literal('document_rule'), readId: id, code: documentRuleCodeSchema, severity: documentRuleSeveritySchema }),
  z.strictObject({ kind: z.literal('plate_read'), readId: id, plate: z.string().min(1).max(20), region: z.string().max(32), confidence: probability }),
  z.strictObject({ kind: z.literal('vehicle_record'), vehicleId: id }),
  z.strictObject({ kind: z.literal('rfid_cards'), readIds: z.array(id).max(64), count: z.number().int().min(0).max(64) }),
  z.strictObject({ kind: z.literal('records_outage'), code: z.string().min(1).max(50), message }),
  z.strictObject({ kind: z.literal('opt_out'), identityKey: id, declaredAt: timestamp, usCitizen: z.boolean() }),
  z.strictObject({ kind: z.literal('occupant'), occupantId: id }),
  presentationAttackEvidenceSchema,
]);

const outcomeSchema = z.enum(['clear', 'refer']);

export const decisionRecordSchema = z.strictObject({
  decisionId: id,
  subject: decisionSubjectSchema,
  outcome: outcomeSchema,
  recommended: outcomeSchema,
  overridden: z.boolean(),
  officer: z.string().min(1).max(100),
  decidedAt: timestamp,
  ruleReasons: z.array(reasonCodeSchema).max(100),
  officerReasons: z.array(z.enum(officerReasonCodes)).max(officerReasonCodes.length),
  note: message.optional(),
  evidence: z.array(evidenceSchema).max(500),
  versions: decisionVersionsSchema,
  route: z.enum(['standard', 'manual_document_inspection']),
  biometricRetained: z.boolean(),
  /** Absent only from decisions recorded before lanes had a direction and policies were data. */
  direction: laneDirectionSchema.optional(),
  policyId: policyIdSchema.optional(),
});

export const supervisorAlertSchema = z.strictObject({
  alertId: id,
  code: z.literal('override_attempt_on_mandatory_referral'),
  subject: decisionSubjectSchema,
  officer: z.string().min(1).max(100),
  at: timestamp,
  mandatoryReasons: z.array(reasonCodeSchema).max(100),
  message,
});

/** What the outbox sends to the records service for one decision. */
export interface DecisionSyncPayload {
  readonly decision: DecisionRecord;
  /** Decided without the records service: a supervisor reviews it. */
  readonly offline: boolean;
  /** When the booth committed the decision to its store (not when it was synced). */
  readonly recordedAt: string;
  /**
   * The booth's audit chain head the decision was made after: the records service keeps the latest per booth, so a
   * log later cut at its end is seen (app/audit/auditAnchor.ts). Absent from decisions queued before anchoring existed.
   */
  readonly auditHead?: AuditHead;
}

export const decisionSyncPayloadSchema = z.strictObject({ decision: decisionRecordSchema, offline: z.boolean(), recordedAt: timestamp, auditHead: auditHeadSchema.optional() });

/** Each parse function is also the compile-time proof that the schema's output is the named type. */
export const parseDecisionRecord = (input: unknown): DecisionRecord => decisionRecordSchema.parse(input);
export const parseSupervisorAlert = (input: unknown): SupervisorAlert => supervisorAlertSchema.parse(input);
export const parseDecisionSyncPayload = (input: unknown): DecisionSyncPayload => decisionSyncPayloadSchema.parse(input);
export const parseEvidence = (input: unknown): Evidence => evidenceSchema.parse(input);
export const parseDecisionVersions = (input: unknown): DecisionVersions => decisionVersionsSchema.parse(input);
export const parseDecisionSubject = (input: unknown): DecisionSubject => decisionSubjectSchema.parse(input);

/** And the other way: every Evidence kind has a schema (a new kind without one fails to compile here). */
type MissingEvidenceKinds = Exclude<Evidence['kind'], z.output<typeof evidenceSchema>['kind']>;
const everyEvidenceKindHasASchema: [MissingEvidenceKinds] extends [never] ? true : MissingEvidenceKinds = true;
void everyEvidenceKindHasASchema;
