import { describe, expect, it } from 'vitest';
import type { FivePoints } from './faceLandmarks';
import { DEFAULT_QUALITY_RULES, assessQuality, estimatePose } from './faceQuality';
import { cropStatistics } from './imageStatistics';
import { measureExposure, toneGray } from './faceExposure';
import { seededRandom } from '../shared/seededRandom';

const template = (scale: number, dx = 0, dy = 0): FivePoints =>
  [
    [38.2946, 51.6963],
    [73.5318, 51.5014],
    [56.0252, 71.7366],
    [41.5493, 92.3655],
    [70.7299, 92.2041],
  ].map(([x, y]) => ({ x: (x ?? 0) * scale + dx, y: (y ?? 0) * scale + dy })) as unknown as FivePoints;

/** A gray crop: a checkerboard (sharp) or a flat field (blurred), at a given brightness. */
const crop = (kind: 'sharp' | 'flat', level: number) => {
  const pixels = new Uint8Array(64 * 64).map((_, i) => (kind === 'flat' ? level : ((i % 64) + Math.floor(i / 64)) % 2 ? Math.min(255, level + 40) : Math.max(0, level - 40)));
  return cropStatistics({ width: 64, height: 64, pixels });
};

const frame = { width: 640, height: 480 };

describe('estimatePose', () => {
  it('is near frontal for the ArcFace template at any scale and position', () => {
    const pose = estimatePose(template(3, 200, 100));
    expect(Math.abs(pose.yaw)).toBeLessThan(1);
    expect(Math.abs(pose.pitch)).toBeLessThan(1);
    expect(Math.abs(pose.roll)).toBeLessThan(1);
  });

  it('measures roll of a rotated face and yaw from a nose moved sideways', () => {
    const face = template(2);
    const angle = (20 * Math.PI) / 180;
    const rotated = face.map((p) => ({ x: p.x * Math.cos(angle) - p.y * Math.sin(angle), y: p.x * Math.sin(angle) + p.y * Math.cos(angle) })) as unknown as FivePoints;
    expect(estimatePose(rotated).roll).toBeCloseTo(20, 0);
    expect(Math.abs(estimatePose(rotated).yaw)).toBeLessThan(1.5);
    const turned = [face[0], face[1], { x: face[2].x + 30, y: face[2].y }, face[3], face[4]] as unknown as FivePoints;
    expect(estimatePose(turned).yaw).toBeGreaterThan(30);
  });
});

