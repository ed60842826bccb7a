import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../testSupport/datasets';
import { compressBlocks, motionBlur, sensorNoise, toMonochrome, vignette } from '../scene/cameraEffects';
import type { RgbaImage } from '../scene/rgbaImage';
import { newFloatFrame, toRgba } from '../scene/rgbaImage';
import { CONDITION_LIGHT, infraredGain } from '../scene/sceneConditions';
import { glassEffects } from '../scene/sceneLayers';
import type { SceneCondition } from '../scene/vehicleApproach';
import { planApproach } from '../scene/vehicleApproach';
import { seededRandom } from '../shared/seededRandom';
import type { GrayImage } from './imageStatistics';
import { cropStatistics } from './imageStatistics';
import { DEFAULT_EXPOSURE_RULES, IDENTITY_TONE, exposureReasons, measureExposure, toneGray, toneRgbaInPlace } from './faceExposure';
import { DEFAULT_QUALITY_RULES, assessQuality } from './faceQuality';
import type { FivePoints } from './faceLandmarks';

const lfw = dataset(import.meta.url, 'faces-lfw/identities.csv', 'exposure normalisation of real face crops');

/** The first photo of the first `count` identities of faces-lfw (sorted: always the same people). */
function lfwPhotos(count: number): string[] {
  const rows = readFileSync(lfw.path, 'utf8').trim().split('\n').slice(1);
  const first = new Map<string, string>();
  for (const row of rows) {
    const [file, identity] = row.split(',');
    if (file && identity && !first.has(identity)) first.set(identity, file);
  }
  return [...first.keys()].sort().slice(0, count).map((identity) => path.join(path.dirname(lfw.path), first.get(identity) as string));
}

/** A 250x250 LFW JPEG as RGBA (decoded by ffmpeg, as the PAD evaluation does). */
function decode(file: string): RgbaImage {
  const rgb = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', 'scale=250:250', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 4 * 1024 * 1024 });
  const data = new Uint8ClampedArray(250 * 250 * 4);
  for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
    data[i] = rgb[j] ?? 0;
    data[i + 1] = rgb[j + 1] ?? 0;
    data[i + 2] = rgb[j + 2] ?? 0;
    data[i + 3] = 255;
  }
  return { width: 250, height: 250, data };
}

/** The windshield around the photo: a face fills a small part of it (its glare spot and reflections are wider than a face). */
const WINDSHIELD = { x: -200, y: -150, width: 1500, height: 600 };
/** The same windshield placed so that the sun's glare spot falls on the face. */
const GLARE_ON_FACE = { x: -600, y: -150, width: 1500, height: 600 };

/**
 * The photo as a lane camera sees a face `distanceM` away in `condition`, through the scene renderer's own light and
 * camera functions in the renderer's order: the cabin's light and cast (or the infrared illuminator), the
 * windshield's tint, reflections and glare, the glare veil, monochrome IR, vignetting, sensor noise, compression.
 */
function throughTheGlass(photo: RgbaImage, condition: SceneCondition, distanceM: number, seed: string, windshield = WINDSHIELD, motionBlurPx = 0): RgbaImage {
  const light = CONDITION_LIGHT[condition];
  const { width, height } = photo;
  const frame = newFloatFrame(width, height);
  const gain = light.infrared ? infraredGain(distanceM) * 1.1 : light.cabin;
  const cast = light.infrared ? [1, 1, 1] : light.cast;
  for (let i = 0; i < width * height; i++) for (let k = 0; k < 3; k++) frame.rgb[i * 3 + k] = (photo.data[i * 4 + k] ?? 0) * gain * (cast[k] ?? 1);
  const random = seededRandom(`${seed}|${condition}`);
  glassEffects(frame, new Uint8Array(width * height).fill(1), windshield, planApproach({ seed, condition, occupants: 1 }), light, 1, random);
  motionBlur(frame, { x: 0, y: 0, width, height }, motionBlurPx, motionBlurPx);
  if (light.veil > 0) for (let o = 0; o < frame.rgb.length; o++) frame.rgb[o] = (frame.rgb[o] ?? 0) * 0.92 + light.veil;
  if (light.infrared) toMonochrome(frame);
  vignette(frame, light.vignette);
  sensorNoise(frame, random, light.readNoise, light.shotNoise, light.infrared);
  compressBlocks(frame, light.compressionStep);
  return toRgba(frame);
}

