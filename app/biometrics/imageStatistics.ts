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
  let lapSum = 0;
  let lapSq = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap = (pixels[i - 1] ?? 0) + (pixels[i + 1] ?? 0) + (pixels[i - width] ?? 0) + (pixels[i + width] ?? 0) - 4 * (pixels[i] ?? 0);
      lapSum += lap;
      lapSq += lap * lap;
      count++;
    }
  }
  const lapMean = count ? lapSum / count : 0;
  return { meanIntensity: sum / n, darkFraction: dark / n, brightFraction: bright / n, sharpness: count ? lapSq / count - lapMean * lapMean : 0 };
}
