import type { Box } from './geometry';
import { boxCentre, distance, intersectionOverUnion } from './geometry';

/**
 * Gives detections stable ids across the frames of one camera: greedy IoU association, with a centre-distance
 * fallback for fast movers whose boxes no longer overlap. A track ends when it has not been seen for
 * `maxMissingMs`, so a person who leaves gets a new id if they come back.
 */
export interface TrackerOptions {
  readonly cameraId: string;
  readonly minIou: number;
  /** Centre distance, in box widths, still accepted when IoU fails. */
  readonly maxCentreShift: number;
  readonly maxMissingMs: number;
}

export const DEFAULT_TRACKER_OPTIONS: Omit<TrackerOptions, 'cameraId'> = { minIou: 0.3, maxCentreShift: 0.6, maxMissingMs: 1500 };

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

  update(boxes: readonly Box[], timestampMs: number): TrackUpdate {
    const candidates: { track: number; box: number; cost: number }[] = [];
    this.tracks.forEach((track, t) => {
      boxes.forEach((box, b) => {
        const iou = intersectionOverUnion(track.box, box);
        const shift = distance(boxCentre(track.box), boxCentre(box)) / Math.max(track.box.width, 1);
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
      const track: Track = { id: `${this.options.cameraId}:${this.nextId++}`, box: boxes[b] as Box, lastSeenMs: timestampMs };
      this.tracks.push(track);
      return track.id;
    });
    const ended: string[] = [];
    for (let i = this.tracks.length - 1; i >= 0; i--) {
      const track = this.tracks[i];
      if (track && timestampMs - track.lastSeenMs > this.options.maxMissingMs) {
        ended.push(track.id);
        this.tracks.splice(i, 1);
      }
    }
    return { trackIds: ids, ended: ended.reverse() };
  }

  get activeTrackIds(): readonly string[] {
    return this.tracks.map((t) => t.id);
  }
}