/** LFW's face box (the photos are centred on the face), as the landmark model's gray crop of it (Rec. 601 luma, 64x64 by area averaging). */
const FACE_BOX = { x: 78, y: 82, width: 94, height: 104 };
function faceCrop(image: RgbaImage): GrayImage & { pixels: Uint8Array } {
  const size = 64;
  const pixels = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sx0 = FACE_BOX.x + Math.floor((x * FACE_BOX.width) / size);
      const sx1 = FACE_BOX.x + Math.floor(((x + 1) * FACE_BOX.width) / size);
      const sy0 = FACE_BOX.y + Math.floor((y * FACE_BOX.height) / size);
      const sy1 = FACE_BOX.y + Math.floor(((y + 1) * FACE_BOX.height) / size);
      let sum = 0;
      let n = 0;
      for (let sy = sy0; sy < Math.max(sy1, sy0 + 1); sy++) {
        for (let sx = sx0; sx < Math.max(sx1, sx0 + 1); sx++) {
          const o = (sy * image.width + sx) * 4;
          sum += 0.299 * (image.data[o] ?? 0) + 0.587 * (image.data[o + 1] ?? 0) + 0.114 * (image.data[o + 2] ?? 0);
          n++;
        }
      }
      pixels[y * size + x] = Math.round(sum / n);
    }
  }
  return { width: size, height: size, pixels };
}

/** Pearson correlation of two crops: 1 when one is a contrast/brightness change of the other. */
function correlation(a: GrayImage, b: GrayImage): number {
  const n = a.width * a.height;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += (a.pixels[i] ?? 0) / n;
    mb += (b.pixels[i] ?? 0) / n;
  }
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a.pixels[i] ?? 0) - ma;
    const db = (b.pixels[i] ?? 0) - mb;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  return ab / Math.sqrt(aa * bb);
}

/** Frontal landmarks in the 64x64 crop, so the quality gate judges exposure alone. */
const FRONTAL: FivePoints = [{ x: 20, y: 24 }, { x: 44, y: 24 }, { x: 32, y: 36 }, { x: 22, y: 48 }, { x: 42, y: 48 }];
/** The live gate's blur verdict (its default sharpness floor, nothing else judged) on a lane crop normalised for exposure. */
const blurred = (crop: GrayImage) => {
  const exposure = measureExposure(crop);
  const rules = { ...DEFAULT_QUALITY_RULES, minInterEyePx: 0, minDetectionScore: 0 };
  return assessQuality({ points: FRONTAL, crop: cropStatistics(toneGray(crop, exposure.tone)), box: { x: 0, y: 0, width: 64, height: 64 }, detectionScore: 1, frame: { width: 64, height: 64 }, exposure }, rules).reasons.includes('blurred');
};

const gate = (crop: GrayImage, normalised: boolean) => {
  const exposure = measureExposure(crop);
  const seen = normalised ? toneGray(crop, exposure.tone) : crop;
  return assessQuality({ points: FRONTAL, crop: cropStatistics(seen), box: { x: 0, y: 0, width: 64, height: 64 }, detectionScore: 1, frame: { width: 64, height: 64 }, ...(normalised ? { exposure } : {}) }, { ...DEFAULT_QUALITY_RULES, minInterEyePx: 0, minSharpness: 0, exposure: { ...DEFAULT_EXPOSURE_RULES, minDetail: 0 } }).reasons;
};

