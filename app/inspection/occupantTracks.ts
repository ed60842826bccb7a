import { faceOnAnotherCamera } from './faceOnTwoCameras';
import { faceSeenAgain } from './faceSeenAgain';
import type { MatchResult } from '../biometrics/faceMatching';
import type { SeatFace, TrackComparison } from './vehicleSessionInput';

/** The faces that are people of their own, and those that are another face's occupant (keyed by that face's track). */
export interface OccupantTracks {
  readonly kept: readonly SeatFace[];
  readonly seenAgain: ReadonlyMap<string, readonly SeatFace[]>;
}

/**
 * Of a vehicle's faces that matched no papers, those that are people of their own: a face that is a matched
 * occupant's face seen again on its camera (faceSeenAgain.ts) or seen by another camera (faceOnTwoCameras.ts) is that
 * occupant's, and among the rest one person seen by two cameras (an impostor, someone without papers) is one person.
 * An occupant is all the tracks joined to them so far (the driver on the driver-side camera, then on each rear
 * camera): a face joins the one occupant any of whose tracks it qualifies with, never one with a track of its own
 * camera seen at the same time (two faces in one frame are two people). A face that qualifies with two occupants
 * joins one only when it matches that one decisively (DECISIVE_FMR_RATIO), else nothing is assumed. Joining goes on
 * until nothing more joins. The lane's assembly and the vehicle evaluation count occupants through this one function.
 */
export function occupantTracks(unmatched: readonly SeatFace[], matched: readonly SeatFace[], comparisons: readonly TrackComparison[]): OccupantTracks {
  const groups = new Map<string, SeatFace[]>(matched.map((face) => [face.trackId, [face]]));
  let waiting = [...unmatched];
  const kept: SeatFace[] = [];
  const join = (face: SeatFace, among: ReadonlyMap<string, readonly SeatFace[]>): string | undefined => {
    const qualifying = [...among].flatMap(([occupant, members]) => {
      if (members.some((m) => seenTogether(face, m))) return [];
      const rates = members.filter((m) => (faceSeenAgain(face, [m], comparisons) ?? faceOnAnotherCamera(face, [m], comparisons)) !== undefined).map((m) => matchedRate(face, m, comparisons));
      return rates.length > 0 ? [{ occupant, falseMatchRate: Math.min(...rates) }] : [];
    });
    return decisive(qualifying);
  };
  // First onto the matched occupants, as long as any face joins; then the rest among themselves.
  for (let joined = true; joined; ) {
    joined = false;
    const left: SeatFace[] = [];
    for (const face of waiting) {
      const occupant = join(face, groups);
      if (occupant === undefined) left.push(face);
      else {
        groups.get(occupant)?.push(face);
        joined = true;
      }
    }
    waiting = left;
  }
  const ownGroups = new Map<string, SeatFace[]>();
  for (const face of waiting) {
    const occupant = join(face, ownGroups);
    if (occupant === undefined) {
      kept.push(face);
      ownGroups.set(face.trackId, [face]);
    } else ownGroups.get(occupant)?.push(face);
  }
  const seenAgain = new Map<string, readonly SeatFace[]>();
  for (const [trackId, members] of [...groups, ...ownGroups]) if (members.length > 1) seenAgain.set(trackId, members.slice(1));
  return { kept, seenAgain };
}

/**
 * How much more surely a face must match one occupant than any other to join them when it qualifies with both: its
 * strongest comparison with that occupant at a calibrated false-match rate this many times lower than with the next.
 * Two people in one car can look alike at the booth's target rate (measured on the vehicle eval, live face against
 * live face of two people in one seat column: 0.42, a false-match rate of 1 in 13,000), while one person's tracks on
 * two cameras agree at 0.8-0.99 (below 1 in 17,000,000); at 1,000 times, 0.99 against 0.42 joins the first (2,200
 * times), 0.99 against 0.48 (1 in 110,000: 260 times) joins no one. Two occupants both at the calibration's floor
 * (bound, 0.82 and above) are never told apart: nothing is assumed.
 */
export const DECISIVE_FMR_RATIO = 1000;

/** The one qualifying occupant, or the one matched decisively more surely than every other; else none. */
function decisive(qualifying: readonly { readonly occupant: string; readonly falseMatchRate: number }[]): string | undefined {
  const [best, next] = [...qualifying].sort((a, b) => a.falseMatchRate - b.falseMatchRate);
  if (!best) return undefined;
  if (!next) return best.occupant;
  // Decisive only on two measured rates: a face that qualified with both through their papers (no track-to-track match,
  // both rates infinite) is told apart by nothing, and joins no one.
  return Number.isFinite(best.falseMatchRate) && best.falseMatchRate * DECISIVE_FMR_RATIO <= next.falseMatchRate ? best.occupant : undefined;
}

/** The lowest calibrated false-match rate among the matching comparisons of two tracks (either way round). */
function matchedRate(a: SeatFace, b: SeatFace, comparisons: readonly TrackComparison[]): number {
  const rates = comparisons.filter((c) => c.match.decision === 'match' && ((c.trackId === a.trackId && c.otherTrackId === b.trackId) || (c.trackId === b.trackId && c.otherTrackId === a.trackId))).map((c) => c.match.falseMatchRate.fmr);
  return rates.length > 0 ? Math.min(...rates) : Number.POSITIVE_INFINITY;
}

/** Two tracks of one camera in view at the same time: two people, whatever their faces. */
function seenTogether(a: SeatFace, b: SeatFace): boolean {
  if (a.cameraId !== b.cameraId || !a.sighted || !b.sighted) return false;
  return a.sighted.firstMs <= b.sighted.lastMs && b.sighted.firstMs <= a.sighted.lastMs;
}

/**
 * A face that matches a matched occupant's papers at the booth's target false-match rate agrees with that occupant's
 * face as surely as a face-to-face match does (the papers were matched to it at the same rate): such pairs are taken
 * as face-to-face matches for the rules above, which still ask for one camera one after the other, or two cameras in
 * one seat, and one occupant only. `papersMatch(trackId, occupantTrackId)`: the face's comparison with the papers
 * that occupant was matched to.
 */
export function comparisonsThroughPapers(unmatched: readonly SeatFace[], matched: readonly SeatFace[], papersMatch: (trackId: string, occupantTrackId: string) => MatchResult | undefined): TrackComparison[] {
  return unmatched.flatMap((face) =>
    matched.flatMap((occupant) => {
      const match = papersMatch(face.trackId, occupant.trackId);
      return match?.decision === 'match' ? [{ trackId: face.trackId, otherTrackId: occupant.trackId, match }] : [];
    }),
  );
}
