import { z } from 'zod';

/**
 * Where a lane camera is and what it sees: a pinhole camera in lane coordinates (metres): x across the lane
 * (positive to the camera's right as it looks at oncoming traffic), y up from the road, z along the lane from
 * the camera towards the oncoming vehicles. The camera is aimed at a point (the cabin at the stop line), so
 * its yaw and pitch follow from where it is mounted.
 */
export const laneCameraGeometrySchema = z.object({
  width: z.number().int().min(64).max(7680).default(1920),
  height: z.number().int().min(48).max(4320).default(1080),
  horizontalFovDeg: z.number().min(5).max(120).default(40),
  fps: z.number().min(1).max(60).default(15),
  /** Mounting point: across the lane (negative: the driver's side) and height above the road. */
  mountLateralM: z.number().min(-10).max(10).default(-0.9),
  mountHeightM: z.number().min(0.3).max(6).default(1.3),
  /** Distance along the lane from the camera to the front-row faces of a vehicle at the stop line. */
  stopLineDistanceM: z.number().min(1).max(30).default(4.5),
  /** The point the camera is aimed at, relative to the front-row faces at the stop line (x across, y up, z along). */
  aim: z.object({ x: z.number(), y: z.number(), z: z.number() }).default({ x: 0, y: 1.12, z: 0.6 }),
});
export type LaneCameraGeometry = z.infer<typeof laneCameraGeometrySchema>;

export interface Vec3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

export interface Projected {
  readonly u: number;
  readonly v: number;
  /** Depth along the optical axis (metres); <= 0 is behind the camera. */
  readonly depth: number;
}

/** Mean distance between the eye centres of adults (metres): the scale of a face in the frame. */
export const INTER_EYE_M = 0.063;

export const defaultLaneCamera = (overrides: Partial<LaneCameraGeometry> = {}): LaneCameraGeometry => laneCameraGeometrySchema.parse(overrides);

/**
 * Where the booth's cameras are when the settings do not say: the driver-side camera beside the lane at head
 * height, 4.5 m ahead of the stop line; the rear-rows camera on a gantry over the lane, further ahead and higher, with a longer lens, so it
 * sees over the front headrests into the second and third rows through the windshield.
 */
export const defaultGeometryFor = (position: 'traveller' | 'driver' | 'rear' | 'overview'): LaneCameraGeometry =>
  position === 'rear' ? defaultLaneCamera({ mountLateralM: 0, mountHeightM: 2.2, stopLineDistanceM: 7, horizontalFovDeg: 30, aim: { x: 0, y: 1.15, z: 1.4 } }) : defaultLaneCamera();

/** Focal length in pixels from the horizontal field of view. */
export const focalLengthPx = (camera: Pick<LaneCameraGeometry, 'width' | 'horizontalFovDeg'>): number => camera.width / 2 / Math.tan((camera.horizontalFovDeg * Math.PI) / 360);

/** Pixels between the eyes of a face `distanceM` from the camera, seen frontally on the optical axis. */
export const interEyePxAt = (camera: Pick<LaneCameraGeometry, 'width' | 'horizontalFovDeg'>, distanceM: number): number => (focalLengthPx(camera) * INTER_EYE_M) / distanceM;

/** A camera ready to project lane points: rotation from its aim, computed once. */
export class LaneCameraProjection {
  readonly focal: number;
  private readonly cosYaw: number;
  private readonly sinYaw: number;
  private readonly cosPitch: number;
  private readonly sinPitch: number;
  readonly origin: Vec3;

  constructor(readonly camera: LaneCameraGeometry) {
    this.focal = focalLengthPx(camera);
    this.origin = { x: camera.mountLateralM, y: camera.mountHeightM, z: 0 };
    const aim = { x: camera.aim.x - this.origin.x, y: camera.aim.y - this.origin.y, z: camera.stopLineDistanceM + camera.aim.z };
    const yaw = Math.atan2(aim.x, aim.z);
    const pitch = Math.atan2(aim.y, Math.hypot(aim.x, aim.z));
    this.cosYaw = Math.cos(yaw);
    this.sinYaw = Math.sin(yaw);
    this.cosPitch = Math.cos(pitch);
    this.sinPitch = Math.sin(pitch);
  }

  /** Lane point to pixel (u right, v down) and depth. */
  project(point: Vec3): Projected {
    const dx = point.x - this.origin.x;
    const dy = point.y - this.origin.y;
    const dz = point.z - this.origin.z;
    // Undo the yaw (about y), then the pitch (about x).
    const x1 = dx * this.cosYaw - dz * this.sinYaw;
    const z1 = dx * this.sinYaw + dz * this.cosYaw;
    const y2 = dy * this.cosPitch - z1 * this.sinPitch;
    const z2 = dy * this.sinPitch + z1 * this.cosPitch;
    return { u: this.camera.width / 2 + (this.focal * x1) / z2, v: this.camera.height / 2 - (this.focal * y2) / z2, depth: z2 };
  }

  /**
   * The focus of expansion of a vehicle driving up the lane (towards the camera, along z): the image point every
   * point of it moves away from as it grows (the lane's vanishing point).
   */
  get expansionFocus(): { readonly x: number; readonly y: number } {
    // The direction (0, 0, 1) through the yaw and pitch of `project`.
    const x1 = -this.sinYaw;
    const z1 = this.cosYaw;
    const y2 = -z1 * this.sinPitch;
    const z2 = z1 * this.cosPitch;
    return { x: this.camera.width / 2 + (this.focal * x1) / z2, y: this.camera.height / 2 - (this.focal * y2) / z2 };
  }

  /** Pixels per metre at a point (for sizes of things facing the camera). */
  pixelsPerMetreAt(point: Vec3): number {
    return this.focal / Math.max(this.project(point).depth, 1e-3);
  }
}
