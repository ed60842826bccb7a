/**
 * Pixels as both environments have them: RGBA bytes, row by row (ImageData in the browser, a decoded PNG or
 * JPEG in Node). The scene renderer works on these only, so Node and the browser render the same bytes.
 */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** A frame being composed: linear-ish RGB floats (0..255), three per pixel, so effects add up without clipping early. */
export interface FloatFrame {
  readonly width: number;
  readonly height: number;
  readonly rgb: Float32Array;
}

export const newFloatFrame = (width: number, height: number): FloatFrame => ({ width, height, rgb: new Float32Array(width * height * 3) });

/** Halves an image by 2x2 averaging (the next level of a pyramid). */
function halve(image: RgbaImage): RgbaImage {
  const width = Math.max(1, image.width >> 1);
  const height = Math.max(1, image.height >> 1);
  const data = new Uint8ClampedArray(width * height * 4);
  const src = image.data;
  for (let y = 0; y < height; y++) {
    const y0 = Math.min(image.height - 1, y * 2);
    const y1 = Math.min(image.height - 1, y * 2 + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.min(image.width - 1, x * 2);
      const x1 = Math.min(image.width - 1, x * 2 + 1);
      const a = (y0 * image.width + x0) * 4;
      const b = (y0 * image.width + x1) * 4;
      const c = (y1 * image.width + x0) * 4;
      const d = (y1 * image.width + x1) * 4;
      const o = (y * width + x) * 4;
      for (let k = 0; k < 4; k++) data[o + k] = ((src[a + k] ?? 0) + (src[b + k] ?? 0) + (src[c + k] ?? 0) + (src[d + k] ?? 0) + 2) >> 2;
    }
  }
  return { width, height, data };
}

/** Successive halvings down to ~16 px: shrinking a face draws from the level just above the target size (no aliasing). */
export function pyramidOf(image: RgbaImage): readonly RgbaImage[] {
  const levels: RgbaImage[] = [image];
  let last = image;
  while (last.width > 16 && last.height > 16) levels.push((last = halve(last)));
  return levels;
}

/** Bilinear sample of channel-interleaved RGBA at (x, y) in pixel units (clamped to the edge); writes r, g, b to `out`. */
export function sampleBilinear(image: RgbaImage, x: number, y: number, out: Float32Array): void {
  const fx = Math.min(Math.max(x - 0.5, 0), image.width - 1);
  const fy = Math.min(Math.max(y - 0.5, 0), image.height - 1);
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = Math.min(x0 + 1, image.width - 1);
  const y1 = Math.min(y0 + 1, image.height - 1);
  const ax = fx - x0;
  const ay = fy - y0;
  const d = image.data;
  const i00 = (y0 * image.width + x0) * 4;
  const i01 = (y0 * image.width + x1) * 4;
  const i10 = (y1 * image.width + x0) * 4;
  const i11 = (y1 * image.width + x1) * 4;
  for (let k = 0; k < 3; k++) {
    const top = (d[i00 + k] ?? 0) * (1 - ax) + (d[i01 + k] ?? 0) * ax;
    const bottom = (d[i10 + k] ?? 0) * (1 - ax) + (d[i11 + k] ?? 0) * ax;
    out[k] = top * (1 - ay) + bottom * ay;
  }
}

/** The frame as RGBA bytes (alpha opaque). */
export function toRgba(frame: FloatFrame): RgbaImage {
  const n = frame.width * frame.height;
  const data = new Uint8ClampedArray(n * 4);
  const rgb = frame.rgb;
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    const o = i * 4;
    data[o] = rgb[j]!;
    data[o + 1] = rgb[j + 1]!;
    data[o + 2] = rgb[j + 2]!;
    data[o + 3] = 255;
  }
  return { width: frame.width, height: frame.height, data };
}

/** Mean luminance (Rec. 601) and its standard deviation over the whole image, or a region. */
export function luminanceStats(image: RgbaImage, region?: { x: number; y: number; width: number; height: number }): { mean: number; std: number } {
  const x0 = Math.max(0, Math.floor(region?.x ?? 0));
  const y0 = Math.max(0, Math.floor(region?.y ?? 0));
  const x1 = Math.min(image.width, Math.ceil(region ? region.x + region.width : image.width));
  const y1 = Math.min(image.height, Math.ceil(region ? region.y + region.height : image.height));
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const o = (y * image.width + x) * 4;
      const l = 0.299 * (image.data[o] ?? 0) + 0.587 * (image.data[o + 1] ?? 0) + 0.114 * (image.data[o + 2] ?? 0);
      sum += l;
      sumSq += l * l;
      n++;
    }
  }
  const mean = sum / Math.max(n, 1);
  return { mean, std: Math.sqrt(Math.max(0, sumSq / Math.max(n, 1) - mean * mean)) };
}
