/**
 * A camera's face tracks come from one tracker at a time, and each tracker the worker makes numbers under a prefix of
 * its own (`cam:<epoch>.<generation>:n`, never reused). A new generation on a camera whose scene did not change means
 * the tracker was lost with a crashed and restarted worker, not that the people left: someone still in the parked car
 * gets a new track id. Such a track continues the face that sat there (same card, same choices, same searches), so one
 * person is never shown as two cards.
 */
export interface TrackGenerations {
  /** Per camera, the generation its frames come from now. */
  readonly current: Readonly<Record<string, string>>;
  /** Per camera, faces in view when their tracker was lost, waiting for the new tracker's track of the same seat. */
  readonly orphans: Readonly<Record<string, readonly string[]>>;
  /** A new tracker's track id -> the face (an earlier track id) it continues. */
  readonly continues: Readonly<Record<string, string>>;
}

export const noTrackGenerations: TrackGenerations = { current: {}, orphans: {}, continues: {} };

/** Where a face sat on its camera's picture (SessionFace's `across` and `area`). */
export interface FacePlace {
  readonly across: number;
  readonly area: number;
}

/**
 * How far a seated person's face moves between the old tracker's last frame and the new tracker's first (a restart
 * takes seconds): a parked occupant shifts a little; the next seat is a quarter of the picture or more away.
 */
const maxAcrossShift = 0.08;
const maxAreaRatio = 2;

/** The tracker generation of a track id: everything before its last ':'. */
export const trackGenerationOf = (trackId: string): string => trackId.slice(0, Math.max(0, trackId.lastIndexOf(':')));

/**
 * A frame of `cameraId` whose tracks are of `generation` arrived. When the camera's generation changed, the faces of
 * that camera still in view (`inView`: not ended, of another generation) become orphans: they end (their tracker is
 * gone) until a new track on their seat continues them.
 */
export function generationSeen(generations: TrackGenerations, cameraId: string, generation: string, inView: readonly string[]): { readonly generations: TrackGenerations; readonly orphaned: readonly string[] } {
  if (generations.current[cameraId] === generation) return { generations, orphaned: [] };
  const orphaned = inView.filter((trackId) => trackGenerationOf(trackId) !== generation);
  return {
    generations: { ...generations, current: { ...generations.current, [cameraId]: generation }, orphans: { ...generations.orphans, [cameraId]: orphaned } },
    orphaned,
  };
}

/**
 * The face a new track continues: the orphan of its camera sitting where it is (nearest across the picture, about the
 * same size), or none. The orphan taken is no longer waiting.
 */
export function continuedFace(generations: TrackGenerations, cameraId: string, trackId: string, place: FacePlace, placeOf: (trackId: string) => FacePlace | undefined): { readonly generations: TrackGenerations; readonly continues: string | undefined } {
  const waiting = generations.orphans[cameraId] ?? [];
  let best: { readonly trackId: string; readonly shift: number } | undefined;
  for (const orphan of waiting) {
    const was = placeOf(orphan);
    if (!was) continue;
    const shift = Math.abs(was.across - place.across);
    const ratio = Math.max(was.area, place.area) / Math.max(1e-9, Math.min(was.area, place.area));
    if (shift <= maxAcrossShift && ratio <= maxAreaRatio && (!best || shift < best.shift)) best = { trackId: orphan, shift };
  }
  if (!best) return { generations, continues: undefined };
  const taken = best.trackId;
  return {
    generations: { ...generations, orphans: { ...generations.orphans, [cameraId]: waiting.filter((o) => o !== taken) }, continues: { ...generations.continues, [trackId]: taken } },
    continues: taken,
  };
}

/** Other people in front of the camera (a new scene): none of its faces is continued by a later track. */
export function cameraSceneChanged(generations: TrackGenerations, cameraId: string): TrackGenerations {
  if (!generations.orphans[cameraId]?.length) return generations;
  return { ...generations, orphans: { ...generations.orphans, [cameraId]: [] } };
}
