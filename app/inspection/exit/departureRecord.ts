import { z } from 'zod';
import { auditHeadSchema } from '../../audit/auditAnchor';
import { recordAlertSchema } from '../../ports/travellerRecord';
import { presentationAttackEvidenceSchema } from '../decisionRecordSchema';

/**
 * A departure as the booth records it and the records service receives it (POST /v1/departures): who left, when,
 * where and on what evidence, under which model, calibration and policy. Parsed at every boundary (renderer -> host,
 * host -> records service, the simulator's intake), never cast. A U.S. citizen identified at exit has no departure
 * record (no biometric departure is kept for citizens); an officer's inspection without a photograph is recorded as
 * `officer_inspection`, and an opt-out as `opt_out`.
 */

const id = z.string().min(1).max(200);
const timestamp = z.iso.datetime({ offset: true });
const probability = z.number().min(0).max(1);

/** A calibrated false-positive identification rate: the chance a non-mated search returns this candidate at this score. */
export const calibratedFpirSchema = z.strictObject({ fpir: probability, bound: z.boolean(), text: z.string().min(1).max(100) });

/** Why an officer confirms a departure PAD held as a possible photo or screen: they saw the traveller in person, and the face is theirs. */
export const presentationAttackOverrideReasons = ['live_traveller_seen_by_officer'] as const;
export type PresentationAttackOverrideReason = (typeof presentationAttackOverrideReasons)[number];

const documentNumber = z.string().min(1).max(20);
const nationality = z.string().regex(/^[A-Z<]{1,3}$/, 'a nationality is a 1-3 letter ICAO code').nullable();

/**
 * The live face compared 1:1 with the photo of the document the traveller presented (the entry lane's comparison,
 * at the booth's target FMR): the score, threshold and model/calibration it was decided with; or why it could not be
 * made. A departure is only recorded on a match, so a non-match never appears here.
 */
export const documentFaceComparisonSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('match'),
    documentNumber,
    nationality,
    /** The document's photo that scored best: the chip's (DG2) or the printed page's. */
    referenceSource: z.enum(['chip', 'document']),
    score: z.number(),
    threshold: z.number(),
    targetFmr: probability,
    modelId: id,
    modelVersion: z.string().min(1).max(100),
    calibrationVersion: z.string().min(1).max(100),
  }),
  z.strictObject({ outcome: z.literal('not_compared'), documentNumber, nationality, reason: z.string().min(1).max(300) }),
]);
export type DocumentFaceComparison = z.infer<typeof documentFaceComparisonSchema>;

/**
 * What the chip of the document presented proved when the departure was recorded: `verified` (Passive Authentication),
 * `failed` (a chip check failed), `not_verifiable` (a check could not be made) or `not_read` (no chip read, or it could
 * not be read), with the reason the booth gave. A departure on a document not verified is recorded only where the
 * policy lets such a document stand (`exitRecord.unverifiedDocumentIdentifies`): the record says so rather than
 * leaving a supervisor to assume the document was genuine.
 */
export const documentChipStandingSchema = z.strictObject({
  verdict: z.enum(['verified', 'failed', 'not_verifiable', 'not_read']),
  reason: z.string().min(1).max(300).optional(),
});
export type DocumentChipStanding = z.infer<typeof documentChipStandingSchema>;

export const departureEvidenceSchema = z.discriminatedUnion('method', [
  z.strictObject({
    /** The live face was searched against the lane's gallery (1:N) and this candidate was above the threshold. */
    method: z.literal('face_identification'),
    trackId: id,
    candidateId: id,
    score: z.number(),
    threshold: z.number(),
    calibratedFpir: calibratedFpirSchema,
    gallerySize: z.number().int().min(1).max(1_000_000),
    /**
     * The search was ambiguous (look-alikes near the threshold) and the officer, not the booth, chose this candidate
     * among `among` (every candidate in the ambiguity, with its score).
     */
    officerChoice: z.strictObject({ among: z.array(z.strictObject({ candidateId: id, score: z.number() })).min(2).max(10), chosenAt: timestamp }).optional(),
    /** With presentation-attack detection on: the check on the searched face's best shot (score, threshold, model; or why not checked). */
    presentationAttack: presentationAttackEvidenceSchema.optional(),
    /** PAD flagged the face ("possible photo or screen") and the officer, having looked at the traveller, confirmed the departure anyway: why, when. */
    presentationAttackOverride: z.strictObject({ reason: z.enum(presentationAttackOverrideReasons), overriddenAt: timestamp }).optional(),
    /** The traveller also presented a document (it is this candidate's): the face's 1:1 comparison with its photo, or why none was made. */
    documentComparison: documentFaceComparisonSchema.optional(),
    /** That document's chip, as it stood (from exit-rules-2026.12.10 on, with every document comparison). */
    documentChip: documentChipStandingSchema.optional(),
  }),
  /**
   * The traveller handed over a document and was identified as its holder: by the officer (no face), or by the live
   * face matching its photo 1:1 (`faceComparison`) when the gallery held no mate (`noEntryRecord`: a warning shown to
   * the officer, kept with the departure).
   */
  z.strictObject({
    method: z.literal('document'),
    documentNumber,
    faceComparison: documentFaceComparisonSchema.optional(),
    noEntryRecord: z.literal(true).optional(),
    /** The document's chip, as it stood (from exit-rules-2026.12.10 on, always). */
    documentChip: documentChipStandingSchema.optional(),
  }),
  /** Not identified by face: the officer photographed or inspected the traveller and identified them. */
  z.strictObject({ method: z.literal('officer_inspection') }),
  /** The traveller declined to be photographed (only a U.S. citizen may): their documents were inspected instead. */
  z.strictObject({ method: z.literal('opt_out'), declaredAt: timestamp }),
]);
export type DepartureEvidence = z.infer<typeof departureEvidenceSchema>;

