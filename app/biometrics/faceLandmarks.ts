import type { Point } from './geometry';

/** Five alignment points, in the order of the ArcFace template: eye, eye, nose tip, mouth corner, mouth corner (image left first). */
export type FivePoints = readonly [Point, Point, Point, Point, Point];

export class LandmarkError extends Error {
  readonly code = 'bad_landmarks' as const;
  constructor(message: string) {
    super(message);
    this.name = 'LandmarkError';
  }
}

const mean = (points: readonly Point[]): Point => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});

/** Reads 68 (x,y) pairs from a flat array (the landmark model's output, already in image pixels). */
export function pointsFromFlat(flat: ArrayLike<number>): Point[] {
  if (flat.length !== 136) throw new LandmarkError(`expected 136 values (68 points), got ${flat.length}`);
  return Array.from({ length: 68 }, (_, i) => ({ x: flat[2 * i] ?? 0, y: flat[2 * i + 1] ?? 0 }));
}

/**
 * 68-point (iBUG/Multi-PIE) landmarks to the 5 alignment points. Eye centres average the four eyelid points
 * (37,38,40,41 and 43,44,46,47, 0-based), not the corners, as the ArcFace template was made from eye centres;
 * mouth corners average the outer and inner lip corners (48/60 and 54/64), the nose tip is point 30.
 */
export function fivePointsFrom68(points: readonly Point[]): FivePoints {
  if (points.length !== 68) throw new LandmarkError(`expected 68 landmarks, got ${points.length}`);
  const at = (...indices: number[]) => mean(indices.map((i) => points[i] ?? { x: 0, y: 0 }));
  return [at(37, 38, 40, 41), at(43, 44, 46, 47), at(30), at(48, 60), at(54, 64)];
}

/** Bounding box of a set of points. */
export function pointsBounds(points: readonly Point[]): { x: number; y: number; width: number; height: number } {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
