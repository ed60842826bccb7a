import type { GrayImage } from './imageStatistics';
import { coarseSharpness } from './imageStatistics';

/**
 * Exposure of a face crop, judged and corrected from the crop's own statistics. A lane camera sees faces through
 * tinted glass: at dusk a face spans ~15-50 grey levels, at night under the infrared illuminator a rear-row face is
 * dark and grey, in glare a veil lifts the whole face and clips its highlights. What decides whether such a face can
 * be compared is not its mean brightness but the signal left in it: the range between its darkest and brightest
 * parts, and how much of it is clipped. A crop with usable range is stretched to full contrast (one linear tone
 * map, the same for the landmark crop and the embedder's aligned crop); a crop already well exposed is left as it is.
 */
export interface ExposureRules {
  /** Percentiles (0..1) of the face's central region taken as its darkest and brightest parts (robust to noise specks). */
  readonly lowPercentile: number;
  readonly highPercentile: number;
  /** Where the stretched face's darkest and brightest parts go. */
  readonly targetLow: number;
  readonly targetHigh: number;
  /**
   * A face spanning at least this many levels, with its mean within the live gate's limits, its darkest parts
   * dark and its brightest bright (not veiled, not dim), is left unchanged.
   */
  readonly wellExposedRange: number;
  readonly minWellExposedMean: number;
  readonly maxWellExposedMean: number;
  readonly maxWellExposedLow: number;
  readonly minWellExposedHigh: number;
  /** The largest gain applied: beyond it, noise is what gets stretched. */
  readonly maxGain: number;
  /** A face whose range is narrower than this holds too little signal to compare: "too dark" (or washed out). */
  readonly minSignalRange: number;
  /** A face with more than this share of its central region clipped white has lost its features: "too bright". */
  readonly maxClippedFraction: number;
  /** A raw value at or above this is taken as clipped. */
  readonly clippedLevel: number;
  /** Below this much detail at the stretched contrast (normalisedSharpness) the face is "blurred". */
  readonly minDetail: number;
}

export const DEFAULT_EXPOSURE_RULES: ExposureRules = {
  lowPercentile: 0.02,
  highPercentile: 0.98,
  targetLow: 16,
  targetHigh: 232,
  wellExposedRange: 96,
  minWellExposedMean: 50,
  maxWellExposedMean: 215,
  maxWellExposedLow: 90,
  minWellExposedHigh: 120,
  maxGain: 8,
  minSignalRange: 24,
  maxClippedFraction: 0.2,
  clippedLevel: 250,
  // Lane crops of the vehicle scene (faces 24-37 px between the eyes, LFW photos): sharp faces 1,100-9,700 (the
  // lowest: the driver camera's front row standing under the infrared illuminator); an even seat back through the
  // glass 410-940 by day, 355-1,130 in glare, but 1,300-2,240 at dusk and under infrared (indistinguishable there
  // from the dimmest sharp faces). A floor of 2,500 refused a sharp front-row face at night (vehicle eval, night-ir
  // front 100 -> 91.7 %); this one refuses the daylight non-faces only. faceExposure.test.ts, docs/vehicle-capture.md.
  minDetail: 1000,
};

/** `out = clamp(round(v * gain + offset))` for every channel of every pixel. */
export interface ToneMap {
  readonly gain: number;
  readonly offset: number;
}

export const IDENTITY_TONE: ToneMap = { gain: 1, offset: 0 };

export interface CropExposure {
  /** The darkest and brightest parts of the face's central region (raw grey levels). */
  readonly low: number;
  readonly high: number;
  /** `high - low`: the signal the face holds. */
  readonly signalRange: number;
  readonly meanIntensity: number;
  /** Share of the central region at or above the clipped level. */
  readonly clippedFraction: number;
  /** What makes the face full-contrast (IDENTITY_TONE when it already is). */
  readonly tone: ToneMap;
  /**
   * The raw crop's detail at the features' scale (imageStatistics.coarseSharpness). The gate judges blur on it
   * times gain^2 (what the stretched crop shows): the stretched crop's finest-scale Laplacian (the booth's
   * sharpness) multiplies noise and compression edges by the gain and counted them as sharpness, so a smeared
   * dim face, or no face at all, passed as sharp.
   */
  readonly detail: number;
}

/** The central part of a face crop (the detector box runs from brow to chin; its border is hair, cheeks and background). */
const CENTRAL_SHARE = 0.7;

