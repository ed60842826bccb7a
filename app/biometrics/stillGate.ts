import type { FaceQuality, QualityReason } from './faceQuality';

/**
 * Whether the face found in a still (a chip photo, a document page, a gallery photo) may be used as a
 * reference: a photograph of one face, large and good enough, that the embedder recognises as a face. A drawing,
 * a blank or a test card is refused with a typed reason (the card says "no usable reference photo").
 */
export type StillRefusalCode = 'no_face' | 'several_faces' | 'not_a_face' | 'face_too_small' | 'poor_quality';

export interface StillRefusal {
  readonly code: StillRefusalCode;
  readonly message: string;
}

export interface StillFace {
  readonly quality: FaceQuality;
  /** Whether the embedder's face-ness check passed (faceness.ts); false when the model has no calibration for it. */
  readonly faceLike: boolean;
  readonly rawNorm: number;
}

/**
 * 'reference': every check. 'measurement' (dataset evaluations only): size and quality are reported, not
 * enforced, so a dataset is measured as it is; the face-ness check still applies when the model is calibrated
 * for it (`facenessCalibrated`), so no caller ever gets a comparable embedding of a non-face.
 */
export type StillPurpose = 'reference' | 'measurement';

/** A reference's size is judged by its own floor (face_too_small), so "too far" for a live camera is never shown. */
type ShownReason = Exclude<QualityReason, 'too_far'>;

const reasonWords: Readonly<Record<ShownReason, string>> = {
  turned_away: 'the face is turned away',
  tilted: 'the head is tilted',
  too_dark: 'the face is too dark',
  too_bright: 'the face is too bright',
  blurred: 'the face is blurred',
  partly_outside: 'the face is cut by the image edge',
  low_confidence: 'the face detector is unsure it is a face',
  implausible_landmarks: 'the features do not have the layout of a face',
  not_a_face: 'it is not a photograph of a face',
};

export function refuseStill(face: StillFace, purpose: StillPurpose, minInterEyePx: number, facenessCalibrated: boolean): StillRefusal | null {
  if (!face.faceLike && (purpose === 'reference' || facenessCalibrated)) {
    return {
      code: 'not_a_face',
      message: facenessCalibrated
        ? `not a photograph of a face (a drawing, a pattern or a blank): the embedder's face-ness ${face.rawNorm.toFixed(2)} is below its calibrated minimum`
        : 'the face model has no face-ness calibration, so no image can be vouched for as a face (run `npx booth faces eval` and `faces calibrate`)',
    };
  }
  if (purpose === 'measurement') return null;
  if (face.quality.interEyePx < minInterEyePx) {
    return { code: 'face_too_small', message: `the face is ${Math.round(face.quality.interEyePx)} px between the eyes; at least ${minInterEyePx} px are needed` };
  }
  const reasons = face.quality.reasons.filter((r): r is ShownReason => r !== 'too_far');
  if (reasons.length > 0) return { code: 'poor_quality', message: `the photo cannot be used: ${reasons.map((r) => reasonWords[r]).join(', ')}` };
  return null;
}
