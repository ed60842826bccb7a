import type { Box, Point } from './geometry';
import { boxCentre, distance, intersectionOverUnion } from './geometry';

/**
 * Gives detections stable ids across the frames of one camera: greedy IoU association, with a centre-distance
 * fallback for fast movers whose boxes no longer overlap. A track ends when it has not been seen for
 * `maxMissingMs`, so a person who leaves gets a new id if they come back.
 *
 * Faces in a vehicle driving up the lane grow and move out from the camera's focus of expansion (the image
 * point the lane runs out of): between two processed frames a face can grow by half and move more than its
 * own width, and plain IoU or centre distance would start a new track for it (one occupant, two cards). Given
 * the focus, a track's centre is predicted at the candidate's size along its ray from the focus
 * (centre = focus + (last centre - focus) * size / last size: exact for anything moving along the lane,
 * whatever its speed), and the centre distance is measured from there.
 */
export interface TrackerOptions {
  readonly cameraId: string;
  /**
   * What every track id starts with (default: the camera id). A tracker made again for the same camera (a camera
   * reset, a restarted worker) must be given a prefix never used before, so no id is ever reused for another face.
   */
  readonly idPrefix?: string;
  readonly minIou: number;
  /** Centre distance, in box widths, still accepted when IoU fails. */
  readonly maxCentreShift: number;
  readonly maxMissingMs: number;
}

export const DEFAULT_TRACKER_OPTIONS: Omit<TrackerOptions, 'cameraId'> = { minIou: 0.3, maxCentreShift: 0.6, maxMissingMs: 1500 };

/** Size change between two sightings of one track that the focus prediction still follows (a car at 15 m to 4 m grows ~3.5x over its whole approach). */
const MAX_GROWTH = 2.5;

const sizeOf = (box: Box) => Math.sqrt(Math.max(box.width, 1) * Math.max(box.height, 1));

/**
 * Share of a face's distance from the focus forgiven along its ray. The prediction takes the growth from the two
 * boxes' sizes, and a detector's box size is some 10 % off from frame to frame: an error of `e` in the growth
 * moves the predicted centre along the ray by `e` times its distance from the focus, which for a face far out from
 * the focus is more than its width (a front passenger on the driver-side camera, ~840 px out, box 68 -> 83 px while
 * it moved out by only 7 %: 101 px off along its ray, 0.6 px across it).
 */
const RAY_SIZE_TOLERANCE = 0.2;

/**
 * Centre distance, in widths of `box`, from where `track` would be at `box`'s size (moving along its ray from
 * `focus`); along the ray, `RAY_SIZE_TOLERANCE` of the distance from the focus is forgiven first (box-size noise
 * moves the prediction along the ray only), across it nothing.
 */
function shiftAlongRay(track: Box, box: Box, focus: Point): number {
  const growth = sizeOf(box) / sizeOf(track);
  if (growth > MAX_GROWTH || growth < 1 / MAX_GROWTH) return Infinity;
  const last = boxCentre(track);
  const rx = (last.x - focus.x) * growth;
  const ry = (last.y - focus.y) * growth;
  const centre = boxCentre(box);
  const dx = centre.x - (focus.x + rx);
  const dy = centre.y - (focus.y + ry);
  const width = Math.max(box.width, 1);
  const radius = Math.hypot(rx, ry);
  if (radius < 1e-6) return Math.hypot(dx, dy) / width;
  const along = (dx * rx + dy * ry) / radius;
  const across = (dx * ry - dy * rx) / radius;
  const beyondTolerance = Math.max(0, Math.abs(along) - RAY_SIZE_TOLERANCE * radius);
  return Math.hypot(across, beyondTolerance) / width;
}

export interface TrackUpdate {
  /** Track id per detection, in detection order. */
  readonly trackIds: readonly string[];
  /** Ids that ended with this frame. */
  readonly ended: readonly string[];
}

interface Track {
  readonly id: string;
  box: Box;
  lastSeenMs: number;
}

export class FaceTracker {
  private readonly tracks: Track[] = [];
  private nextId = 1;
  private readonly options: TrackerOptions;

  constructor(options: Partial<TrackerOptions> & { cameraId: string }) {
    this.options = { ...DEFAULT_TRACKER_OPTIONS, ...options };
  }

  /**
   * `expansionFocus`: the camera's focus of expansion (frame pixels), for faces in approaching vehicles.
   * `searchedEverywhere`: false when the frame was searched only around the faces followed (detectionCadence.ts):
   * a face it missed ends no track then; the next whole search decides.
   */
  update(boxes: readonly Box[], timestampMs: number, expansionFocus?: Point, searchedEverywhere = true): TrackUpdate {
    const candidates: { track: number; box: number; cost: number }[] = [];
    this.tracks.forEach((track, t) => {
      boxes.forEach((box, b) => {
        const iou = intersectionOverUnion(track.box, box);
        const still = distance(boxCentre(track.box), boxCentre(box)) / Math.max(track.box.width, 1);
        const shift = expansionFocus ? Math.min(still, shiftAlongRay(track.box, box, expansionFocus)) : still;
        if (iou >= this.options.minIou) candidates.push({ track: t, box: b, cost: 1 - iou });
        else if (shift <= this.options.maxCentreShift) candidates.push({ track: t, box: b, cost: 1 + shift });
      });
    });
    candidates.sort((p, q) => p.cost - q.cost);
    const trackIds: (string | undefined)[] = boxes.map(() => undefined);
    const usedTracks = new Set<number>();
    for (const c of candidates) {
      if (usedTracks.has(c.track) || trackIds[c.box] !== undefined) continue;
      const track = this.tracks[c.track];
      const box = boxes[c.box];
      if (!track || !box) continue;
      usedTracks.add(c.track);
      trackIds[c.box] = track.id;
      track.box = box;
      track.lastSeenMs = timestampMs;
    }
    const ids = trackIds.map((id, b) => {
      if (id !== undefined) return id;
      const track: Track = { id: `${this.options.idPrefix ?? this.options.cameraId}:${this.nextId++}`, box: boxes[b] as Box, lastSeenMs: timestampMs };
      this.tracks.push(track);
      return track.id;
    });
    const ended: string[] = [];
    for (let i = this.tracks.length - 1; i >= 0; i--) {
      const track = this.tracks[i];
      if (track && searchedEverywhere && timestampMs - track.lastSeenMs > this.options.maxMissingMs) {
        ended.push(track.id);
        this.tracks.splice(i, 1);
      }
    }
    return { trackIds: ids, ended: ended.reverse() };
  }

  get activeTrackIds(): readonly string[] {
    return this.tracks.map((t) => t.id);
  }

  /** Where each live track was last seen (frame pixels): where a detector following them looks next. */
  get activeBoxes(): readonly Box[] {
    return this.tracks.map((t) => t.box);
  }
}
