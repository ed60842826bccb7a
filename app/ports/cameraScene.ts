import { z } from 'zod';
import { imageSchema } from './documentRead';

/**
 * What a simulated camera is looking at: one still per person in its view (left to right). The renderer
 * replays the stills as that camera's video, so a trainer (or a test) can put a whole car in front of the
 * booth's cameras. Real cameras have no scene; their video comes from the camera itself.
 */
export const cameraSceneSchema = z.object({
  cameraId: z.string().min(1).max(100),
  people: z.array(imageSchema).max(6),
  /** Bumped on every change, so a frame composed from an older scene is recognisably stale. */
  version: z.number().int().nonnegative(),
  /**
   * The scene is taken away: the camera shows its own video again (a trainer's own traveller stands in front
   * of the real camera). `people` is then empty and means nothing.
   */
  withdrawn: z.boolean().optional(),
  /** Why the view is as it is, for the officer (a simulation without the faces dataset: nobody to show). */
  note: z.string().max(300).optional(),
});
export type CameraScene = z.infer<typeof cameraSceneSchema>;
