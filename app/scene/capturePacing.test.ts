import { describe, expect, it } from 'vitest';
import { CapturePacing } from './capturePacing';

/** Every (camera, frame, result time) the pacing hands out when each frame takes `ms` to process. */
function replay(ms: (step: number) => number, frameCount = 45, pauseMs = 120) {
  const pacing = new CapturePacing(['driver', 'rear'], 15, frameCount, pauseMs);
  const taken: { camera: string; index: number; atMs: number }[] = [];
  for (let next = pacing.take(); next; next = pacing.take()) taken.push({ ...next, atMs: pacing.processed(ms(taken.length)) });
  return { taken, endMs: pacing.nowMs };
}

describe('capture pacing (the lane loop on a machine that takes time)', () => {
  it('goes round the cameras, each time the frame of the moment the worker is free, pausing between rounds', () => {
    const { taken } = replay(() => 200);
    expect(taken.slice(0, 4)).toEqual([
      { camera: 'driver', index: 0, atMs: 200 },
      { camera: 'rear', index: 3, atMs: 400 },
      // 400 ms processing + 120 ms pause: the frame shown at 520 ms.
      { camera: 'driver', index: 7, atMs: 720 },
      { camera: 'rear', index: 10, atMs: 920 },
    ]);
  });

  it('skips the frames shown while the worker was busy: a slower worker sees fewer of them, and results come later', () => {
    const fast = replay(() => 30).taken;
    const slow = replay(() => 600).taken;
    expect(slow.length).toBeLessThan(fast.length / 5);
    // 45 frames at 15 fps: 3 s of video, whatever the speed; the last frame taken is one the camera showed.
    for (const run of [fast, slow]) expect(Math.max(...run.map((t) => t.index))).toBeLessThan(45);
    expect(slow[1]?.atMs).toBe(1200);
  });

  it('ends once the camera has no more frames to show', () => {
    const { taken, endMs } = replay(() => 1000, 15);
    // Frame 15 would be shown at 1 s: only the driver's frame 0 fits.
    expect(taken).toEqual([{ camera: 'driver', index: 0, atMs: 1000 }]);
    expect(endMs).toBe(1000);
  });
});
