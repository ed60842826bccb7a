import { z } from 'zod';
import { imageSchema } from './documentRead';
import { laneCameraGeometrySchema } from '../scene/laneCameraGeometry';
import { seatSchema, vehicleApproachSchema } from '../scene/vehicleApproach';

/**
 * What a simulated camera is looking at: one still per person in its view (left to right). The renderer
 * replays the stills as that camera's video, so a trainer (or a test) can put a whole car in front of the
 * booth's cameras. Real cameras have no scene; their video comes from the camera itself.
 */
export const cameraSceneSchema = z.object({
  cameraId: z.string().min(1).max(100),
  people: z.array(imageSchema).max(7),
  /**
   * A vehicle driving up to the stop line: the renderer plays it as this camera's video (app/scene), each
   * occupant `approach.occupants[i]` with the face `people[approach.occupants[i].image]`, the camera at
   * `geometry`, drawing the `seats` it is aimed at. Without it the people are shown side by side as stills.
   */
  approach: z.object({ vehicle: vehicleApproachSchema, geometry: laneCameraGeometrySchema, seats: z.array(seatSchema).max(7) }).optional(),
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
