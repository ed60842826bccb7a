import type { Random } from '../shared/seededRandom';
import { seededRandom } from '../shared/seededRandom';
import type { FloatFrame } from './rgbaImage';

/**
 * What the camera itself does to the light it receives, in the order a sensor and encoder do it: motion blur
 * during the exposure, lens vignetting, sensor noise, and the stream's compression. Each works in place.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Horizontal and vertical box blur of `length` px over `rect` (a vehicle moving towards the camera smears radially; rows and columns approximate it). */
export function motionBlur(frame: FloatFrame, rect: Rect, lengthX: number, lengthY: number): void {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(frame.width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(frame.height, Math.ceil(rect.y + rect.height));
  if (x1 - x0 < 2 || y1 - y0 < 2) return;
  const kx = Math.round(lengthX);
  if (kx >= 2) for (let y = y0; y < y1; y++) boxLine(frame.rgb, (y * frame.width + x0) * 3, 3, x1 - x0, kx);
  const ky = Math.round(lengthY);
  if (ky >= 2) for (let x = x0; x < x1; x++) boxLine(frame.rgb, (y0 * frame.width + x) * 3, frame.width * 3, y1 - y0, ky);
}

/** Running-sum box filter of width k, in place, over n RGB pixels starting at `start`, `stride` apart (clamped at the ends). */
function boxLine(rgb: Float32Array, start: number, stride: number, n: number, k: number): void {
  const half = k >> 1;
  const line = new Float32Array(n);
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < n; i++) line[i] = rgb[start + i * stride + c]!;
    let sum = 0;
    for (let i = -half; i < k - half; i++) sum += line[i < 0 ? 0 : i >= n ? n - 1 : i]!;
    for (let i = 0; i < n; i++) {
      rgb[start + i * stride + c] = sum / k;
      const add = i + k - half;
      const drop = i - half;
      sum += line[add >= n ? n - 1 : add]! - line[drop < 0 ? 0 : drop]!;
    }
  }
}

/** Darkens towards the corners: 1 - strength * (r / r_corner)^2. */
export function vignette(frame: FloatFrame, strength: number): void {
  if (strength <= 0) return;
  const cx = frame.width / 2;
  const cy = frame.height / 2;
  const corner = cx * cx + cy * cy;
  const rgb = frame.rgb;
  for (let y = 0; y < frame.height; y++) {
    const dy = (y + 0.5 - cy) ** 2;
    for (let x = 0; x < frame.width; x++) {
      const f = 1 - (strength * ((x + 0.5 - cx) ** 2 + dy)) / corner;
      const o = (y * frame.width + x) * 3;
      rgb[o] = rgb[o]! * f;
      rgb[o + 1] = rgb[o + 1]! * f;
      rgb[o + 2] = rgb[o + 2]! * f;
    }
  }
}

/** Monochrome (what an infrared camera records): every channel gets the luminance. */
export function toMonochrome(frame: FloatFrame): void {
  const rgb = frame.rgb;
  for (let o = 0; o < rgb.length; o += 3) {
    const l = 0.3 * (rgb[o] ?? 0) + 0.59 * (rgb[o + 1] ?? 0) + 0.11 * (rgb[o + 2] ?? 0);
    rgb[o] = l;
    rgb[o + 1] = l;
    rgb[o + 2] = l;
  }
}

/** 4096 standard-normal draws (Box-Muller from a fixed seed), indexed by a fast generator: reproducible and cheap per pixel. */
const NORMAL = (() => {
  const random = seededRandom('sensor-noise-table');
  const table = new Float32Array(4096);
  for (let i = 0; i < 4096; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - random()));
    const a = 2 * Math.PI * random();
    table[i] = r * Math.cos(a);
    table[i + 1] = r * Math.sin(a);
  }
  return table;
})();

/**
 * Sensor noise: read noise plus shot noise growing with the signal, one draw per pixel shared by the channels
 * (luma noise, as most of a sensor's visible noise after demosaicing), plus a little chroma in colour frames.
 * The draws come from a xorshift generator seeded from `random`, so a frame's noise is fixed by its seed.
 */
export function sensorNoise(frame: FloatFrame, random: Random, readNoise: number, shotNoise: number, monochrome: boolean): void {
  const rgb = frame.rgb;
  let state = (Math.floor(random() * 0xffffffff) | 1) >>> 0;
  const read2 = readNoise * readNoise;
  for (let o = 0; o < rgb.length; o += 3) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const r = rgb[o]!;
    const g = rgb[o + 1]!;
    const b = rgb[o + 2]!;
    const level = r + g + b > 0 ? (r + g + b) / 3 : 0;
    const sigma = Math.sqrt(read2 + shotNoise * level);
    const n = NORMAL[state & 4095]! * sigma;
    const chroma = monochrome ? 0 : NORMAL[(state >>> 12) & 4095]! * sigma * 0.25;
    rgb[o] = r + n + chroma;
    rgb[o + 1] = g + n;
    rgb[o + 2] = b + n - chroma;
  }
}

