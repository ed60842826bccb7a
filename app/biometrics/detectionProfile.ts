import type { Box, Point } from './geometry';

/** Which tiles a camera's frames are cut into for the short-range detector (app/biometrics/detectionTiles.ts planTiles); 'none': no tiles, regions only. */
export type TileLayout = 'frame' | 'vehicle' | 'none';

/** How a camera's frames are searched for faces (the vision worker's per-camera profile). */
export interface DetectionProfile {
  /** 'frame' for booth/pedestrian cameras; 'vehicle' adds overlapping tiles for small faces in car rows. */
  readonly tiles: TileLayout;
  /** Run the full-range detector as a second pass when the short-range pass finds nothing. */
  readonly fullRangePass: boolean;
  /**
   * Where this camera's geometry puts faces (frame pixels; see app/scene/seatRegionTiles.ts): searched at full
   * detail with `regionDetector` in addition to the tile layout, so far faces are not shrunk away with the frame.
   */
  readonly regions?: readonly Box[];
  readonly regionDetector?: 'short' | 'full';
  /**
   * The live quality gate's smallest face (pixels between the eyes) for this camera, instead of the booth
   * default: a lane camera sees faces at 4-15 m, where the default (made for a traveller at arm's length) never passes.
   */
  readonly minInterEyePx?: number;
  /**
   * The live quality gate's head-pose limits (degrees) for this camera, instead of the booth default (30 yaw, 25 pitch:
   * at a booth camera the traveller turns back within a frame or two; in a passing car the last frames may be all there is).
   */
  readonly maxYawDeg?: number;
  readonly maxPitchDeg?: number;
  /**
   * The camera's focus of expansion for vehicles driving up the lane (frame pixels; LaneCameraProjection.expansionFocus):
   * the tracker follows a face that grows and moves out from it between frames as one track.
   */
  readonly expansionFocus?: Point;
  /** Run the whole profile only every few frames and follow the faces found in between (app/biometrics/detectionCadence.ts); without it, every frame. */
  readonly cadence?: DetectionCadence;
  /**
   * 'normalised' (the lane cameras): each face crop is stretched to full contrast from its own statistics before
   * landmarks, quality and embedding, and judged by the signal it held (a well-exposed face is left as it is;
   * app/biometrics/faceExposure.ts). Unset or 'raw' (the booth camera, stills): as captured, judged by its mean.
   */
  readonly exposure?: 'raw' | 'normalised';
}

/**
 * Which passes of a camera's profile run on this frame. A lane camera's full search (tiles and seat regions,
 * ~11 detector passes on a 1080p frame) finds the faces; between two full searches only the neighbourhood of
 * the faces already followed is searched (one pass of the seat region that holds each, nearby faces sharing it), where the tracker
 * expects them next: a face in an approaching vehicle grows and moves out from the focus of expansion, so its
 * region reaches from where it was to where it would be `growth` times larger. A face that appears between two
 * full searches is found by the next one (at most `fullSearchEvery - 1` frames later).
 */
export interface DetectionCadence {
  /** Every n-th processed frame of the camera runs the whole profile (1: every frame, as without a cadence). */
  readonly fullSearchEvery: number;
  /** Largest growth of a face between two processed frames that its region still covers. */
  readonly growth?: number;
  /** Margin around a followed face, in face widths. */
  readonly margin?: number;
  /**
   * A frame searched only around the faces followed that misses one of them (or finds it only below the live gate's
   * detection score) is searched whole at once (one more detector run on that frame). Where the loop gives a camera
   * a frame every second or so (the lane on 2 shared cores), a face of an approaching vehicle grows past its region
   * between two frames, and waiting `fullSearchEvery` frames for the next whole search left the last occupant without
   * a result for seconds after the stop (`bench:lane`'s diagnosis, BENCH_LANE_DIAGNOSE=1). Unset: the cadence alone.
   */
  readonly wholeSearchAfterMiss?: boolean;
}
