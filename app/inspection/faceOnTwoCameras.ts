import type { SeatFace, TrackComparison } from './vehicleSessionInput';

/**
 * A real lane camera sees every seat in its view, not only the seats it is aimed at: the rear cameras on the gantry
 * see the front row through the windshield, each side camera the far outer seats, the driver-side camera the second
 * row. One person is then a track on each camera that sees them, and each track would be a person of its own: one
 * paired with their papers, the other an "Unknown person" card or a mismatch on papers left over (issue #15;
 * docs/vehicle-capture.md, "One person on two cameras").
 *
 * A track is taken as a face already kept (matched, or kept as a person of its own) seen by another camera only when
 * all of these hold:
 * - the two tracks are on different cameras (two tracks of one camera are faceSeenAgain.ts's question);
 * - both cameras' geometry puts them in one seat at one lane offset (`seatFits`, seatOfTrack.ts: each track's first
 *   and last boxes on the path of that seat's head along the approach), so a look-alike in another column of seats
 *   stays a person of their own;
 * - their faces match each other at the booth's target false-match rate (the comparison a face gets against papers);
 * - exactly one kept face qualifies (two candidates: nothing is assumed).
 * It never makes a match with papers: the occupant keeps the comparison of their own track, and the other camera's
 * track only stops counting as another person (it is kept on the occupant as evidence). Short of any condition the
 * cautious outcome stays: two people.
 */
export function faceOnAnotherCamera(face: SeatFace, kept: readonly SeatFace[], comparisons: readonly TrackComparison[]): SeatFace | undefined {
  const candidates = kept.filter((other) => {
    if (other.trackId === face.trackId || other.cameraId === face.cameraId || !shareASeat(face, other)) return false;
    return comparisons.some((c) => ((c.trackId === face.trackId && c.otherTrackId === other.trackId) || (c.trackId === other.trackId && c.otherTrackId === face.trackId)) && c.match.decision === 'match');
  });
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Whether two tracks of two cameras can be one person: different cameras whose geometry puts both in one seat at one lane offset. */
export function mayBeOnePersonOnTwoCameras(a: Pick<SeatFace, 'cameraId' | 'seatFits'>, b: Pick<SeatFace, 'cameraId' | 'seatFits'>): boolean {
  return a.cameraId !== b.cameraId && shareASeat(a, b);
}

function shareASeat(a: Pick<SeatFace, 'seatFits'>, b: Pick<SeatFace, 'seatFits'>): boolean {
  const theirs = b.seatFits;
  return a.seatFits !== undefined && theirs !== undefined && a.seatFits.some((key) => theirs.includes(key));
}
