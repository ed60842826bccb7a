import type { Embedding } from '../../../../app/biometrics/embeddingMath';
import { verify } from '../../../../app/biometrics/faceMatching';
import { assignRoster } from '../../../../app/biometrics/rosterAssignment';
import type { EmbedderManifest } from '../../../../app/biometrics/modelManifest';
import type { ExitDocument, ExitDocumentChip, ExitDocumentComparison } from '../../../../app/inspection/exit/exitDocumentCheck';
import type { LaneSession } from '../../../../app/inspection/laneSession';
import { faceNotComparedBecause, sessionIdentities, type SessionIdentity } from '../../../../app/inspection/sessionIdentities';
import type { DepartureGalleryEntry } from '../../../../app/ports/departureGallery';
import type { ReferenceEmbedding, SessionFace } from '../../../state/laneSlice';
import { imageKey } from '../encodedImages';
import { comparedReferences, oneTravellerFace } from '../useLaneAssessment';

/** What the 1:1 comparison at exit needs: the entry lane's references (embedded by useReferenceEmbeddings), its target FMR and embedder. */
export interface ExitDocumentInputs {
  readonly session: LaneSession | null;
  readonly faces: readonly SessionFace[];
  readonly references: Readonly<Record<string, ReferenceEmbedding>>;
  readonly targetFmr: number | null;
  readonly embedder: EmbedderManifest;
  readonly gallery: readonly DepartureGalleryEntry[];
  readonly now: Date;
}

function exitDocumentOf(identity: SessionIdentity, gallery: readonly DepartureGalleryEntry[]): ExitDocument {
  const photos = new Set(identity.references.map((r) => imageKey(r.image)));
  const photoOf = gallery.filter((e) => e.documentPhotos.some((p) => p.image && photos.has(imageKey(p.image)))).map((e) => e.travellerId);
  const chip = identity.document?.chip;
  const chipStanding: ExitDocumentChip | undefined = chip && (chip.outcome === 'failed' ? { verdict: 'not_read', ...(chip.error ? { reason: chip.error.message } : {}) } : { verdict: chip.verdict, ...(chip.verdictReason ? { reason: chip.verdictReason } : {}) });
  return { documentNumber: identity.documentNumber ?? 'unread', nationality: identity.nationality, name: identity.name, ...(photoOf.length > 0 ? { photoOfTravellers: photoOf } : {}), ...(chipStanding ? { chip: chipStanding } : {}) };
}

/**
 * The face compared 1:1 with one document's photos, with the entry lane's `verify` at the booth's target FMR (the same
 * calibration and threshold). Only the document's own photos (chip DG2, printed page) count; a photo not embedded yet
 * or refused is a comparison not made, never a pass.
 */
function compareWithDocument(face: SessionFace, identity: SessionIdentity, inputs: ExitDocumentInputs): ExitDocumentComparison {
  const document = exitDocumentOf(identity, inputs.gallery);
  const own = { ...identity, references: identity.references.filter((r) => r.source !== 'gallery') };
  if (own.references.length === 0) return { kind: 'not_compared', document, reason: faceNotComparedBecause(own) };
  if (inputs.targetFmr === null) return { kind: 'not_compared', document, reason: 'the booth has no target false-match rate' };
  const photos = comparedReferences(own, inputs.references);
  if (photos.length === 0) {
    const failed = own.references.map((r) => inputs.references[imageKey(r.image)]).find((s) => s?.phase === 'error');
    return { kind: 'not_compared', document, reason: failed?.phase === 'error' ? `the document photo could not be used (${failed.message})` : 'the document photo is not ready yet' };
  }
  // Worker embeddings are plain ArrayBuffer-backed Float32Arrays (transferred, never shared).
  const match = verify(face.probes.map((p) => p.embedding as Embedding), photos.map((p) => p.embedding), inputs.embedder, { targetFmr: inputs.targetFmr });
  const { decision, score, modelId, modelVersion, calibrationVersion, targetFmr, threshold } = match;
  return { kind: 'compared', document, decision, score, referenceSource: photos[match.bestReference]?.source === 'chip' ? 'chip' : 'document', modelId, modelVersion, calibrationVersion, targetFmr, threshold };
}

