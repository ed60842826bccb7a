import type { FivePoints } from './faceLandmarks';
import type { LandmarkShapeRules } from './landmarkPlausibility';
import { DEFAULT_LANDMARK_SHAPE_RULES, implausibleLandmarks } from './landmarkPlausibility';
import type { CropStatistics } from './imageStatistics';
import type { CropExposure, ExposureRules } from './faceExposure';
import { DEFAULT_EXPOSURE_RULES, exposureReasons, normalisedSharpness } from './faceExposure';
import type { Box } from './geometry';
import { distance } from './geometry';

/**
 * Why a face is not good enough to match; shown to the officer as a recapture hint. The last three say it may
 * not be a face at all: the detector was unsure, the landmarks do not have a face's layout, or the embedder saw
 * no face in it (see faceness.ts; set by the vision worker after embedding).
 */
export type QualityReason =
  | 'too_far'
  | 'turned_away'
  | 'tilted'
  | 'too_dark'
  | 'too_bright'
  | 'blurred'
  | 'partly_outside'
  | 'low_confidence'
  | 'implausible_landmarks'
  | 'not_a_face';

export interface HeadPose {
  /** Degrees; positive when the face turns towards image right. */
  readonly yaw: number;
  /** Degrees; positive when the face tilts down. */
  readonly pitch: number;
  /** Degrees of in-plane rotation of the eye line. */
  readonly roll: number;
}

export interface QualityRules {
  readonly minInterEyePx: number;
  readonly maxYawDeg: number;
  readonly maxPitchDeg: number;
  readonly maxRollDeg: number;
  readonly minMeanIntensity: number;
  readonly maxMeanIntensity: number;
  readonly minSharpness: number;
  /** Detector scores below this are too unsure to match on (the detector itself reports from a lower score). */
  readonly minDetectionScore: number;
  readonly landmarkShape: LandmarkShapeRules;
  /** How a face normalised for exposure is judged (see faceExposure.ts): by the signal left in it, not its mean. */
  readonly exposure: ExposureRules;
}

/** Defaults from models.md: matching error drops sharply from 40 px between the eyes. */
export const DEFAULT_QUALITY_RULES: QualityRules = {
  minInterEyePx: 40,
  maxYawDeg: 30,
  maxPitchDeg: 25,
  maxRollDeg: 30,
  minMeanIntensity: 50,
  maxMeanIntensity: 215,
  minSharpness: 60,
  minDetectionScore: 0.7,
  landmarkShape: DEFAULT_LANDMARK_SHAPE_RULES,
  exposure: DEFAULT_EXPOSURE_RULES,
};

/**
 * A reference photo (chip, document page, gallery) is held to the same rules, with its own size floor: ICAO
 * portraits and the LFW photos the simulation uses are smaller than a booth camera's close-up, yet a face of
 * fewer pixels than this between the eyes is not a usable reference.
 */
export const REFERENCE_QUALITY_RULES: QualityRules = {
  ...DEFAULT_QUALITY_RULES,
  minInterEyePx: 30,
  // A reference is a posed portrait: the detector is sure of it. Cartoon faces that reach a real face's raw norm
  // scored 0.83-0.84; on LFW (not posed) 1.6 % of the photos score below 0.85 (faces eval, 2026-12-07).
  minDetectionScore: 0.85,
  // The issuer's photo is what there is to compare: a turned head is refused only where comparisons with it stop
  // holding. On LFW (faces eval, all pairs, 2026-12-07) photos at 30-60 degrees of (estimated) yaw compare as well
  // as the rest (FNMR 0-1 %, FMR 1.0e-3 at the 1e-3 threshold, 499 photos) and 25-35 degrees of pitch keep the
  // FMR (0.9-1.0e-3; FNMR 2.7-4 %); beyond 35 degrees of pitch FMR rose (1.1e-3): refused. The live gate keeps
  // 30/25, where the next frame can be better.
  maxYawDeg: 60,
  maxPitchDeg: 35,
};

export interface FaceQuality {
  readonly interEyePx: number;
  readonly pose: HeadPose;
  readonly sharpness: number;
  readonly meanIntensity: number;
  /** 0..1, higher is better; used to rank shots of one track. */
  readonly score: number;
  /** Empty when the face is good enough to match. */
  readonly reasons: readonly QualityReason[];
}