describe('exposure normalisation (tone maps)', () => {
  const ramp: GrayImage = { width: 16, height: 16, pixels: Uint8Array.from({ length: 256 }, (_, i) => 20 + ((i * 7) % 32)) };

  it('stretches a dark, narrow crop onto the target range from its own percentiles', () => {
    const exposure = measureExposure(ramp);
    expect(exposure.signalRange).toBeLessThan(DEFAULT_EXPOSURE_RULES.wellExposedRange);
    const out = toneGray(ramp, exposure.tone);
    const stats = measureExposure(out);
    expect(stats.low).toBeLessThanOrEqual(DEFAULT_EXPOSURE_RULES.targetLow + 8);
    expect(stats.high).toBeGreaterThanOrEqual(DEFAULT_EXPOSURE_RULES.targetHigh - 8);
    expect(stats.meanIntensity).toBeGreaterThan(100);
    expect(stats.meanIntensity).toBeLessThan(156);
  });

  it('leaves a well-exposed crop as it is (the same object, the same bytes)', () => {
    const wide: GrayImage = { width: 16, height: 16, pixels: Uint8Array.from({ length: 256 }, (_, i) => i) };
    const exposure = measureExposure(wide);
    expect(exposure.tone).toEqual(IDENTITY_TONE);
    expect(toneGray(wide, exposure.tone)).toBe(wide);
    const rgba = new Uint8ClampedArray([10, 20, 30, 255, 200, 210, 220, 255]);
    toneRgbaInPlace(rgba, exposure.tone);
    expect([...rgba]).toEqual([10, 20, 30, 255, 200, 210, 220, 255]);
  });

  it('maps every colour channel through the same tone and leaves alpha alone', () => {
    const rgba = new Uint8ClampedArray([10, 20, 30, 255, 40, 50, 250, 128]);
    toneRgbaInPlace(rgba, { gain: 2, offset: 5 });
    expect([...rgba]).toEqual([25, 45, 65, 255, 85, 105, 255, 128]);
  });

  it('caps the gain: a flat crop is not stretched into noise, and the gate calls it too dark', () => {
    const flat: GrayImage = { width: 16, height: 16, pixels: Uint8Array.from({ length: 256 }, (_, i) => 12 + (i % 3)) };
    const exposure = measureExposure(flat);
    expect(exposure.tone.gain).toBe(DEFAULT_EXPOSURE_RULES.maxGain);
    expect(exposureReasons(exposure)).toEqual(['too_dark']);
  });

  it('calls a crop with much of its face clipped white too bright, whatever its range', () => {
    const clipped: GrayImage = { width: 16, height: 16, pixels: Uint8Array.from({ length: 256 }, (_, i) => (i % 2 ? 255 : 40 + (i % 100))) };
    expect(exposureReasons(measureExposure(clipped))).toEqual(['too_bright']);
  });

  it('refuses an empty or short image with a clear error', () => {
    expect(() => measureExposure({ width: 4, height: 4, pixels: new Uint8Array(3) })).toThrow(/needs 16 pixels, has 3/);
  });
});

