import { z } from 'zod';
import type { Random } from '../shared/seededRandom';
import { seededRandom } from '../shared/seededRandom';
import type { Vec3 } from './laneCameraGeometry';

/**
 * One vehicle's approach to the booth, as data: who sits where, how the light is, and how the car moves. It is
 * planned from a seed (`planApproach`), so the same seed always gives the same car, people and light, and the
 * frames rendered from it are the same bytes.
 */
export const SEATS = ['driver', 'front-passenger', 'second-left', 'second-middle', 'second-right', 'third-left', 'third-right'] as const;
export const seatSchema = z.enum(SEATS);
export type Seat = z.infer<typeof seatSchema>;

export type SeatRow = 'front' | 'second' | 'third';
export const rowOf = (seat: Seat): SeatRow => (seat.startsWith('second') ? 'second' : seat.startsWith('third') ? 'third' : 'front');

export const CONDITIONS = ['day', 'glare', 'dusk', 'night-ir', 'rain'] as const;
export const conditionSchema = z.enum(CONDITIONS);
export type SceneCondition = z.infer<typeof conditionSchema>;

/** How much of an occupant's face the seat in front (headrest, pillar) hides: never, during some frames, or always. */
export const occlusionSchema = z.enum(['none', 'sometimes', 'always']);

export const approachOccupantSchema = z.object({
  seat: seatSchema,
  /** Index into the images the caller decodes and hands to the renderer (one face image per occupant). */
  image: z.number().int().nonnegative(),
  occlusion: occlusionSchema.default('none'),
  /** Head sway phase and size: people in a car move a little. */
  swayPhase: z.number().default(0),
  swayM: z.number().min(0).max(0.2).default(0.03),
  /** Sitting height relative to an average adult (metres; children sit lower). */
  heightOffsetM: z.number().min(-0.5).max(0.3).default(0),
});
export type ApproachOccupant = z.infer<typeof approachOccupantSchema>;

export const vehicleApproachSchema = z.object({
  seed: z.string().min(1).max(200),
  condition: conditionSchema,
  occupants: z.array(approachOccupantSchema).min(1).max(7),
  /** Front-row faces travel from this distance beyond the stop line to the stop line. */
  startDistanceM: z.number().min(0).max(60).default(10.5),
  approachSeconds: z.number().positive().max(20).default(2),
  /** Stands still at the stop line for this long after arriving (the booth works on it meanwhile). */
  dwellSeconds: z.number().min(0).max(600).default(1),
  /** Lateral position of the vehicle's centreline in the lane. */
  laneOffsetM: z.number().min(-2).max(2).default(0),
  bodyColour: z.tuple([z.number(), z.number(), z.number()]).default([120, 124, 130]),
  /** Windshield reflection strength 0..1 and tint (multiplier per channel). */
  reflection: z.number().min(0).max(1).default(0.2),
  tint: z.tuple([z.number(), z.number(), z.number()]).default([0.8, 0.86, 0.84]),
});
export type VehicleApproach = z.infer<typeof vehicleApproachSchema>;

/** Head positions in vehicle coordinates: x across, y up from the road, z behind the front-row heads. */
export const SEAT_HEADS: Readonly<Record<Seat, Vec3>> = {
  driver: { x: -0.37, y: 1.22, z: 0 },
  'front-passenger': { x: 0.37, y: 1.21, z: 0 },
  'second-left': { x: -0.47, y: 1.19, z: 0.95 },
  'second-middle': { x: 0, y: 1.17, z: 0.95 },
  'second-right': { x: 0.47, y: 1.19, z: 0.95 },
  'third-left': { x: -0.33, y: 1.15, z: 1.85 },
  'third-right': { x: 0.33, y: 1.15, z: 1.85 },
};

/** Seats filled in this order as occupancy grows (a car fills front, then second row, then third). */
const FILL_ORDER: readonly Seat[] = ['driver', 'front-passenger', 'second-left', 'second-right', 'second-middle', 'third-left', 'third-right'];

/** Distance of the front-row faces from the camera's stop-line distance at `tSeconds` after the vehicle enters (eased to a stop). */
export function approachDistanceM(approach: Pick<VehicleApproach, 'startDistanceM' | 'approachSeconds'>, tSeconds: number): number {
  const s = Math.min(1, Math.max(0, tSeconds / approach.approachSeconds));
  // Constant deceleration to rest: distance left = start * (1 - s)^2.
  return approach.startDistanceM * (1 - s) ** 2;
}

/** Speed towards the camera (m/s) at `tSeconds`. */
export function approachSpeed(approach: Pick<VehicleApproach, 'startDistanceM' | 'approachSeconds'>, tSeconds: number): number {
  const s = Math.min(1, Math.max(0, tSeconds / approach.approachSeconds));
  return (2 * approach.startDistanceM * (1 - s)) / approach.approachSeconds;
}

export interface PlanOptions {
  readonly seed: string;
  readonly condition: SceneCondition;
  readonly occupants: number;
  /** How many face images the caller has for this vehicle (occupant i gets image i). */
  readonly occlusion?: (seat: Seat, random: Random) => ApproachOccupant['occlusion'];
}

const defaultOcclusion = (seat: Seat, random: Random): ApproachOccupant['occlusion'] => (rowOf(seat) !== 'front' && random() < 0.35 ? 'sometimes' : 'none');

/** A vehicle with `occupants` people, its colour, reflections and tint drawn from the seed. */
export function planApproach(options: PlanOptions): VehicleApproach {
  const random = seededRandom(`${options.seed}|${options.condition}|plan`);
  const count = Math.min(7, Math.max(1, Math.round(options.occupants)));
  const occlusion = options.occlusion ?? defaultOcclusion;
  const occupants = FILL_ORDER.slice(0, count).map((seat, image) => ({
    seat,
    image,
    occlusion: occlusion(seat, random),
    swayPhase: random() * Math.PI * 2,
    swayM: 0.015 + random() * 0.03,
    heightOffsetM: (random() - 0.5) * 0.1,
  }));
  const grey = 60 + random() * 150;
  const hue = random();
  const bodyColour: [number, number, number] = hue < 0.5 ? [grey, grey, grey * 1.05] : [grey * (0.6 + random()), grey * (0.6 + random() * 0.5), grey * (0.6 + random() * 0.5)];
  return vehicleApproachSchema.parse({
    seed: options.seed,
    condition: options.condition,
    occupants,
    startDistanceM: 9.5 + random() * 2,
    approachSeconds: 1.8 + random() * 0.4,
    laneOffsetM: (random() - 0.5) * 0.4,
    bodyColour: bodyColour.map((c) => Math.min(240, c)),
    reflection: 0.08 + random() * 0.3,
    tint: [0.74 + random() * 0.1, 0.82 + random() * 0.08, 0.8 + random() * 0.08],
  });
}
