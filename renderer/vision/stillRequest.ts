import { z } from 'zod';
import type { Box } from '../../app/biometrics/geometry';
import type { StillPurpose } from '../../app/biometrics/stillGate';

/**
 * What a still (chip photo, document page, enrolment photo) is asked for, and why one gives no reference: shared
 * by the frame-and-still messages (visionProtocol.ts) and the gallery's photo enrolment (galleryProtocol.ts), so
 * neither protocol module imports the other's values.
 */

/** Why a still gives no reference: `not_a_face` (a drawing, a test card, a blank) and `poor_quality` mean "no usable reference photo". */
export const stillErrorCodeSchema = z.enum(['no_face', 'several_faces', 'face_too_small', 'poor_quality', 'not_a_face', 'undecodable_image']);

export type StillErrorCode = z.infer<typeof stillErrorCodeSchema>;

export interface StillRequest {
  /** Which face is the subject when there are several; 'single' refuses images with several faces. */
  readonly select: 'single' | 'central' | 'largest';
  /**
   * Refuse faces with fewer pixels between the eyes. A reference is never taken below the worker's own floor
   * (REFERENCE_QUALITY_RULES.minInterEyePx), whatever is asked here.
   */
  readonly minInterEyePx: number;
  /** 'reference' (default): every check of app/biometrics/stillGate.ts; 'measurement': dataset evaluations only. */
  readonly purpose?: StillPurpose;
  /** Measurement only: take this box as the detector's (to measure face-ness of crops the detector would not find). */
  readonly box?: Box;
}
