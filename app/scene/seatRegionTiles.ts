import type { Box } from '../biometrics/geometry';
import type { LaneCameraGeometry } from './laneCameraGeometry';
import { LaneCameraProjection } from './laneCameraGeometry';
import type { Seat } from './vehicleApproach';
import { SEAT_HEADS } from './vehicleApproach';

/**
 * Detection tiles from the camera's geometry: the part of the frame where the seats it is aimed at pass on
 * their way from `farthestM` beyond the stop line to the stop line, covered with overlapping squares of
 * `side` pixels. The detector sees each square at (nearly) full detail, where on the whole frame a face 10 m
 * away would shrink to a few pixels.
 */
export interface SeatRegionOptions {
  readonly seats: readonly Seat[];
  readonly farthestM?: number;
  readonly side?: number;
  readonly overlap?: number;
  /** Margin around each head (metres): lateral drift in the lane and head movement. */
  readonly marginM?: number;
  readonly maxTiles?: number;
}

export function planSeatRegionTiles(camera: LaneCameraGeometry, options: SeatRegionOptions): Box[] {
  const projection = new LaneCameraProjection(camera);
  const farthest = options.farthestM ?? 11;
  const margin = options.marginM ?? 0.35;
  let minU = Infinity;
  let minV = Infinity;
  let maxU = -Infinity;
  let maxV = -Infinity;
  for (let travel = 0; travel <= farthest; travel += 0.5) {
    for (const seat of options.seats) {
      const head = SEAT_HEADS[seat];
      for (const [dx, dy] of [[-margin, -margin], [margin, margin], [-margin, margin], [margin, -margin]] as const) {
        const p = projection.project({ x: head.x + dx, y: head.y + dy, z: head.z + camera.stopLineDistanceM + travel });
        if (p.depth <= 0.2) continue;
        minU = Math.min(minU, p.u);
        maxU = Math.max(maxU, p.u);
        minV = Math.min(minV, p.v);
        maxV = Math.max(maxV, p.v);
      }
    }
  }
  const x0 = Math.max(0, Math.floor(minU));
  const y0 = Math.max(0, Math.floor(minV));
  const x1 = Math.min(camera.width, Math.ceil(maxU));
  const y1 = Math.min(camera.height, Math.ceil(maxV));
  if (x1 <= x0 || y1 <= y0) return [];
  let side = Math.min(options.side ?? 384, camera.width, camera.height);
  const overlap = options.overlap ?? 0.25;
  const maxTiles = options.maxTiles ?? 8;
  for (;;) {
    const tiles = cover(x0, y0, x1, y1, side, overlap, camera);
    if (tiles.length <= maxTiles || side >= Math.min(camera.width, camera.height)) return tiles;
    side = Math.min(Math.round(side * 1.25), camera.width, camera.height);
  }
}

function cover(x0: number, y0: number, x1: number, y1: number, side: number, overlap: number, camera: LaneCameraGeometry): Box[] {
  const starts = (from: number, to: number, limit: number) => {
    const span = to - from;
    if (span <= side) return [Math.max(0, Math.min(limit - side, Math.round((from + to) / 2 - side / 2)))];
    const count = Math.ceil((span - side) / (side * (1 - overlap))) + 1;
    const stepLength = (span - side) / (count - 1);
    return Array.from({ length: count }, (_, i) => Math.round(from + i * stepLength));
  };
  const tiles: Box[] = [];
  for (const y of starts(y0, y1, camera.height)) for (const x of starts(x0, x1, camera.width)) tiles.push({ x, y, width: side, height: side });
  return tiles;
}
