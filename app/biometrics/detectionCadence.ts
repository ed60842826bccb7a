import type { Box, Point } from './geometry';
import type { DetectionProfile, TileLayout } from './detectionProfile';

export interface DetectionPlan {
  readonly tiles: TileLayout;
  readonly fullRangePass: boolean;
  readonly regions: readonly Box[];
  readonly regionDetector: 'short' | 'full';
  /** Faces cut by a region's edge are left out (following: a neighbour's half face would start a track of its own). */
  readonly dropCut: boolean;
  /** Whether this frame ran the whole profile. */
  readonly full: boolean;
}

const DEFAULT_GROWTH = 1.5;
const DEFAULT_MARGIN = 1;

export class DetectionCadencePlanner {
  /** Frames since the last whole search (undefined: none yet). */
  private sinceFull: number | undefined;

  /** `followed`: the boxes of the faces the camera's tracker follows now (before this frame's update). */
  plan(profile: DetectionProfile, followed: readonly Box[], frame: { readonly width: number; readonly height: number }): DetectionPlan {
    const every = Math.max(1, Math.floor(profile.cadence?.fullSearchEvery ?? 1));
    const full = this.sinceFull === undefined || this.sinceFull >= every;
    if (full) return this.wholeSearch(profile);
    this.sinceFull = (this.sinceFull ?? 0) + 1;
    const growth = profile.cadence?.growth ?? DEFAULT_GROWTH;
    const margin = profile.cadence?.margin ?? DEFAULT_MARGIN;
    const regions: Box[] = [];
    for (const box of followed) {
      const around = followRegion(box, profile.expansionFocus, growth, margin);
      if (regions.some((r) => contains(r, around))) continue;
      regions.push(searchRegionFor(around, profile.regions ?? [], frame));
    }
    return { tiles: 'none', fullRangePass: false, regions, regionDetector: profile.regionDetector ?? 'full', dropCut: true, full };
  }

  /** The whole profile, on this frame (the cadence counts from it). */
  wholeSearch(profile: DetectionProfile): DetectionPlan {
    this.sinceFull = 1;
    return { tiles: profile.tiles, fullRangePass: profile.fullRangePass, regions: profile.regions ?? [], regionDetector: profile.regionDetector ?? 'short', dropCut: false, full: true };
  }

  /**
   * After a frame searched only around the faces followed (`plan` of this frame): whether some followed face was not
   * found where it could be (no detection's centre in its follow region at `minScore` or above: a face the live gate
   * would refuse as low-confidence counts as not found, as the whole search, with its other passes, often scores it
   * higher); with `wholeSearchAfterMiss`, the whole search to run on this frame then.
   */
  afterPartial(profile: DetectionProfile, plan: DetectionPlan, followed: readonly Box[], found: readonly { readonly box: Box; readonly score: number }[], minScore = 0): DetectionPlan | undefined {
    if (plan.full || profile.cadence?.wholeSearchAfterMiss !== true) return undefined;
    const growth = profile.cadence?.growth ?? DEFAULT_GROWTH;
    const margin = profile.cadence?.margin ?? DEFAULT_MARGIN;
    const missed = followed.some((box) => {
      const around = followRegion(box, profile.expansionFocus, growth, margin);
      return !found.some(({ box: f, score }) => score >= minScore && contains(around, { x: f.x + f.width / 2, y: f.y + f.height / 2, width: 0, height: 0 }));
    });
    return missed ? this.wholeSearch(profile) : undefined;
  }
}

/**
 * The region searched for a face expected within `around`: the seat region of the profile that holds it (nearest
 * centre first), so the detector sees the face at the same scale as in the full search and gives it a box of the
 * same size (a box that jumps in size between frames would look like a face that jumped along its ray, and start a
 * second track); else a square of the seat regions' side around it, inside the frame.
 */
function searchRegionFor(around: Box, seatRegions: readonly Box[], frame: { readonly width: number; readonly height: number }): Box {
  const centre = { x: around.x + around.width / 2, y: around.y + around.height / 2 };
  const distanceTo = (r: Box) => Math.hypot(r.x + r.width / 2 - centre.x, r.y + r.height / 2 - centre.y);
  const holding = seatRegions.filter((r) => contains(r, around)).sort((a, b) => distanceTo(a) - distanceTo(b))[0];
  if (holding) return holding;
  const side = Math.min(Math.max(around.width, around.height, ...seatRegions.map((r) => Math.max(r.width, r.height))), frame.width, frame.height);
  const x = Math.round(Math.max(0, Math.min(frame.width - side, centre.x - side / 2)));
  const y = Math.round(Math.max(0, Math.min(frame.height - side, centre.y - side / 2)));
  return clampToFrame({ x, y, width: side, height: side }, frame);
}

const contains = (outer: Box, inner: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** Where a face at `box` can be on the next processed frame: from where it is to where it would be `growth` times larger (along its ray from the focus), with a margin. */
export function followRegion(box: Box, focus: Point | undefined, growth: number, margin: number): Box {
  const grown = focus ? scaleAbout(box, focus, growth) : box;
  const x0 = Math.min(box.x, grown.x) - margin * grown.width;
  const y0 = Math.min(box.y, grown.y) - margin * grown.height;
  const x1 = Math.max(box.x + box.width, grown.x + grown.width) + margin * grown.width;
  const y1 = Math.max(box.y + box.height, grown.y + grown.height) + margin * grown.height;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

const scaleAbout = (box: Box, focus: Point, s: number): Box => ({ x: focus.x + (box.x - focus.x) * s, y: focus.y + (box.y - focus.y) * s, width: box.width * s, height: box.height * s });

function clampToFrame(box: Box, frame: { readonly width: number; readonly height: number }): Box {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  return { x, y, width: Math.min(frame.width, Math.ceil(box.x + box.width)) - x, height: Math.min(frame.height, Math.ceil(box.y + box.height)) - y };
}
