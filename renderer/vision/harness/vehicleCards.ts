import { assignRoster, type RosterAssignment } from '../../../app/biometrics/rosterAssignment';
import { calibratedFmr } from '../../../app/biometrics/calibration';
import type { MatchProvenance, MatchResult } from '../../../app/biometrics/faceMatching';
import { comparisonsThroughPapers, occupantTracks } from '../../../app/inspection/occupantTracks';
import type { SeatPaths } from '../../../app/inspection/seatOfTrack';
import type { SeatFace, TrackComparison, TrackSighting } from '../../../app/inspection/vehicleSessionInput';
import { seenAgainComparisons } from '../../features/lane/seenAgainComparisons';
import { defaultModels } from '../shippedModels';

/**
 * What the vehicle evaluation counts as the lane would show it: each track with a comparable face is a card unless
 * the lane takes it for a kept face seen again or seen by another camera (the lane's own functions:
 * app/inspection/occupantTracks.ts, fed the seat fits and face-to-face comparisons the lane computes,
 * renderer/features/lane/seenAgainComparisons.ts); faces and papers nothing matched are paired as the lane pairs
 * them (a card of one person's face on another's papers is a wrong card).
 */
export interface AssociationInput {
  readonly seatFaces: readonly SeatFace[];
  readonly comparisons: readonly TrackComparison[];
}

export interface EmbeddedTrack {
  readonly trackId: string;
  readonly cameraId: string;
  /** Best first, as the lane keeps them (its 5 best fused for a comparison). */
  readonly probes: readonly { readonly quality: number; readonly embedding: Float32Array }[];
  readonly sighted: TrackSighting;
}

const LANE_PROBES = 5;

/** The tracks as the lane's session input has them (seat fits from each camera's geometry) and the face-to-face comparisons the lane would make. */
export function associationInput(tracks: readonly EmbeddedTrack[], seatPaths: ReadonlyMap<string, SeatPaths>, targetFmr: number): AssociationInput {
  const seatFaces = tracks.map((t): SeatFace => {
    const paths = seatPaths.get(t.cameraId);
    return { trackId: t.trackId, cameraId: t.cameraId, cameraPosition: 'rear', bestShotEmbeddingId: `${t.trackId}#best`, sighted: t.sighted, ...(paths ? { seatFits: [...paths.fits(t.sighted)].sort() } : {}) };
  });
  const faces = Object.fromEntries(tracks.map((t) => [t.trackId, { probes: t.probes.slice(0, LANE_PROBES).map((p) => ({ score: p.quality, embedding: p.embedding })) }]));
  return { seatFaces, comparisons: seenAgainComparisons(seatFaces, faces, defaultModels().embedder, { targetFmr }) };
}

export interface LaneCards {
  readonly counted: number;
  readonly strayTracks: number;
  readonly extraCards: number;
  readonly wrongCards: number;
  readonly wrongJoins: number;
}

/**
 * The cards of one vehicle: `roster` the faces matched with papers (indices into `similarity`'s rows and
 * `association.seatFaces`), `ownerOf` the occupant a track is really on (-1: nobody present).
 */
export function laneCards(roster: RosterAssignment, similarity: readonly (readonly number[])[], provenance: MatchProvenance, association: AssociationInput, withAssociation: boolean, ownerOf: (face: number) => number): LaneCards {
  const indexOf = new Map(association.seatFaces.map((f, k) => [f.trackId, k]));
  const faceAt = (k: number) => association.seatFaces[k] as SeatFace;
  const matched = roster.pairs.map((p) => p.face);
  let kept: readonly number[] = roster.unmatchedFaces;
  let wrongJoins = 0;
  if (withAssociation) {
    // A face matching a matched occupant's papers at the threshold (as the lane's comparisons say it: occupantTracks.ts).
    const papersOf = new Map(roster.pairs.map((p) => [faceAt(p.face).trackId, p.identity]));
    const throughPapers = comparisonsThroughPapers(roster.unmatchedFaces.map(faceAt), matched.map(faceAt), (trackId, occupantTrackId) => {
      const score = similarity[indexOf.get(trackId) ?? -1]?.[papersOf.get(occupantTrackId) ?? -1];
      return score !== undefined && score >= provenance.threshold ? papersMatchAt(score, provenance) : undefined;
    });
    const tracks = occupantTracks(roster.unmatchedFaces.map(faceAt), matched.map(faceAt), [...association.comparisons, ...throughPapers]);
    kept = tracks.kept.map((f) => indexOf.get(f.trackId) ?? -1);
    for (const [primary, joined] of tracks.seenAgain) {
      const owner = ownerOf(indexOf.get(primary) ?? -1);
      wrongJoins += joined.filter((f) => ownerOf(indexOf.get(f.trackId) ?? -1) !== owner).length;
    }
  }
  const cards = [...matched, ...kept];
  const owners = cards.map(ownerOf).filter((o) => o >= 0);
  const leftoverPapers = roster.unmatchedIdentities;
  const leftover = assignRoster(kept.map((f) => leftoverPapers.map((i) => similarity[f]?.[i] ?? Number.NaN)), leftoverPapers.length, { minSimilarity: Number.NEGATIVE_INFINITY });
  return {
    counted: cards.length,
    strayTracks: cards.length - owners.length,
    extraCards: owners.length - new Set(owners).size,
    wrongCards: leftover.pairs.filter((p) => ownerOf(kept[p.face] ?? -1) !== leftoverPapers[p.identity]).length,
    wrongJoins,
  };
}

/** A face's match with papers as the lane's comparison has it (its calibrated false-match rate: occupantTracks.ts weighs two occupants by it). */
function papersMatchAt(score: number, provenance: MatchProvenance): MatchResult {
  return { ...provenance, decision: 'match', score, falseMatchRate: calibratedFmr(defaultModels().embedder.calibration, score), bestReference: 0, comparisons: 1 };
}