describe.skipIf(!lfw.present)('exposure normalisation of LFW faces through the lane scene renderer', () => {
  const photos = lfwPhotos(12).map(decode);
  const faces = photos.map(faceCrop);

  it('leaves most faces photographed in good light unchanged (what the booth matched before stays as it was)', () => {
    const unchanged = faces.filter((crop) => measureExposure(crop).tone === IDENTITY_TONE).length;
    expect(unchanged).toBeGreaterThanOrEqual(9);
  });

  it('at dusk: mostly refused as too dark by mean brightness, every face passed once normalised, and still the same face', () => {
    const dusk = photos.map((photo, k) => faceCrop(throughTheGlass(photo, 'dusk', 6, `dusk ${k}`)));
    expect(dusk.filter((crop) => gate(crop, false).includes('too_dark')).length).toBeGreaterThanOrEqual(9);
    for (const [k, crop] of dusk.entries()) {
      expect(gate(crop, true)).toEqual([]);
      const normalised = toneGray(crop, measureExposure(crop).tone);
      const stats = measureExposure(normalised);
      expect(stats.signalRange).toBeGreaterThan(180);
      expect(stats.meanIntensity).toBeGreaterThan(DEFAULT_QUALITY_RULES.minMeanIntensity);
      expect(stats.meanIntensity).toBeLessThan(DEFAULT_QUALITY_RULES.maxMeanIntensity);
      // The face's own pattern, not amplified noise: close to the photo it came from.
      expect(correlation(normalised, faces[k] as GrayImage)).toBeGreaterThan(0.8);
    }
  });

  it('at night under infrared: a second-row face (8 m) is recovered; a face far beyond the illuminator (25 m) is too dark', () => {
    for (const [k, photo] of photos.entries()) {
      const near = faceCrop(throughTheGlass(photo, 'night-ir', 8, `ir ${k}`));
      expect(gate(near, true)).toEqual([]);
      expect(correlation(toneGray(near, measureExposure(near).tone), faces[k] as GrayImage)).toBeGreaterThan(0.8);
    }
    const black: RgbaImage = { width: 250, height: 250, data: new Uint8ClampedArray(250 * 250 * 4) };
    const unlit = faceCrop(throughTheGlass(black, 'night-ir', 25, 'unlit'));
    expect(gate(unlit, true)).toEqual(['too_dark']);
  });

  it('in glare: the veil is taken off (full contrast again) and the face kept; with the glare spot on the face, too bright', () => {
    let kept = 0;
    for (const [k, photo] of photos.entries()) {
      const crop = faceCrop(throughTheGlass(photo, 'glare', 5, `glare ${k}`));
      const normalised = toneGray(crop, measureExposure(crop).tone);
      expect(measureExposure(normalised).signalRange).toBeGreaterThan(Math.min(180, measureExposure(crop).signalRange + 40));
      expect(gate(crop, true)).toEqual([]);
      if (correlation(normalised, faces[k] as GrayImage) > 0.7) kept++;
    }
    expect(kept).toBeGreaterThanOrEqual(10);
    const blinded = photos.filter((photo, k) => gate(faceCrop(throughTheGlass(photo, 'glare', 5, `glare ${k}`, GLARE_ON_FACE)), true).includes('too_bright')).length;
    expect(blinded).toBeGreaterThanOrEqual(10);
  });

  it('judges blur on the detail a normalised face held, not on its stretched noise: sharp faces pass, a seat back by day or in glare is refused', () => {
    for (const condition of ['day', 'dusk', 'night-ir'] as const) {
      const sharp = photos.filter((photo, k) => !blurred(faceCrop(throughTheGlass(photo, condition, 6, `${condition} ${k}`)))).length;
      expect(sharp, `${condition}: sharp faces passed`).toBe(photos.length);
    }
    // No face at all (an even seat back, dark to light): only noise and compression edges once stretched, which the
    // check on the stretched crop's finest scale called sharp (3,800-9,400 against its floor of 60).
    for (const condition of ['day', 'glare'] as const) {
      const seats = [30, 60, 120].map((level) => ({ width: 250, height: 250, data: new Uint8ClampedArray(250 * 250 * 4).fill(level) }));
      for (const [k, seat] of seats.entries()) expect(blurred(faceCrop(throughTheGlass(seat, condition, 6, `seat ${k}`))), `${condition}: seat ${k}`).toBe(true);
    }
    // Smeared over a quarter of the face (25 px of 94) by day: 4 of 12 refused (the stretched crop's check refused none;
    // a floor high enough to refuse them all refused sharp faces at night in the vehicle eval).
    const smeared = photos.filter((photo, k) => blurred(faceCrop(throughTheGlass(photo, 'day', 6, `day ${k}`, WINDSHIELD, 25)))).length;
    expect(smeared).toBeGreaterThanOrEqual(4);
  });
});
