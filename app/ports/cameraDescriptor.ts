import { z } from 'zod';
import { laneCameraGeometrySchema } from '../scene/laneCameraGeometry';
import { seatSchema } from '../scene/vehicleApproach';

/**
 * A camera the booth is configured with. The video itself is opened by the renderer (getUserMedia);
 * this metadata says where each camera looks, so vehicle lanes can tell driver side from rear seats.
 */
export const cameraDescriptorSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.string().min(1).max(200),
  position: z.enum(['traveller', 'driver', 'rear', 'overview']),
  /** Part of the OS device label that identifies this camera, matched case-insensitively; absent means "any". */
  deviceLabelHint: z.string().max(200).optional(),
  /** Resolution, field of view and mounting (vehicle lanes; default by position, see app/scene/laneCameraGeometry.ts). */
  geometry: laneCameraGeometrySchema.optional(),
  /** The vehicle seats this camera is aimed at (vehicle lanes; default by position, see app/scene/laneCameraLayout.ts). */
  seats: z.array(seatSchema).min(1).max(7).optional(),
});
export type CameraDescriptor = z.infer<typeof cameraDescriptorSchema>;
