import { describe, expect, it } from 'vitest';
import { FaceTracker } from './faceTracker';

const box = (x: number, y: number, size = 100) => ({ x, y, width: size, height: size });

describe('FaceTracker', () => {
  it('keeps ids stable for two people moving across frames, in any detection order', () => {
    const tracker = new FaceTracker({ cameraId: 'cam1' });
    const first = tracker.update([box(0, 0), box(300, 0)], 0);
    expect(first.trackIds).toEqual(['cam1:1', 'cam1:2']);
    const second = tracker.update([box(310, 5), box(12, 4)], 66);
    expect(second.trackIds).toEqual(['cam1:2', 'cam1:1']);
    // A fast mover whose boxes no longer overlap much is still followed by its centre.
    const third = tracker.update([box(60, 4), box(312, 6)], 133);
    expect(third.trackIds).toEqual(['cam1:1', 'cam1:2']);
  });

  it('ends a track after the person has been gone for maxMissingMs, and gives a returning person a new id', () => {
    const tracker = new FaceTracker({ cameraId: 'c', maxMissingMs: 1000 });
    tracker.update([box(0, 0), box(300, 0)], 0);
    expect(tracker.update([box(300, 0)], 500).ended).toEqual([]);
    const later = tracker.update([box(300, 0)], 1200);
    expect(later.ended).toEqual(['c:1']);
    expect(tracker.activeTrackIds).toEqual(['c:2']);
    expect(tracker.update([box(0, 0), box(300, 0)], 1300).trackIds).toEqual(['c:3', 'c:2']);
  });

  it('does not give one track to two detections', () => {
    const tracker = new FaceTracker({ cameraId: 'c' });
    tracker.update([box(0, 0)], 0);
    const ids = tracker.update([box(5, 0), box(10, 0)], 33).trackIds;
    expect(new Set(ids).size).toBe(2);
  });
});
