import { describe, expect, it } from 'vitest';
import { FaceTracker } from './faceTracker';
import { defaultGeometryFor, INTER_EYE_M, LaneCameraProjection } from '../scene/laneCameraGeometry';
import { SEAT_HEADS, approachDistanceM, planApproach } from '../scene/vehicleApproach';

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

  it('numbers its tracks under the prefix it is given, so a tracker made again for the same camera never reuses an id', () => {
    const before = new FaceTracker({ cameraId: 'c', idPrefix: 'c:a1.1' });
    const again = new FaceTracker({ cameraId: 'c', idPrefix: 'c:a1.2' });
    const first = before.update([box(0, 0)], 0).trackIds;
    const second = again.update([box(0, 0)], 0).trackIds;
    expect(first).toEqual(['c:a1.1:1']);
    expect(second).toEqual(['c:a1.2:1']);
  });

  it('does not give one track to two detections', () => {
    const tracker = new FaceTracker({ cameraId: 'c' });
    tracker.update([box(0, 0)], 0);
    const ids = tracker.update([box(5, 0), box(10, 0)], 33).trackIds;
    expect(new Set(ids).size).toBe(2);
  });

  it('follows a face growing out from the focus of expansion as a car drives up as one track, where plain centre distance splits it', () => {
    // A driver's face between two processed frames of a lane camera: 59 -> 78 px wide, its centre 775 -> 865 px (focus at 510, 450).
    const focus = { x: 510, y: 450 };
    const at = (growth: number, size: number) => ({ x: focus.x + 265 * growth - size / 2, y: focus.y + 20 * growth - size / 2, width: size, height: size });
    const frames = [at(1, 59), at(1.32, 78), at(1.34, 79)];
    const plain = new FaceTracker({ cameraId: 'c' });
    expect(new Set(frames.map((box, k) => plain.update([box], k * 800).trackIds[0])).size).toBeGreaterThan(1);
    const tracker = new FaceTracker({ cameraId: 'c' });
    expect(frames.map((box, k) => tracker.update([box], k * 800, focus).trackIds[0])).toEqual(['c:1', 'c:1', 'c:1']);
  });

  it('with a focus of expansion, still keeps two faces on different rays apart as they grow', () => {
    const focus = { x: 500, y: 400 };
    const at = (dx: number, dy: number, growth: number) => ({ x: focus.x + dx * growth - 15 * growth, y: focus.y + dy * growth - 15 * growth, width: 30 * growth, height: 30 * growth });
    const tracker = new FaceTracker({ cameraId: 'c' });
    expect(tracker.update([at(-150, 30, 1), at(150, 30, 1)], 0, focus).trackIds).toEqual(['c:1', 'c:2']);
    expect(tracker.update([at(150, 30, 1.6), at(-150, 30, 1.6)], 700, focus).trackIds).toEqual(['c:2', 'c:1']);
  });

  it('keeps a rear face hidden behind a headrest for most of a second as its own track, and never gives it to the neighbour beside it', () => {
    // Two second-row faces side by side on the rear camera (focus of expansion above the frame's centre), growing as the car
    // drives up; the left one is hidden (not detected) from 0.6 s to 1.4 s, processed every 200 ms.
    const focus = { x: 960, y: 90 };
    const at = (dx: number, growth: number) => ({ x: focus.x + dx * growth - 12 * growth, y: focus.y + 200 * growth - 12 * growth, width: 24 * growth, height: 24 * growth });
    const tracker = new FaceTracker({ cameraId: 'rear' });
    const ids: { left?: string; right?: string }[] = [];
    for (let ms = 0; ms <= 2000; ms += 200) {
      const growth = 1 + ms / 2000;
      const hidden = ms >= 600 && ms < 1400;
      const boxes = hidden ? [at(40, growth)] : [at(-40, growth), at(40, growth)];
      const update = tracker.update(boxes, ms, focus);
      ids.push(hidden ? { right: update.trackIds[0] } : { left: update.trackIds[0], right: update.trackIds[1] });
    }
    expect(new Set(ids.map((i) => i.left).filter(Boolean))).toEqual(new Set(['rear:1']));
    expect(new Set(ids.map((i) => i.right))).toEqual(new Set(['rear:2']));
  });

  it('ends a hidden track after maxMissingMs, so a face that comes back much later is not taken for one gone long ago', () => {
    const tracker = new FaceTracker({ cameraId: 'c', maxMissingMs: 1500 });
    tracker.update([box(100, 100, 40)], 0);
    expect(tracker.update([], 1400).ended).toEqual([]);
    expect(tracker.update([], 1600).ended).toEqual(['c:1']);
    expect(tracker.update([box(100, 100, 40)], 1700).trackIds).toEqual(['c:2']);
  });

  it('ends no track on a frame searched only around the faces followed: the next whole search decides', () => {
    const tracker = new FaceTracker({ cameraId: 'c', maxMissingMs: 1000 });
    tracker.update([box(100, 100, 40), box(400, 100, 40)], 0);
    // Only the first face was searched for (and found) 2 s later: the second keeps its track.
    expect(tracker.update([box(100, 100, 40)], 2000, undefined, false)).toEqual({ trackIds: ['c:1'], ended: [] });
    expect(tracker.update([box(100, 100, 40), box(400, 100, 40)], 2500).trackIds).toEqual(['c:1', 'c:2']);
    // A whole search that misses it ends it.
    expect(tracker.update([box(100, 100, 40)], 4000).ended).toEqual(['c:2']);
  });

  it('follows a face far out from the focus whose box size is off by the detector\'s noise as one track (the lane\'s real detections)', () => {
    // The vision worker's boxes of the front passenger on the driver-side camera (e2e vehicleApproach, third-row test), two
    // processed frames 133 ms apart near the end of the approach: the box grew 68 -> 83 px (22 %) while the face moved
    // out along its ray by 7 %, so the centre predicted from the sizes is 101 px (1.2 widths) further out than the face.
    const focus = new LaneCameraProjection(defaultGeometryFor('driver')).expansionFocus;
    const tracker = new FaceTracker({ cameraId: 'driver' });
    expect(tracker.update([{ x: 1144, y: 494, width: 68, height: 68 }], 1467, focus).trackIds).toEqual(['driver:1']);
    expect(tracker.update([{ x: 1187, y: 493, width: 83, height: 83 }], 1600, focus).trackIds).toEqual(['driver:1']);
  });

  it('keeps each front-row face of a car driving up one track when the detector\'s box sizes are up to 10 % off', () => {
    // The scene renderer's geometry (app/scene): driver and front passenger on the driver-side camera, every 2nd frame of
    // the approach and the first second standing (15 fps), each box scaled about its centre by a detector-like error.
    const geometry = defaultGeometryFor('driver');
    const projection = new LaneCameraProjection(geometry);
    const approach = planApproach({ seed: 'simulated-vehicle-5', condition: 'day', occupants: 2 });
    const sizeError = [1.1, 0.9, 1.05, 0.92, 1.08, 0.95, 1.0, 1.1, 0.9];
    const tracker = new FaceTracker({ cameraId: 'driver' });
    const ids = { driver: new Set<string>(), 'front-passenger': new Set<string>() };
    for (let frame = 0; frame * 2 < (approach.approachSeconds + 1) * geometry.fps; frame++) {
      const t = (frame * 2) / geometry.fps;
      const depth = geometry.stopLineDistanceM + approachDistanceM(approach, t);
      const seats = (['driver', 'front-passenger'] as const).map((seat) => {
        const head = SEAT_HEADS[seat];
        const centre = projection.project({ x: head.x + approach.laneOffsetM, y: head.y, z: head.z + depth });
        const size = ((projection.focal * INTER_EYE_M) / centre.depth) * 2.1 * (sizeError[(frame + (seat === 'driver' ? 0 : 4)) % sizeError.length] ?? 1);
        return { seat, box: { x: centre.u - size / 2, y: centre.v - size / 2, width: size, height: size } };
      });
      const update = tracker.update(seats.map((s) => s.box), t * 1000, projection.expansionFocus);
      seats.forEach((s, k) => ids[s.seat].add(update.trackIds[k] as string));
    }
    expect([...ids.driver]).toHaveLength(1);
    expect([...ids['front-passenger']]).toHaveLength(1);
  });
});

