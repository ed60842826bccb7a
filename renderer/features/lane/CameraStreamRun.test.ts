import { describe, expect, it } from 'vitest';
import { CameraStreamRun, type PublishStreams } from './CameraStreamRun';
import type { LaneCameraStream } from './useLaneCameraStreams';

/** The published map as React state would hold it. */
function published() {
  let current: ReadonlyMap<string, LaneCameraStream> = new Map();
  const publish: PublishStreams<LaneCameraStream> = (update) => (current = update(current));
  return { publish, now: () => current };
}

/** A camera stream whose tracks say whether they were stopped. */
function stream() {
  const track = { stopped: false, stop: () => (track.stopped = true) };
  return { track, getTracks: () => [track] };
}

/** A live entry (its video element is only carried, never used, here). */
const live = (label: string): LaneCameraStream => ({ phase: 'live', video: {} as HTMLVideoElement, label });

describe('CameraStreamRun', () => {
  it('a camera taken out of the configuration disappears, its tracks stopped; the one kept is published again by the next run', () => {
    const state = published();
    const first = new CameraStreamRun(state.publish);
    const driver = stream();
    const rear = stream();
    first.adopt(driver);
    first.set('cam-driver', live('driver'));
    first.adopt(rear);
    first.set('cam-rear', live('rear'));
    expect([...state.now().keys()]).toEqual(['cam-driver', 'cam-rear']);

    // The configuration now has the driver camera only.
    first.end();
    expect(driver.track.stopped && rear.track.stopped).toBe(true);
    expect(state.now().size).toBe(0);
    const second = new CameraStreamRun(state.publish);
    second.adopt(stream());
    second.set('cam-driver', live('driver again'));
    expect([...state.now().entries()].map(([id, s]) => [id, s.phase === 'live' && s.label])).toEqual([['cam-driver', 'driver again']]);
  });

  it('withdraws only its own entries (not those a newer run set), and errors as well as live streams', () => {
    const state = published();
    const first = new CameraStreamRun(state.publish);
    first.set('cam-a', { phase: 'error', problem: 'no_camera', message: 'No camera device for this view. Connect one, then press R to retry.' });
    first.set('cam-b', live('b'));
    const second = new CameraStreamRun(state.publish);
    second.set('cam-b', live('b from the new run'));
    first.end();
    expect([...state.now().entries()].map(([id, s]) => [id, s.phase === 'live' && s.label])).toEqual([['cam-b', 'b from the new run']]);
  });

  it('once ended, stops a stream that opens late and publishes nothing more', () => {
    const state = published();
    const run = new CameraStreamRun(state.publish);
    run.end();
    const late = stream();
    expect(run.adopt(late)).toBe(false);
    expect(late.track.stopped).toBe(true);
    run.set('cam-a', live('a'));
    expect(state.now().size).toBe(0);
    expect(run.isEnded).toBe(true);
  });
});
