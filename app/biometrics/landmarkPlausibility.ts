import type { FivePoints } from './faceLandmarks';
import type { Box, Point } from './geometry';
import { distance } from './geometry';

/**
 * Whether five alignment points have the layout of a human face: eyes side by side, the nose below the eye
 * line, the mouth below the nose, proportions within what real faces (LFW, measured by `faces eval`) show, and
 * every point near the detector's box. A landmark model regresses towards an average face on anything it is
 * given, so this alone does not prove a face; it catches the grossly wrong (a pattern read as eyes).
 */
export interface LandmarkShapeRules {
  /** Eye line to mouth centre, in eye distances (frontal adult ~1.15). */
  readonly eyeToMouthPerIed: readonly [number, number];
  /** Mouth corner to mouth corner, in eye distances (frontal adult ~0.83). */
  readonly mouthWidthPerIed: readonly [number, number];
  /** Eye distance as a fraction of the detector box's width. */
  readonly iedPerBoxWidth: readonly [number, number];
  /** How far outside the detector box a point may lie, as a fraction of the box's size. */
  readonly boxMargin: number;
}

export const DEFAULT_LANDMARK_SHAPE_RULES: LandmarkShapeRules = {
  eyeToMouthPerIed: [0.6, 2.0],
  mouthWidthPerIed: [0.35, 1.5],
  iedPerBoxWidth: [0.15, 0.8],
  boxMargin: 0.35,
};

/** The reason the points cannot belong to a face, or null when they can. */
export function implausibleLandmarks(points: FivePoints, box: Box, rules: LandmarkShapeRules = DEFAULT_LANDMARK_SHAPE_RULES): string | null {
  const [eyeL, eyeR, nose, mouthL, mouthR] = points;
  if (!points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))) return 'a landmark is not a number';
  const ied = distance(eyeL, eyeR);
  if (!(ied > 0)) return 'the eyes coincide';
  // Face-upright coordinates: origin between the eyes, x along the eye line, y down the face.
  const ux = { x: (eyeR.x - eyeL.x) / ied, y: (eyeR.y - eyeL.y) / ied };
  const origin = { x: (eyeL.x + eyeR.x) / 2, y: (eyeL.y + eyeR.y) / 2 };
  const upright = (p: Point) => ({ x: (p.x - origin.x) * ux.x + (p.y - origin.y) * ux.y, y: -(p.x - origin.x) * ux.y + (p.y - origin.y) * ux.x });
  const n = upright(nose);
  const ml = upright(mouthL);
  const mr = upright(mouthR);
  const mouthY = (ml.y + mr.y) / 2;
  if (n.y <= 0) return 'the nose is not below the eyes';
  if (mouthY <= n.y) return 'the mouth is not below the nose';
  if (mr.x <= ml.x) return 'the mouth corners are swapped';
  const within = (value: number, [min, max]: readonly [number, number]) => value >= min && value <= max;
  if (!within(mouthY / ied, rules.eyeToMouthPerIed)) return `eye-to-mouth distance is ${(mouthY / ied).toFixed(2)} eye distances`;
  if (!within((mr.x - ml.x) / ied, rules.mouthWidthPerIed)) return `mouth width is ${((mr.x - ml.x) / ied).toFixed(2)} eye distances`;
  if (box.width > 0 && !within(ied / box.width, rules.iedPerBoxWidth)) return `eye distance is ${(ied / box.width).toFixed(2)} of the face box`;
  const mx = rules.boxMargin * box.width;
  const my = rules.boxMargin * box.height;
  const outside = points.some((p) => p.x < box.x - mx || p.x > box.x + box.width + mx || p.y < box.y - my || p.y > box.y + box.height + my);
  if (outside) return 'a landmark lies outside the face box';
  return null;
}
