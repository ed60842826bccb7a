import type { Box } from '../biometrics/geometry';
import type { LaneCameraGeometry } from '../scene/laneCameraGeometry';
import { INTER_EYE_M, LaneCameraProjection } from '../scene/laneCameraGeometry';
import type { Seat } from '../scene/vehicleApproach';
import { SEATS, SEAT_HEADS } from '../scene/vehicleApproach';
import type { TrackSighting } from './vehicleSessionInput';

/**
 * Which seats a face track can be in, from where its camera saw it: each seat's head projected through the camera's
 * geometry (the lane camera settings: the pinhole model the detector's seat regions come from,
 * app/scene/seatRegionTiles.ts) at every point of the approach, from far up the lane to the stop line (the ray from
 * the lane's focus of expansion), for a car driving at a few offsets from the lane's axis. A face box fits a seat
 * when some point of that path puts the head at the box's place with a face of the box's size; a track fits it when
 * its first and last boxes both do.
 *
 * One box cannot always tell two seats apart (the seat behind, further up the lane, is where the seat in front will
 * be a moment later), so a track gets the set of seats it fits, each with the lane offset it fits at; two cameras'
 * tracks are in the same seat when their sets share a seat at one offset (the car is where it is for both cameras).
 */
export interface SeatFitRules {
  /** A box fits a point of a seat's path when the centres are at most this far apart in box widths plus half |ln(size ratio)| (a head sits higher or lower, sways, and a detector's box centre is not the model's: measured, up to 0.4 box widths at the stop). */
  readonly maxCost: number;
  /** How far beyond the stop line the approach is followed (metres). */
  readonly farthestM: number;
  /** The offsets from the lane's axis a car may drive at (metres). */
  readonly laneOffsetsM: readonly number[];
}

export const DEFAULT_SEAT_FIT_RULES: SeatFitRules = { maxCost: 0.6, farthestM: 15, laneOffsetsM: [-0.2, -0.1, 0, 0.1, 0.2] };

/** A face detector's box is about this many inter-eye distances wide, its centre this far below the eyes (the scene renderer's model of it). */
const BOX_WIDTH_PER_INTER_EYE = 2.1;
const BOX_CENTRE_BELOW_EYES = 0.25;
const STEP_M = 0.1;
/**
 * How much a box's size counts against its place: detectors' boxes of one face differ by a third from one person to
 * the next (measured: the same passenger's boxes 99-128 px where the model says 75-99), and the box's place is the
 * surer sign.
 */
const SIZE_WEIGHT = 0.5;

interface PathPoint {
  readonly u: number;
  readonly v: number;
  readonly boxWidth: number;
}

/** A seat at one lane offset: the key two cameras' fits are compared by. */
export const seatFitKey = (seat: Seat, offsetIndex: number): string => `${seat}@${offsetIndex}`;
export const seatOfFitKey = (key: string): Seat => key.slice(0, key.indexOf('@')) as Seat;

/** One camera's seat paths, computed once per geometry. */
export class SeatPaths {
  private readonly paths: readonly { readonly seat: Seat; readonly offsetIndex: number; readonly points: readonly PathPoint[] }[];

  constructor(camera: LaneCameraGeometry, readonly rules: SeatFitRules = DEFAULT_SEAT_FIT_RULES) {
    const projection = new LaneCameraProjection(camera);
    this.paths = SEATS.flatMap((seat) =>
      rules.laneOffsetsM.map((offset, k) => {
        const head = SEAT_HEADS[seat];
        const points: PathPoint[] = [];
        for (let travel = 0; travel <= rules.farthestM + 1e-9; travel += STEP_M) {
          const p = projection.project({ x: head.x + offset, y: head.y, z: head.z + camera.stopLineDistanceM + travel });
          if (p.depth <= 0.2) continue;
          const interEye = (projection.focal * INTER_EYE_M) / p.depth;
          points.push({ u: p.u, v: p.v + BOX_CENTRE_BELOW_EYES * interEye, boxWidth: BOX_WIDTH_PER_INTER_EYE * interEye });
        }
        return { seat, offsetIndex: k, points };
      }),
    );
  }

  /**
   * The seats, each at a lane offset (seatFitKey), that a track's first and last boxes both fit, give or take one
   * offset step (a head sways, sits higher or lower, and a detector's box is not the model's).
   */
  fits(sighted: Pick<TrackSighting, 'firstBox' | 'lastBox'>): ReadonlySet<string> {
    const keys = new Set<string>();
    for (const path of this.paths) {
      if (!fitsPath(path.points, sighted.firstBox, this.rules) || !fitsPath(path.points, sighted.lastBox, this.rules)) continue;
      for (const k of [path.offsetIndex - 1, path.offsetIndex, path.offsetIndex + 1]) if (k >= 0 && k < this.rules.laneOffsetsM.length) keys.add(seatFitKey(path.seat, k));
    }
    return keys;
  }

  /** The seats a track fits at any lane offset. */
  seatsOf(sighted: Pick<TrackSighting, 'firstBox' | 'lastBox'>): ReadonlySet<Seat> {
    return new Set([...this.fits(sighted)].map(seatOfFitKey));
  }
}

/** The seats two tracks (of two cameras) both fit at one lane offset: the seats they can share. */
export function sharedSeats(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<Seat> {
  return new Set([...a].filter((key) => b.has(key)).map(seatOfFitKey));
}

function fitsPath(points: readonly PathPoint[], box: Box, rules: SeatFitRules): boolean {
  if (!(box.width > 0)) return false;
  const cu = box.x + box.width / 2;
  const cv = box.y + box.height / 2;
  for (const point of points) {
    if (Math.hypot(cu - point.u, cv - point.v) / box.width + SIZE_WEIGHT * Math.abs(Math.log(box.width / point.boxWidth)) <= rules.maxCost) return true;
  }
  return false;
}
