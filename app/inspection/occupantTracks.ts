import { faceOnAnotherCamera } from './faceOnTwoCameras';
import { faceSeenAgain } from './faceSeenAgain';
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
 * The lane's assembly and the vehicle evaluation count occupants through this one function.
 */
export function occupantTracks(unmatched: readonly SeatFace[], matched: readonly SeatFace[], comparisons: readonly TrackComparison[]): OccupantTracks {
  const kept: SeatFace[] = [];
  const seenAgain = new Map<string, SeatFace[]>();
  for (const face of unmatched) {
    const occupantFace = faceSeenAgain(face, matched, comparisons) ?? faceOnAnotherCamera(face, matched, comparisons) ?? faceOnAnotherCamera(face, kept, comparisons);
    if (occupantFace) seenAgain.set(occupantFace.trackId, [...(seenAgain.get(occupantFace.trackId) ?? []), face]);
    else kept.push(face);
  }
  return { kept, seenAgain };
}
