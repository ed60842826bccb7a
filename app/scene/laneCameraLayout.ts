import type { LaneCameraGeometry } from './laneCameraGeometry';
import { defaultGeometryFor, defaultLaneCamera } from './laneCameraGeometry';
import type { Seat } from './vehicleApproach';
import { SEATS, rowOf } from './vehicleApproach';

/**
 * Where a vehicle lane's cameras stand and which seats each is aimed at, as lane camera settings (the cameras'
 * `geometry` and `seats`). The driver-side camera sees the front row; the rows behind are seen by the rear
 * cameras on a gantry ahead of the stop line, in one of two layouts:
 *
 * - `axis`: one rear camera on the lane's axis (30 degrees of view). From there the second row's outer seats are
 *   straight behind the front headrests (about half of each face hidden) and the middle seat is under 24 px
 *   between the eyes for half the approach (docs/vehicle-capture.md, "Why the second row is missed").
 * - `sides`: two rear cameras 1.4 m either side of the axis with a longer lens (20 degrees). From one side an
 *   outer seat's face is beside its headrest, not behind it, and the narrower view makes every rear face ~1.5x
 *   larger. Each camera takes its side's outer seat; the left one (driver's side) also the middle seat, and each
 *   the third-row seat on the far side, which it sees between the second row's heads.
 *
 * A camera's `seats` are the seats it is aimed at (where its detector searches: laneCaptureProfile.ts), not what it
 * sees: every camera sees every occupant in its view (the renderer draws them all, app/scene/laneSceneRenderer.ts),
 * and the booth takes one person seen by two cameras for one occupant (app/inspection/faceOnTwoCameras.ts).
 */
export const REAR_CAMERA_LAYOUTS = ['axis', 'sides'] as const;
export type RearCameraLayout = (typeof REAR_CAMERA_LAYOUTS)[number];

/** The layout of a vehicle lane's cameras when none are configured, and of the vehicle evaluation and bench:lane when not told otherwise (measured: docs/vehicle-capture.md, "Rear cameras to the sides"). */
export const DEFAULT_REAR_CAMERA_LAYOUT: RearCameraLayout = 'sides';

export interface LaneCamera {
  readonly id: string;
  readonly label: string;
  readonly position: 'driver' | 'rear';
  readonly geometry: LaneCameraGeometry;
  readonly seats: readonly Seat[];
}

/** The rear cameras' distance to either side of the lane's axis and their field of view in the `sides` layout. */
export const SIDE_REAR_CAMERA = { lateralM: 1.4, horizontalFovDeg: 20 } as const;

/** The seats a camera at `position` is aimed at when its settings do not say: the driver-side camera the front row, a rear camera every seat behind it. */
export const seatsForPosition = (position: 'driver' | 'rear' | 'traveller' | 'overview'): readonly Seat[] | undefined =>
  position === 'driver' ? SEATS.filter((s) => rowOf(s) === 'front') : position === 'rear' ? SEATS.filter((s) => rowOf(s) !== 'front') : undefined;

/** The seats a configured camera is aimed at: its own `seats` setting, else those of its position (undefined: every seat). */
export const seatsOfCamera = (camera: { readonly position: 'driver' | 'rear' | 'traveller' | 'overview'; readonly seats?: readonly Seat[] | undefined }): readonly Seat[] | undefined =>
  camera.seats ?? seatsForPosition(camera.position);

const sideRear = (side: -1 | 1): LaneCameraGeometry =>
  defaultLaneCamera({ ...defaultGeometryFor('rear'), mountLateralM: side * SIDE_REAR_CAMERA.lateralM, horizontalFovDeg: SIDE_REAR_CAMERA.horizontalFovDeg });

/** A vehicle lane's cameras in the given rear layout, with `idPrefix` before each id (the app's settings use `cam-`). */
export function vehicleLaneLayout(rear: RearCameraLayout, idPrefix = ''): readonly LaneCamera[] {
  const driver: LaneCamera = { id: `${idPrefix}driver`, label: 'Driver side camera', position: 'driver', geometry: defaultGeometryFor('driver'), seats: seatsForPosition('driver') ?? [] };
  if (rear === 'axis') return [driver, { id: `${idPrefix}rear`, label: 'Rear seats camera', position: 'rear', geometry: defaultGeometryFor('rear'), seats: seatsForPosition('rear') ?? [] }];
  return [
    driver,
    { id: `${idPrefix}rear-left`, label: 'Rear seats camera, left', position: 'rear', geometry: sideRear(-1), seats: ['second-left', 'second-middle', 'third-right'] },
    { id: `${idPrefix}rear-right`, label: 'Rear seats camera, right', position: 'rear', geometry: sideRear(1), seats: ['second-right', 'third-left'] },
  ];
}