describe('assessQuality', () => {
  it('passes a large, frontal, sharp, well-exposed face', () => {
    const q = assessQuality({ points: template(3, 150, 80), crop: crop('sharp', 128), box: { x: 150, y: 80, width: 330, height: 330 }, detectionScore: 0.9, frame });
    expect(q.reasons).toEqual([]);
    expect(q.interEyePx).toBeGreaterThan(100);
    expect(q.score).toBeGreaterThan(0.7);
  });

  it('gives the recapture reasons: too far, turned away, too dark, blurred, partly outside', () => {
    expect(assessQuality({ points: template(0.8, 10, 10), crop: crop('sharp', 128), box: { x: 10, y: 10, width: 90, height: 90 }, detectionScore: 0.9, frame }).reasons).toEqual(['too_far']);
    const face = template(3, 150, 80);
    const turned = [face[0], face[1], { x: face[2].x + 60, y: face[2].y }, face[3], face[4]] as unknown as FivePoints;
    expect(assessQuality({ points: turned, crop: crop('sharp', 128), box: { x: 150, y: 80, width: 330, height: 330 }, detectionScore: 0.9, frame }).reasons).toContain('turned_away');
    expect(assessQuality({ points: face, crop: crop('sharp', 25), box: { x: 150, y: 80, width: 330, height: 330 }, detectionScore: 0.9, frame }).reasons).toContain('too_dark');
    expect(assessQuality({ points: face, crop: crop('flat', 128), box: { x: 150, y: 80, width: 330, height: 330 }, detectionScore: 0.9, frame }).reasons).toEqual(['blurred']);
    expect(assessQuality({ points: template(3, 450, 80), crop: crop('sharp', 128), box: { x: 450, y: 80, width: 330, height: 330 }, detectionScore: 0.9, frame }).reasons).toEqual(['partly_outside']);
  });

  it('judges a face normalised for exposure by the signal its raw crop held, not by the mean it has now', () => {
    const face = template(3, 150, 80);
    const box = { x: 150, y: 80, width: 330, height: 330 };
    const rawPixels = (range: number) => new Uint8Array(64 * 64).map((_, i) => 10 + ((i * 7) % (range + 1)));
    const judged = (range: number) => {
      const raw = { width: 64, height: 64, pixels: rawPixels(range) };
      const exposure = measureExposure(raw);
      return assessQuality({ points: face, crop: cropStatistics(toneGray(raw, exposure.tone)), box, detectionScore: 0.9, frame, exposure }).reasons;
    };
    // Raw mean ~30 (the old gate: too dark), 40 levels of signal: usable once stretched.
    expect(assessQuality({ points: face, crop: cropStatistics({ width: 64, height: 64, pixels: rawPixels(40) }), box, detectionScore: 0.9, frame }).reasons).toContain('too_dark');
    expect(judged(40)).toEqual([]);
    // 12 levels of signal: stretching it would stretch noise.
    expect(judged(12)).toContain('too_dark');
  });

  it('judges a normalised face blurred by the detail its features held, not by the noise the stretch amplified', () => {
    const face = template(3, 150, 80);
    const box = { x: 150, y: 80, width: 330, height: 330 };
    const random = seededRandom('dim crop');
    // A dim crop (raw 20..60): smooth shading across it (a face smeared flat, a seat back) or an 8-pixel pattern
    // (features the size of eyes and brows), both under sensor noise of +-4 levels.
    const dim = (pattern: boolean) => ({
      width: 64,
      height: 64,
      pixels: new Uint8Array(64 * 64).map((_, i) => 20 + (pattern ? ((Math.floor((i % 64) / 8) + Math.floor(i / 512)) % 2) * 40 : Math.round(((i % 64) * 40) / 63)) + Math.round((random() - 0.5) * 8)),
    });
    const judged = (raw: { width: number; height: number; pixels: Uint8Array }, normalised: boolean) => {
      const exposure = measureExposure(raw);
      return assessQuality({ points: face, crop: cropStatistics(normalised ? toneGray(raw, exposure.tone) : raw), box, detectionScore: 0.9, frame, ...(normalised ? { exposure } : {}) });
    };
    const noise = dim(false);
    // Stretched, the noise alone is "sharp" at the finest scale: the blur check on the stretched crop passed it.
    expect(cropStatistics(toneGray(noise, measureExposure(noise).tone)).sharpness).toBeGreaterThan(DEFAULT_QUALITY_RULES.minSharpness);
    expect(judged(noise, true).reasons).toContain('blurred');
    expect(judged(dim(true), true).reasons).not.toContain('blurred');
    // A crop not normalised (stills, the booth camera) is judged as before, on its own finest-scale sharpness.
    expect(judged(noise, false).sharpness).toBe(cropStatistics(noise).sharpness);
  });

  it('ranks a sharp frontal shot above a blurred one of the same face', () => {
    const face = template(3, 150, 80);
    const box = { x: 150, y: 80, width: 330, height: 330 };
    expect(assessQuality({ points: face, crop: crop('sharp', 128), box, detectionScore: 0.9, frame }).score).toBeGreaterThan(assessQuality({ points: face, crop: crop('flat', 128), box, detectionScore: 0.9, frame }).score);
  });

  it('refuses what may not be a face: an unsure detection, landmarks without a face layout', () => {
    const face = template(3, 150, 80);
    const box = { x: 150, y: 80, width: 330, height: 330 };
    expect(assessQuality({ points: face, crop: crop('sharp', 128), box, detectionScore: 0.55, frame }).reasons).toEqual(['low_confidence']);
    // The mouth above the nose (a pattern read upside down within the allowed roll).
    const scrambled = [face[0], face[1], face[2], { x: face[3].x, y: face[0].y + 5 }, { x: face[4].x, y: face[1].y + 5 }] as unknown as FivePoints;
    expect(assessQuality({ points: scrambled, crop: crop('sharp', 128), box, detectionScore: 0.9, frame }).reasons).toContain('implausible_landmarks');
    // A face's layout, but far from the box the detector found.
    expect(assessQuality({ points: template(3, 150, 80), crop: crop('sharp', 128), box: { x: 0, y: 300, width: 120, height: 120 }, detectionScore: 0.9, frame }).reasons).toContain('implausible_landmarks');
  });
});