const degrees = (radians: number) => (radians * 180) / Math.PI;
/** Nose-tip depth in front of the eye line, as a fraction of the eye distance (adult average). */
const NOSE_DEPTH_RATIO = 0.55;
/** Where the nose tip sits between the eye line (0) and mouth line (1) in a frontal face (ArcFace template). */
const FRONTAL_NOSE_RATIO = 0.494;

/** Approximate head pose from the 5 points: roll from the eye line, yaw and pitch from where the nose tip sits. */
export function estimatePose(points: FivePoints): HeadPose {
  const [eyeL, eyeR, nose, mouthL, mouthR] = points;
  const roll = Math.atan2(eyeR.y - eyeL.y, eyeR.x - eyeL.x);
  const cos = Math.cos(-roll);
  const sin = Math.sin(-roll);
  const eyeMid = { x: (eyeL.x + eyeR.x) / 2, y: (eyeL.y + eyeR.y) / 2 };
  const upright = (p: { x: number; y: number }) => ({ x: cos * (p.x - eyeMid.x) - sin * (p.y - eyeMid.y), y: sin * (p.x - eyeMid.x) + cos * (p.y - eyeMid.y) });
  const ied = Math.max(distance(eyeL, eyeR), 1e-6);
  const n = upright(nose);
  const mouth = upright({ x: (mouthL.x + mouthR.x) / 2, y: (mouthL.y + mouthR.y) / 2 });
  const yaw = Math.atan(n.x / (NOSE_DEPTH_RATIO * ied));
  const mouthDrop = Math.max(mouth.y, 1e-6);
  const pitch = Math.atan(((n.y / mouthDrop - FRONTAL_NOSE_RATIO) * mouthDrop) / (NOSE_DEPTH_RATIO * ied));
  return { yaw: degrees(yaw), pitch: degrees(pitch), roll: degrees(roll) };
}

export interface QualityInput {
  readonly points: FivePoints;
  readonly crop: CropStatistics;
  readonly box: Box;
  readonly detectionScore: number;
  readonly frame: { readonly width: number; readonly height: number };
  /**
   * The raw crop's exposure, when `crop` is its normalised version (faceExposure.ts): too dark / too bright are
   * then judged on the signal and clipping it had, not on the normalised crop's mean.
   */
  readonly exposure?: CropExposure;
}

export function assessQuality(input: QualityInput, rules: QualityRules = DEFAULT_QUALITY_RULES): FaceQuality {
  const interEyePx = distance(input.points[0], input.points[1]);
  const pose = estimatePose(input.points);
  const reasons: QualityReason[] = [];
  if (interEyePx < rules.minInterEyePx) reasons.push('too_far');
  if (Math.abs(pose.yaw) > rules.maxYawDeg || Math.abs(pose.pitch) > rules.maxPitchDeg) reasons.push('turned_away');
  if (Math.abs(pose.roll) > rules.maxRollDeg) reasons.push('tilted');
  if (input.exposure) reasons.push(...exposureReasons(input.exposure, rules.exposure));
  else {
    if (input.crop.meanIntensity < rules.minMeanIntensity) reasons.push('too_dark');
    if (input.crop.meanIntensity > rules.maxMeanIntensity) reasons.push('too_bright');
  }
  // A normalised face's blur is judged on its features' detail (the stretch amplifies noise as much as detail).
  const [sharpness, minSharpness] = input.exposure ? [normalisedSharpness(input.exposure), rules.exposure.minDetail] : [input.crop.sharpness, rules.minSharpness];
  if (sharpness < minSharpness) reasons.push('blurred');
  const { box, frame } = input;
  if (box.x < 0 || box.y < 0 || box.x + box.width > frame.width || box.y + box.height > frame.height) reasons.push('partly_outside');
  if (!(input.detectionScore >= rules.minDetectionScore)) reasons.push('low_confidence');
  if (implausibleLandmarks(input.points, box, rules.landmarkShape) !== null) reasons.push('implausible_landmarks');

  const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
  const size = clamp01(interEyePx / (2 * rules.minInterEyePx));
  const frontal = clamp01(1 - Math.hypot(pose.yaw / (2 * rules.maxYawDeg), pose.pitch / (2 * rules.maxPitchDeg)));
  const sharp = clamp01(sharpness / (4 * minSharpness));
  const exposure = clamp01(1 - Math.abs(input.crop.meanIntensity - 128) / 128);
  const score = (0.35 * size + 0.35 * frontal + 0.2 * sharp + 0.1 * exposure) * (reasons.length ? 0.5 : 1);
  return { interEyePx, pose, sharpness, meanIntensity: input.crop.meanIntensity, score, reasons };
}
