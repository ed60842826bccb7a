import type { DetectionProfile } from '../biometrics/detectionProfile';
import type { LaneCameraGeometry } from './laneCameraGeometry';
import { LaneCameraProjection } from './laneCameraGeometry';
import { planSeatRegionTiles } from './seatRegionTiles';
import type { CameraTurnPolicy } from './cameraTurns';
import type { Seat } from './vehicleApproach';

/**
 * How the lane's capture loop asks the vision worker to search a vehicle camera's frames, from the camera's
 * geometry (at the frame's size) and the seats it is aimed at: besides overlapping tiles, the seat regions the
 * geometry gives, at full detail with the full-range model; the live gate accepts the smaller faces, and the
 * more turned ones, a lane camera sees; each face crop is normalised for exposure (the cabin behind tinted glass at dusk, under the
 * infrared illuminator, in glare: app/biometrics/faceExposure.ts); the tracker follows a face growing out from the
 * lane's focus of expansion as one track; and the whole search runs on every 3rd frame only, the faces found
 * followed in between.
 * The vehicle evaluation measures this same profile (`--variants lane`).
 */
/**
 * The lane's live gate lets faces turned up to 45 degrees and pitched up to 35 through (the booth camera's 30 / 25):
 * at a booth the traveller turns back within a frame or two, in a passing car the frames of the approach may be all
 * there is. Measured (docs/vehicle-capture.md "The lane's pose gate"): every front-row miss of the 500-vehicle day run
 * examined was a visible face, detected on every frame, refused as turned away (a frontal smile read as a raised chin by
 * the five-point pose, a passenger turned towards the driver); with these limits 3 of those 4 were captured and matched
 * to their own papers, nothing else changed on the same frames. The reference gate's limits (60 / 35) are wider still.
 */
export const LANE_POSE_LIMITS = { maxYawDeg: 45, maxPitchDeg: 35 } as const;

export function laneCaptureProfile(geometry: LaneCameraGeometry, seats: readonly Seat[]): DetectionProfile {
  const regions = planSeatRegionTiles(geometry, { seats });
  const expansionFocus = new LaneCameraProjection(geometry).expansionFocus;
  return { tiles: 'vehicle', fullRangePass: false, regions, regionDetector: 'full', minInterEyePx: LANE_MIN_INTER_EYE_PX, ...LANE_POSE_LIMITS, expansionFocus, exposure: 'normalised', cadence: LANE_DETECTION_CADENCE };
}

/** The live quality gate's smallest face for lane cameras (the booth's default is 40 px). */
const LANE_MIN_INTER_EYE_PX = 24;

/**
 * The whole search every 3rd frame a camera gives the worker, and in between only the seat regions holding the
 * faces followed (app/biometrics/detectionCadence.ts): a third of the detector's time per frame, with the same
 * capture and no track split (docs/vehicle-capture.md, "Detection cadence"). Searching a frame that misses a followed
 * face whole at once (`wholeSearchAfterMiss`, variant `lane-refind`) is measured but not in the lane yet
 * (docs/vehicle-capture.md, "Time to the last occupant's result").
 */
export const LANE_DETECTION_CADENCE = { fullSearchEvery: 3 } as const;

/** The lane's capture loop pauses this long between two rounds over its cameras (leaving the cores to the page); the paced eval and bench:lane keep the same pace. */
export const CAPTURE_ROUND_PAUSE_MS = 120;

/** Which cameras the lane's capture loop visits each round (app/scene/cameraTurns.ts). */
export const LANE_CAMERA_TURNS: CameraTurnPolicy = 'round-robin';