/**
 * The stream encoder, approximated (no JPEG/H.264 encoder runs in both Node and the browser from the project's
 * dependencies): colour is averaged over 2x2 pixels (4:2:0 chroma subsampling), and in each 8x8 block the luma
 * keeps its block mean exactly while its detail is quantised to `step` (blocking and lost fine texture, as a
 * camera stream at a modest bit rate shows). Values are clipped to 0..255 here.
 */
export function compressBlocks(frame: FloatFrame, step: number): void {
  const { width, height, rgb } = frame;
  const n = width * height;
  const bw = (width + 7) >> 3;
  const bh = (height + 7) >> 3;
  const hw = (width + 1) >> 1;
  const hh = (height + 1) >> 1;
  const { luma, blockSum, blockMean, cb, cr, cbMean, crMean } = scratchFor(n, bw * bh, hw * hh);
  for (let i = 0, o = 0; i < n; i++, o += 3) luma[i] = 0.299 * rgb[o]! + 0.587 * rgb[o + 1]! + 0.114 * rgb[o + 2]!;
  // Block sums of the luma (8x8) and the chroma sums of each 2x2 cell.
  for (let y = 0; y < height; y++) {
    const blockRow = (y >> 3) * bw;
    const cellRow = (y >> 1) * hw;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const l = luma[i]!;
      const b = blockRow + (x >> 3);
      blockSum[b] = blockSum[b]! + l;
      const c = cellRow + (x >> 1);
      cb[c] = cb[c]! + rgb[i * 3 + 2]! - l;
      cr[c] = cr[c]! + rgb[i * 3]! - l;
    }
  }
  // Their means, once per block and cell (edge blocks and cells are cut by the frame's edge).
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) blockMean[by * bw + bx] = blockSum[by * bw + bx]! / (Math.min(8, width - bx * 8) * Math.min(8, height - by * 8));
  }
  for (let cy = 0; cy < hh; cy++) {
    for (let cx = 0; cx < hw; cx++) {
      const c = cy * hw + cx;
      const count = Math.min(2, width - cx * 2) * Math.min(2, height - cy * 2);
      cbMean[c] = cb[c]! / count;
      crMean[c] = cr[c]! / count;
    }
  }
  for (let y = 0; y < height; y++) {
    const blockRow = (y >> 3) * bw;
    const cellRow = (y >> 1) * hw;
    for (let x = 0, i = y * width, o = i * 3; x < width; x++, i++, o += 3) {
      const mean = blockMean[blockRow + (x >> 3)]!;
      const c = cellRow + (x >> 1);
      const l = mean + roundHalfUp((luma[i]! - mean) / step) * step;
      const r = l + crMean[c]!;
      const bl = l + cbMean[c]!;
      rgb[o] = clip(r);
      rgb[o + 1] = clip((l - 0.299 * r - 0.114 * bl) / 0.587);
      rgb[o + 2] = clip(bl);
    }
  }
}

interface CompressScratch {
  readonly luma: Float32Array;
  readonly blockSum: Float32Array;
  readonly blockMean: Float64Array;
  readonly cb: Float32Array;
  readonly cr: Float32Array;
  readonly cbMean: Float64Array;
  readonly crMean: Float64Array;
}

let scratch: CompressScratch | undefined;

/** compressBlocks' working arrays, kept between frames of one size (a 1080p frame would otherwise allocate ~13 MB each time); sums zeroed. */
function scratchFor(pixels: number, blocks: number, cells: number): CompressScratch {
  if (scratch?.luma.length !== pixels || scratch.blockSum.length !== blocks || scratch.cb.length !== cells) {
    scratch = { luma: new Float32Array(pixels), blockSum: new Float32Array(blocks), blockMean: new Float64Array(blocks), cb: new Float32Array(cells), cr: new Float32Array(cells), cbMean: new Float64Array(cells), crMean: new Float64Array(cells) };
  } else {
    scratch.blockSum.fill(0);
    scratch.cb.fill(0);
    scratch.cr.fill(0);
  }
  return scratch;
}

/**
 * Math.round's value without its cost: V8 rounds up and then steps back on a data-dependent branch, which noisy
 * pixels mispredict half the time (3x slower here); floor(v + 0.5) is the same number for every double under 2^52 in
 * magnitude (far beyond a pixel's range) but the one just below 0.5 (where v + 0.5 rounds up to 1), and +0 where
 * Math.round gives -0 (the same once a byte). The renderer's bytes are pinned (laneSceneRenderer.test.ts).
 */
const roundHalfUp = (v: number) => (v === 0.49999999999999994 ? 0 : Math.floor(v + 0.5));

const clip = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : roundHalfUp(v));