export const departureVersionsSchema = z.strictObject({
  rules: z.string().min(1).max(100),
  /** The policy in force when the departure was recorded (assets/policy). */
  policy: z.string().min(1).max(100),
  faceModel: z.strictObject({ modelId: id, modelVersion: z.string().min(1).max(100), calibrationVersion: z.string().min(1).max(100) }).nullable(),
});

/** The first exit rules whose departures name the chip of every document they rest on. */
export const documentChipRecordedFrom = 'exit-rules-2026.12.10';

/** `exit-rules-YYYY.MM.N` as numbers; null for a version of another form (a test's or a simulator's). */
function exitRulesOrder(rules: string): readonly [number, number, number] | null {
  const match = /^exit-rules-(\d{4})\.(\d{1,2})\.(\d{1,4})$/.exec(rules);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/**
 * Whether a departure recorded under `rules` must name its document's chip: every departure from
 * `documentChipRecordedFrom` on. Older ones (and versions of another form) were recorded before the field existed and
 * load without it; the review says it was not recorded.
 */
export function recordsDocumentChip(rules: string): boolean {
  const order = exitRulesOrder(rules);
  const from = exitRulesOrder(documentChipRecordedFrom);
  if (!order || !from) return false;
  for (let i = 0; i < order.length; i++) if (order[i] !== from[i]) return (order[i] ?? 0) > (from[i] ?? 0);
  return true;
}

const departureRecordFields = z.strictObject({
  departureId: id,
  /** The traveller's record id at the records service (the gallery entry's travellerId). */
  travellerId: id,
  departedAt: timestamp,
  boothId: z.string().min(1).max(40),
  port: z.string().min(1).max(100),
  lane: z.strictObject({ laneId: id, laneType: z.enum(['air', 'sea', 'pedestrian', 'vehicle']) }),
  direction: z.literal('exit'),
  /** The vehicle's plate in a vehicle lane; null elsewhere or when none was read. */
  plate: z.string().min(1).max(20).nullable(),
  sessionId: id,
  officer: z.string().min(1).max(100),
  evidence: departureEvidenceSchema,
  /** Days past the admit-until date (0: on time); null when admitted for duration of status. */
  overstayDays: z.number().int().min(0).max(100_000).nullable(),
  alerts: z.array(z.strictObject({ alertId: id, kind: recordAlertSchema.shape.kind })).max(50),
  versions: departureVersionsSchema,
});

/**
 * A departure record, versioned: one recorded under rules that name the document's chip and resting on a document
 * presented (a face identification with a document comparison, a departure by the document) must carry `documentChip`.
 */
export const departureRecordSchema = departureRecordFields.superRefine((record, context) => {
  const { evidence } = record;
  const onDocument = evidence.method === 'document' || (evidence.method === 'face_identification' && evidence.documentComparison !== undefined);
  if (!onDocument || evidence.documentChip !== undefined || !recordsDocumentChip(record.versions.rules)) return;
  context.addIssue({
    code: 'custom',
    path: ['evidence', 'documentChip'],
    message: `a departure recorded under ${record.versions.rules} on a document presented must name its chip's standing (verified, failed, not_verifiable or not_read)`,
  });
});
export type DepartureRecord = z.infer<typeof departureRecordSchema>;

/** What the outbox sends for one departure. `departure` tells it apart from a decision's payload on the shared outbox. */
export const departureSyncPayloadSchema = z.strictObject({
  departure: departureRecordSchema,
  /** Recorded while the records service was unreachable: a supervisor reviews it, as an offline decision. */
  offline: z.boolean(),
  recordedAt: timestamp,
  auditHead: auditHeadSchema.optional(),
});
export type DepartureSyncPayload = z.infer<typeof departureSyncPayloadSchema>;

/** The idempotency key of a departure: one per departure id, so a resend is answered `duplicate`. */
export const departureIdempotencyKey = (departureId: string): string => `departure:${departureId}`;

/** Whether an outbox payload is a departure (the shared outbox carries decisions and departures). */
export function isDeparturePayload(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && 'departure' in payload;
}
