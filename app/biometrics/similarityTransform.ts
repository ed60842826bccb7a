import type { Point } from './geometry';

/**
 * A 2-D similarity (rotation, uniform scale, translation) as the 2x3 affine matrix
 * [[a, -b, tx], [b, a, ty]]: x' = a x - b y + tx, y' = b x + a y + ty.
 */
export interface SimilarityTransform {
  readonly a: number;
  readonly b: number;
  readonly tx: number;
  readonly ty: number;
}

export class AlignmentError extends Error {
  readonly code = 'degenerate_points' as const;
  constructor(message: string) {
    super(message);
    this.name = 'AlignmentError';
  }
}

/**
 * Least-squares similarity mapping `from` onto `to` (Umeyama 1991 without reflection; in 2-D its SVD reduces
 * to this closed form). Used to warp a face so its 5 landmarks land on the embedder's template.
 */
export function estimateSimilarity(from: readonly Point[], to: readonly Point[]): SimilarityTransform {
  if (from.length !== to.length || from.length < 2) throw new AlignmentError(`need at least 2 matching points, got ${from.length} and ${to.length}`);
  const n = from.length;
  const mean = (points: readonly Point[]) => ({ x: points.reduce((s, p) => s + p.x, 0) / n, y: points.reduce((s, p) => s + p.y, 0) / n });
  const mf = mean(from);
  const mt = mean(to);
  let dot = 0;
  let cross = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const fx = (from[i]?.x ?? 0) - mf.x;
    const fy = (from[i]?.y ?? 0) - mf.y;
    const tx = (to[i]?.x ?? 0) - mt.x;
    const ty = (to[i]?.y ?? 0) - mt.y;
    dot += fx * tx + fy * ty;
    cross += fx * ty - fy * tx;
    norm += fx * fx + fy * fy;
  }
  if (!(norm > 1e-9)) throw new AlignmentError('landmarks coincide: cannot estimate an alignment');
  const a = dot / norm;
  const b = cross / norm;
  return { a, b, tx: mt.x - (a * mf.x - b * mf.y), ty: mt.y - (b * mf.x + a * mf.y) };
}

export const applySimilarity = (t: SimilarityTransform, p: Point): Point => ({ x: t.a * p.x - t.b * p.y + t.tx, y: t.b * p.x + t.a * p.y + t.ty });

export const similarityScale = (t: SimilarityTransform): number => Math.hypot(t.a, t.b);

/** Canvas `setTransform(a, b, c, d, e, f)` arguments that draw the source image through this transform. */
export const toCanvasMatrix = (t: SimilarityTransform): [number, number, number, number, number, number] => [t.a, t.b, -t.b, t.a, t.tx, t.ty];
