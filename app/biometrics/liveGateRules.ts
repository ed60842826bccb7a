import type { DetectionProfile } from './detectionProfile';
import type { QualityRules } from './faceQuality';

/**
 * The live quality gate a camera's frames are judged by: the booth's rules, with the camera profile's own smallest
 * face and head-pose limits where it sets them (a lane camera sees faces smaller, and from further to the side,
 * than the booth camera the defaults were made for).
 */
export function liveRulesFor(base: QualityRules, profile: Pick<DetectionProfile, 'minInterEyePx' | 'maxYawDeg' | 'maxPitchDeg'>): QualityRules {
  if (profile.minInterEyePx === undefined && profile.maxYawDeg === undefined && profile.maxPitchDeg === undefined) return base;
  return {
    ...base,
    ...(profile.minInterEyePx === undefined ? {} : { minInterEyePx: profile.minInterEyePx }),
    ...(profile.maxYawDeg === undefined ? {} : { maxYawDeg: profile.maxYawDeg }),
    ...(profile.maxPitchDeg === undefined ? {} : { maxPitchDeg: profile.maxPitchDeg }),
  };
}
