/**
 * Scanline filling of the shapes a lane scene is made of (projected quads, ellipses), clipped to the frame.
 * Each calls `span(y, x0, x1)` for the pixels x0..x1-1 of row y that the shape covers (pixel centres inside).
 */
export interface Pixel2 {
  readonly u: number;
  readonly v: number;
}

export type SpanVisitor = (y: number, x0: number, x1: number) => void;

/** A convex polygon (any winding); points behind the camera must be clipped away by the caller. */
export function fillConvex(points: readonly Pixel2[], width: number, height: number, span: SpanVisitor): void {
  if (points.length < 3) return;
  let minV = Infinity;
  let maxV = -Infinity;
  for (const p of points) {
    minV = Math.min(minV, p.v);
    maxV = Math.max(maxV, p.v);
  }
  const y0 = Math.max(0, Math.ceil(minV - 0.5));
  const y1 = Math.min(height - 1, Math.floor(maxV - 0.5));
  for (let y = y0; y <= y1; y++) {
    const cy = y + 0.5;
    let left = Infinity;
    let right = -Infinity;
    for (let i = 0; i < points.length; i++) {
      const a = points[i] as Pixel2;
      const b = points[(i + 1) % points.length] as Pixel2;
      if ((a.v <= cy && b.v > cy) || (b.v <= cy && a.v > cy)) {
        const x = a.u + ((cy - a.v) / (b.v - a.v)) * (b.u - a.u);
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
    if (left > right) continue;
    const x0 = Math.max(0, Math.ceil(left - 0.5));
    const x1 = Math.min(width, Math.floor(right - 0.5) + 1);
    if (x1 > x0) span(y, x0, x1);
  }
}

/** An axis-aligned ellipse centred at (cu, cv) with semi-axes a (across) and b (down). */
export function fillEllipse(cu: number, cv: number, a: number, b: number, width: number, height: number, span: SpanVisitor): void {
  if (a <= 0 || b <= 0) return;
  const y0 = Math.max(0, Math.ceil(cv - b - 0.5));
  const y1 = Math.min(height - 1, Math.floor(cv + b - 0.5));
  for (let y = y0; y <= y1; y++) {
    const dy = (y + 0.5 - cv) / b;
    const half = a * Math.sqrt(Math.max(0, 1 - dy * dy));
    const x0 = Math.max(0, Math.ceil(cu - half - 0.5));
    const x1 = Math.min(width, Math.floor(cu + half - 0.5) + 1);
    if (x1 > x0) span(y, x0, x1);
  }
}
