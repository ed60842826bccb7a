import type { PacedFrame } from '../../app/scene/vehicleRun';
import type { Seat } from '../../app/scene/vehicleApproach';

/**
 * Why a paced vehicle's last occupant came when it did (`bench:lane`, BENCH_LANE_DIAGNOSE=1 prints it): who it is,
 * the camera that sees them, when their face was first found and first comparable, and what the loop did meanwhile:
 * each of their camera's frames from the vehicle stopping to their result (their face's size and quality reasons,
 * the worker's detection and embedding time) and how many frames the other cameras took in between.
 */
export interface LastOccupantDiagnosis {
  readonly seat: Seat;
  readonly camera: string;
  /** ms after the stop (negative: before it). */
  readonly firstSeenMs: number | null;
  readonly resultMs: number | null;
  /** Their camera's frames from the stop (or from when they were first seen, if later) to their result. */
  readonly ownFrames: readonly { readonly index: number; readonly atMs: number; readonly workerMs: number; readonly detectMs: number; readonly embedMs: number; readonly face: string }[];
  /** Frames each other camera took over the same span. */
  readonly otherFrames: Readonly<Record<string, number>>;
}

export function diagnoseLastOccupant(trace: readonly PacedFrame[], seats: readonly Seat[], resultsMs: readonly (number | null)[], stopMs: number): LastOccupantDiagnosis | undefined {
  // The last one: never captured before any captured one, else the latest result.
  const order = seats.map((_, slot) => slot).sort((a, b) => (resultsMs[b] ?? Infinity) - (resultsMs[a] ?? Infinity));
  const slot = order[0];
  if (slot === undefined) return undefined;
  const seen = trace.filter((f) => f.faces.some((face) => face.slot === slot));
  const byCamera = new Map<string, number>();
  for (const frame of seen) byCamera.set(frame.camera, (byCamera.get(frame.camera) ?? 0) + 1);
  const camera = [...byCamera.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '(never seen)';
  const resultAt = resultsMs[slot] ?? null;
  const firstSeenAt = seen[0]?.atMs ?? null;
  const from = Math.min(stopMs, firstSeenAt ?? stopMs);
  const to = resultAt ?? Infinity;
  const span = trace.filter((f) => f.atMs >= from && f.atMs <= to);
  const otherFrames: Record<string, number> = {};
  for (const frame of span) if (frame.camera !== camera) otherFrames[frame.camera] = (otherFrames[frame.camera] ?? 0) + 1;
  const ownFrames = span
    .filter((f) => f.camera === camera)
    .map((f) => {
      const face = f.faces.find((x) => x.slot === slot);
      const described = face ? `${face.interEyePx} px ${face.embedded ? 'comparable' : face.reasons.join('+') || 'passed, not embedded'}` : 'not found';
      return { index: f.index, atMs: Math.round(f.atMs - stopMs), workerMs: Math.round(f.workerMs), detectMs: Math.round(f.detectMs), embedMs: Math.round(f.embedMs), face: described };
    });
  return {
    seat: seats[slot] as Seat,
    camera,
    firstSeenMs: firstSeenAt === null ? null : Math.round(firstSeenAt - stopMs),
    resultMs: resultAt === null ? null : Math.round(resultAt - stopMs),
    ownFrames,
    otherFrames,
  };
}

/** Worker time per camera over the whole vehicle: frames, detection and embedding (ms), what the loop spent where. */
export function workerTimeByCamera(trace: readonly PacedFrame[]): Record<string, { frames: number; detectMs: number; embedMs: number; totalMs: number }> {
  const out: Record<string, { frames: number; detectMs: number; embedMs: number; totalMs: number }> = {};
  for (const f of trace) {
    const row = (out[f.camera] ??= { frames: 0, detectMs: 0, embedMs: 0, totalMs: 0 });
    row.frames++;
    row.detectMs += Math.round(f.detectMs);
    row.embedMs += Math.round(f.embedMs);
    row.totalMs += Math.round(f.workerMs);
  }
  return out;
}
