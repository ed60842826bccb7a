import { z } from 'zod';

const manifestPath = z.string().trim().min(1).max(500);

/** Which manifest each face model of the booth comes from (paths; an unset one is the shipped manifest). */
export const faceModelsSettingSchema = z
  .object({
    /** The near-face detector (BlazeFace short-range by default). */
    detector: manifestPath.optional(),
    /** The far-face detector, the second pass of vehicle cameras. */
    fullRangeDetector: manifestPath.optional(),
    landmarker: manifestPath.optional(),
    embedder: manifestPath.optional(),
    /** Presentation-attack detection (used when `presentationAttackDetection` is "flag"). */
    pad: manifestPath.optional(),
  })
  .strict();

export type FaceModelsSetting = z.infer<typeof faceModelsSettingSchema>;
export type FaceModelRole = keyof FaceModelsSetting;
export const faceModelRoles: readonly FaceModelRole[] = ['detector', 'fullRangeDetector', 'landmarker', 'embedder', 'pad'];