export function measureExposure(image: GrayImage, rules: ExposureRules = DEFAULT_EXPOSURE_RULES): CropExposure {
  const { width, height, pixels } = image;
  if (width * height === 0 || pixels.length < width * height) throw new RangeError(`gray image ${width}x${height} needs ${width * height} pixels, has ${pixels.length}`);
  const marginX = Math.floor((width * (1 - CENTRAL_SHARE)) / 2);
  const marginY = Math.floor((height * (1 - CENTRAL_SHARE)) / 2);
  const histogram = new Uint32Array(256);
  let count = 0;
  let sum = 0;
  let clipped = 0;
  for (let y = marginY; y < height - marginY; y++) {
    for (let x = marginX; x < width - marginX; x++) {
      const v = Math.min(255, Math.max(0, Math.round(pixels[y * width + x] ?? 0)));
      histogram[v] = (histogram[v] ?? 0) + 1;
      sum += v;
      count++;
      if (v >= rules.clippedLevel) clipped++;
    }
  }
  const low = percentile(histogram, count, rules.lowPercentile);
  const high = percentile(histogram, count, rules.highPercentile);
  const meanIntensity = sum / count;
  const signalRange = high - low;
  const wellExposed =
    signalRange >= rules.wellExposedRange &&
    meanIntensity >= rules.minWellExposedMean &&
    meanIntensity <= rules.maxWellExposedMean &&
    low <= rules.maxWellExposedLow &&
    high >= rules.minWellExposedHigh;
  const tone = wellExposed ? IDENTITY_TONE : stretch(low, high, rules);
  return { low, high, signalRange, meanIntensity, clippedFraction: clipped / count, tone, detail: coarseSharpness(image) };
}

/** The grey level below which `share` of the histogram's `count` values lie. */
function percentile(histogram: Uint32Array, count: number, share: number): number {
  const rank = share * (count - 1);
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v] ?? 0;
    if (seen > rank) return v;
  }
  return 255;
}

/** Maps [low, high] onto the target range; with the gain capped, the face's mid level goes to the target's. */
function stretch(low: number, high: number, rules: ExposureRules): ToneMap {
  const targetRange = rules.targetHigh - rules.targetLow;
  const gain = Math.min(rules.maxGain, targetRange / Math.max(1, high - low));
  const offset = (rules.targetLow + rules.targetHigh) / 2 - gain * ((low + high) / 2);
  return { gain, offset };
}

export const isIdentityTone = (tone: ToneMap): boolean => tone.gain === 1 && tone.offset === 0;

const clampByte = (v: number) => (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));

/** The gray image through the tone map (a new image; the same one when the map is the identity). */
export function toneGray<T extends GrayImage>(image: T, tone: ToneMap): T | (GrayImage & { pixels: Uint8Array }) {
  if (isIdentityTone(tone)) return image;
  const pixels = new Uint8Array(image.width * image.height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = clampByte((image.pixels[i] ?? 0) * tone.gain + tone.offset);
  return { width: image.width, height: image.height, pixels };
}

/** RGBA pixels through the tone map in place (alpha untouched): the same map on every colour channel keeps the face's hue. */
export function toneRgbaInPlace(rgba: Uint8ClampedArray, tone: ToneMap): void {
  if (isIdentityTone(tone)) return;
  for (let i = 0; i < rgba.length; i += 4) {
    rgba[i] = clampByte((rgba[i] ?? 0) * tone.gain + tone.offset);
    rgba[i + 1] = clampByte((rgba[i + 1] ?? 0) * tone.gain + tone.offset);
    rgba[i + 2] = clampByte((rgba[i + 2] ?? 0) * tone.gain + tone.offset);
  }
}

/** How sharp the normalised face is: the raw crop's detail at the features' scale, at the stretched contrast. */
export const normalisedSharpness = (exposure: CropExposure): number => exposure.detail * exposure.tone.gain ** 2;

/** What the gate says of the exposure left after normalisation: too little signal, or too much of the face clipped. */
export function exposureReasons(exposure: CropExposure, rules: ExposureRules = DEFAULT_EXPOSURE_RULES): ('too_dark' | 'too_bright')[] {
  const reasons: ('too_dark' | 'too_bright')[] = [];
  if (exposure.clippedFraction > rules.maxClippedFraction) reasons.push('too_bright');
  else if (exposure.signalRange < rules.minSignalRange) reasons.push(exposure.meanIntensity > 128 ? 'too_bright' : 'too_dark');
  return reasons;
}
