import type { Box } from '../biometrics/geometry';
import type { SeatFace, TrackComparison, TrackSighting } from './vehicleSessionInput';

/**
 * One occupant's face is sometimes two tracks: an occupant hidden behind the seat ahead for longer than the tracker
 * keeps a track alive (FaceTracker's maxMissingMs) is a new track when they lean back into view, and a face half
 * hidden by a headrest (eyes and forehead above it) can yield an embedding that matches no papers. Such a second
 * track, paired with whoever's papers are left, became a "face mismatch" on papers of someone not seen at all, or an
 * extra "unknown person" card (issue #15; docs/vehicle-capture.md, "Extra tracks in a car").
 *
 * A track that matched no papers is taken as a face already matched seen again only when all of these hold:
 * - both are on the same camera and were never seen in the same frame (their sightings do not overlap in time: two
 *   faces seen together are two people, whatever their faces look like);
 * - the later one was first seen where the earlier one was last seen (the same seat, at about the same size);
 * - its face matches the matched track's face at the booth's target false-match rate (the same comparison a face
 *   gets against papers), so a different person in that seat (someone behind, who shows only when the occupant in
 *   front hides) stays a person of their own;
 * - exactly one matched face qualifies (two candidates: nothing is assumed).
 * It never makes a match: the occupant stays matched on their own track's comparison, and the track seen again only
 * stops counting as another person (it is kept on the occupant as evidence).
 */
export interface SeenAgainRules {
  /** How far the later track's first box may lie from the earlier one's last box, in face widths (centre to centre). */
  readonly maxShiftWidths: number;
  /** How much larger one of the two boxes may be than the other. */
  readonly maxSizeRatio: number;
}

export const DEFAULT_SEEN_AGAIN_RULES: SeenAgainRules = { maxShiftWidths: 1.5, maxSizeRatio: 2 };

/** The matched face `face` is the same occupant seen again (one only), else undefined. */
export function faceSeenAgain(face: SeatFace, matched: readonly SeatFace[], comparisons: readonly TrackComparison[], rules: SeenAgainRules = DEFAULT_SEEN_AGAIN_RULES): SeatFace | undefined {
  const candidates = matched.filter((other) => {
    if (other.trackId === face.trackId || other.cameraId !== face.cameraId) return false;
    if (!face.sighted || !other.sighted || !oneAfterTheOther(face.sighted, other.sighted, rules)) return false;
    // Either way round: which of the two is the probe does not matter to the decision.
    return comparisons.some((c) => ((c.trackId === face.trackId && c.otherTrackId === other.trackId) || (c.trackId === other.trackId && c.otherTrackId === face.trackId)) && c.match.decision === 'match');
  });
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Whether two tracks of one camera may be one face: never seen together, the later one picked up where the earlier was lost. */
export function oneAfterTheOther(a: TrackSighting, b: TrackSighting, rules: SeenAgainRules = DEFAULT_SEEN_AGAIN_RULES): boolean {
  const [earlier, later] = a.lastMs < b.firstMs ? [a, b] : b.lastMs < a.firstMs ? [b, a] : [undefined, undefined];
  if (!earlier || !later) return false;
  return sameSeat(earlier.lastBox, later.firstBox, rules);
}

function sameSeat(lost: Box, found: Box, rules: SeenAgainRules): boolean {
  const width = Math.max(lost.width, found.width);
  const smaller = Math.min(lost.width, found.width);
  if (!(smaller > 0) || width / smaller > rules.maxSizeRatio) return false;
  const shift = Math.hypot(lost.x + lost.width / 2 - (found.x + found.width / 2), lost.y + lost.height / 2 - (found.y + found.height / 2));
  return shift <= rules.maxShiftWidths * width;
}
