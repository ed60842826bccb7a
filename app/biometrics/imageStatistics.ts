/**
 * Statistics of a grayscale face crop (row-major bytes) that feed the quality rules. Computed on the small
 * crop the landmark model already needs, so quality costs no extra image pass.
 */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: ArrayLike<number>;
}

export interface CropStatistics {
  /** Mean intensity 0..255. */
  readonly meanIntensity: number;
  /** Fraction of pixels at or below 10 / at or above 245. */
  readonly darkFraction: number;
  readonly brightFraction: number;
  /** Variance of the 4-neighbour Laplacian: higher is sharper. */
  readonly sharpness: number;
}

export function cropStatistics(image: GrayImage): CropStatistics {
  const { width, height, pixels } = image;
  const n = width * height;
  if (n === 0 || pixels.length < n) throw new RangeError(`gray image ${width}x${height} needs ${n} pixels, has ${pixels.length}`);
  let sum = 0;
  let dark = 0;
  let bright = 0;
  for (let i = 0; i < n; i++) {
    const v = pixels[i] ?? 0;
    sum += v;
    if (v <= 10) dark++;
    if (v >= 245) bright++;
  }
  return { meanIntensity: sum / n, darkFraction: dark / n, brightFraction: bright / n, sharpness: laplacianVariance(pixels, width, height) };
}

/** Variance of the 4-neighbour Laplacian over the interior of a `width` x `height` grid of values (0 when it has none). */
function laplacianVariance(values: ArrayLike<number>, width: number, height: number): number {
  let sum = 0;
  let sq = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap = (values[i - 1] ?? 0) + (values[i + 1] ?? 0) + (values[i - width] ?? 0) + (values[i + width] ?? 0) - 4 * (values[i] ?? 0);
      sum += lap;
      sq += lap * lap;
      count++;
    }
  }
  if (count === 0) return 0;
  const mean = sum / count;
  return sq / count - mean * mean;
}

/** The coarse scale's side, in crop pixels (a 64x64 landmark crop: 16x16 cells). */
const COARSE_CELL = 4;
/** Reused by every call (the vision worker judges every face of every frame): no allocation per face. */
let coarseCells = new Float32Array(0);

/**
 * Variance of the 4-neighbour Laplacian of the crop averaged over 4x4-pixel cells: the detail of a face's
 * features (eyes, brows, nostrils, mouth), without the finest scale. At the finest scale a lane camera's crop holds
 * mostly sensor noise and the stream compression's block edges, and smearing the face (motion blur) does not lower
 * it (measured on LFW faces through the lane scene's glass, noise and compression); at this scale it does, and 16
 * pixels' noise averages out.
 */
export function coarseSharpness(image: GrayImage): number {
  const { width, height, pixels } = image;
  if (width * height === 0 || pixels.length < width * height) throw new RangeError(`gray image ${width}x${height} needs ${width * height} pixels, has ${pixels.length}`);
  const w = Math.floor(width / COARSE_CELL);
  const h = Math.floor(height / COARSE_CELL);
  if (w < 3 || h < 3) return 0;
  if (coarseCells.length < w * h) coarseCells = new Float32Array(w * h);
  const cells = coarseCells;
  cells.fill(0, 0, w * h);
  const share = 1 / (COARSE_CELL * COARSE_CELL);
  for (let y = 0; y < h * COARSE_CELL; y++) {
    const row = Math.floor(y / COARSE_CELL) * w;
    for (let x = 0; x < w * COARSE_CELL; x++) cells[row + Math.floor(x / COARSE_CELL)] = (cells[row + Math.floor(x / COARSE_CELL)] ?? 0) + (pixels[y * width + x] ?? 0) * share;
  }
  return laplacianVariance(cells, w, h);
}
