import { describe, expect, it } from 'vitest';
import type { DetectionProfile } from './detectionProfile';
import { DetectionCadencePlanner, followRegion } from './detectionCadence';
import type { Box } from './geometry';

const frame = { width: 1920, height: 1080 };
const seatRegions: Box[] = [{ x: 600, y: 300, width: 384, height: 384 }, { x: 900, y: 300, width: 384, height: 384 }];
const lane: DetectionProfile = { tiles: 'vehicle', fullRangePass: false, regions: seatRegions, regionDetector: 'full', expansionFocus: { x: 960, y: 500 }, cadence: { fullSearchEvery: 3 } };
const contains = (outer: Box, inner: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

describe('DetectionCadencePlanner', () => {
  it('without a cadence runs the whole profile on every frame', () => {
    const planner = new DetectionCadencePlanner();
    const { cadence: _, ...every } = lane;
    for (let k = 0; k < 4; k++) expect(planner.plan(every, [{ x: 700, y: 400, width: 40, height: 40 }], frame)).toEqual({ tiles: 'vehicle', fullRangePass: false, regions: seatRegions, regionDetector: 'full', dropCut: false, full: true });
  });

  it('runs the whole profile on every n-th frame and between them searches only around the faces followed', () => {
    const planner = new DetectionCadencePlanner();
    const face = { x: 700, y: 400, width: 40, height: 40 };
    const plans = Array.from({ length: 6 }, () => planner.plan(lane, [face], frame));
    expect(plans.map((p) => p.full)).toEqual([true, false, false, true, false, false]);
    const between = plans[1];
    expect(between?.tiles).toBe('none');
    expect(between?.regions).toHaveLength(1);
    expect(contains(between?.regions[0] as Box, face)).toBe(true);
    expect(between?.dropCut).toBe(true);
    // Nothing followed: nothing searched until the next full search.
    expect(new DetectionCadencePlanner().plan(lane, [], frame).full).toBe(true);
    const idle = new DetectionCadencePlanner();
    idle.plan(lane, [], frame);
    expect(idle.plan(lane, [], frame)).toMatchObject({ tiles: 'none', regions: [], fullRangePass: false });
  });

  it("covers where an approaching face will be: grown and moved out from the focus of expansion", () => {
    const focus = { x: 960, y: 500 };
    const face = { x: 1200, y: 520, width: 50, height: 50 };
    const region = followRegion(face, focus, 1.5, 0.5);
    const grown = { x: focus.x + (face.x - focus.x) * 1.4, y: focus.y + (face.y - focus.y) * 1.4, width: 70, height: 70 };
    expect(contains(region, face)).toBe(true);
    expect(contains(region, grown)).toBe(true);
    // Not the whole frame: a few face widths.
    expect(region.width).toBeLessThan(6 * face.width);
  });

  it('searches the seat region holding a followed face (the scale of the full search), nearby faces sharing it; a face outside them in a square at least their side, inside the frame', () => {
    const planner = new DetectionCadencePlanner();
    planner.plan(lane, [], frame);
    const near = [{ x: 800, y: 420, width: 30, height: 30 }, { x: 850, y: 425, width: 30, height: 30 }];
    const far = { x: 1850, y: 1000, width: 60, height: 60 };
    const regions = planner.plan(lane, [...near, far], frame).regions;
    expect(regions).toHaveLength(2);
    expect(seatRegions).toContainEqual(regions[0]);
    for (const f of near) expect(contains(regions[0] as Box, f)).toBe(true);
    const square = regions[1] as Box;
    expect(contains(square, far)).toBe(true);
    expect(contains({ x: 0, y: 0, ...frame }, square)).toBe(true);
    expect(square.width).toBeGreaterThanOrEqual(384);
  });

  it('with wholeSearchAfterMiss, a frame that missed a followed face (or found it below the gate score) is searched whole at once, and the count restarts from it', () => {
    const face = { x: 700, y: 400, width: 40, height: 40 };
    const nearby = { x: 705, y: 402, width: 42, height: 42 };
    const elsewhere = { x: 1500, y: 900, width: 40, height: 40 };
    const run = (refind: boolean, found: (k: number) => { box: Box; score: number }[]) => {
      const profile: DetectionProfile = { ...lane, cadence: { fullSearchEvery: 3, ...(refind ? { wholeSearchAfterMiss: true } : {}) } };
      const planner = new DetectionCadencePlanner();
      return Array.from({ length: 7 }, (_, k) => {
        const plan = planner.plan(profile, [face], frame);
        return planner.afterPartial(profile, plan, [face], found(k), 0.7) ? 'whole now' : plan.full;
      });
    };
    const sure = (box: Box) => [{ box, score: 0.9 }];
    // The second frame (searched around the face) finds only someone elsewhere: a miss.
    expect(run(true, (k) => sure(k === 1 ? elsewhere : nearby))).toEqual([true, 'whole now', false, false, true, false, false]);
    // Found where it could be, but below the live gate's detection score: a miss too.
    expect(run(true, (k) => (k === 1 ? [{ box: nearby, score: 0.6 }] : sure(nearby)))).toEqual([true, 'whole now', false, false, true, false, false]);
    // Without the option, or without a miss, the cadence alone decides.
    expect(run(false, (k) => sure(k === 1 ? elsewhere : nearby))).toEqual([true, false, false, true, false, false, true]);
    expect(run(true, () => sure(nearby))).toEqual([true, false, false, true, false, false, true]);
  });
});