/** Of several documents one traveller presented, the one the rules see: a non-match first (it holds), then a match, then one not compared. */
const rank = (c: ExitDocumentComparison): number => (c.kind === 'not_compared' ? 2 : c.decision === 'no_match' ? 0 : 1);

/** Which face each document presented in the lane session is, and the documents no face is. */
export interface ExitDocumentAttribution {
  /** Per face (track id), its 1:1 comparison with the document that is theirs. */
  readonly byFace: Readonly<Record<string, ExitDocumentComparison>>;
  /**
   * Documents presented whose holder is not among the faces: none matches the photo (its closest non-match is kept as
   * evidence) or it could not be compared (why). The officer sees each and nobody is confirmed on it.
   */
  readonly withoutFace: readonly ExitDocumentComparison[];
}

const none: ExitDocumentAttribution = { byFace: {}, withoutFace: [] };

/** What a document nobody's face is shows: its closest non-match, else why it could not be compared. */
function unattributed(document: SessionIdentity, comparisons: readonly ExitDocumentComparison[], inputs: ExitDocumentInputs): ExitDocumentComparison {
  const closest = comparisons.filter((c) => c.kind === 'compared').sort((a, b) => (b.kind === 'compared' ? b.score : 0) - (a.kind === 'compared' ? a.score : 0))[0];
  return closest ?? comparisons[0] ?? { kind: 'not_compared', document: exitDocumentOf(document, inputs.gallery), reason: 'no face seen to compare it with' };
}

/**
 * The documents presented in the lane session, each compared 1:1 with the faces. At a one-traveller lane every
 * document is the traveller's (the largest face in view, as at entry; the largest seen once none is in view). In a
 * vehicle documents and faces are paired as at entry (assignRoster: the most matching pairs, then the highest total
 * score); a document no face matches is the officer's to look into, never dropped.
 */
export function exitDocumentComparisons(inputs: ExitDocumentInputs): ExitDocumentAttribution {
  const { session } = inputs;
  if (!session || session.documents.length === 0) return none;
  const documents = sessionIdentities(session, inputs.now).filter((i) => i.document !== undefined);
  const embedded = inputs.faces.filter((f) => f.probes.length > 0);
  if (session.laneType !== 'vehicle') {
    // The traveller in view, as at entry; once they stepped out of view, the face the card still shows for them.
    const traveller = oneTravellerFace(embedded) ?? [...embedded].sort((a, b) => b.area - a.area)[0];
    if (!traveller) return { byFace: {}, withoutFace: documents.map((d) => unattributed(d, [], inputs)) };
    const best = documents.map((d) => compareWithDocument(traveller, d, inputs)).sort((a, b) => rank(a) - rank(b))[0];
    return best ? { byFace: { [traveller.trackId]: best }, withoutFace: [] } : none;
  }
  const compared = embedded.map((face) => documents.map((document) => compareWithDocument(face, document, inputs)));
  const similarity = compared.map((row) => row.map((c) => (c.kind === 'compared' && c.decision === 'match' ? c.score : Number.NaN)));
  const roster = assignRoster(similarity, documents.length, { minSimilarity: Number.NEGATIVE_INFINITY });
  const byFace: Record<string, ExitDocumentComparison> = {};
  for (const pair of roster.pairs) {
    const face = embedded[pair.face];
    const comparison = compared[pair.face]?.[pair.identity];
    if (face && comparison) byFace[face.trackId] = comparison;
  }
  const withoutFace = roster.unmatchedIdentities.flatMap((d) => {
    const document = documents[d];
    return document ? [unattributed(document, compared.flatMap((row) => row[d] ?? []), inputs)] : [];
  });
  return { byFace, withoutFace };
}
