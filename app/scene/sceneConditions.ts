import type { SceneCondition } from './vehicleApproach';

/**
 * What each named condition does to the light and the camera. The numbers are chosen to look like lane
 * cameras do (faces behind a windshield are darker than the road; dusk raises gain, noise and exposure time;
 * at night an infrared illuminator at the camera lights what is near and leaves the rest dark).
 */
export interface ConditionLight {
  /** Light on the road, the vehicle body and the scenery after the camera's own gain (1: a clear day). */
  readonly ambient: number;
  /** Light on the occupants' faces inside the cabin, before the glass. */
  readonly cabin: number;
  /** Colour cast of the light (per channel multiplier). */
  readonly cast: readonly [number, number, number];
  readonly sky: readonly [number, number, number];
  readonly road: readonly [number, number, number];
  /** Sun glare on the windshield: peak added brightness (0: none). */
  readonly glarePeak: number;
  /** Stray light over the whole frame (a veil lowering contrast). */
  readonly veil: number;
  /** How strongly the windshield reflects the sky and scenery (times the vehicle's own reflection). */
  readonly reflectionGain: number;
  /** Exposure time: motion blur grows with it. */
  readonly exposureMs: number;
  /** Sensor read noise (standard deviation in 0..255 units) and shot noise factor. */
  readonly readNoise: number;
  readonly shotNoise: number;
  /** Darkening towards the corners (0..1 at the corner). */
  readonly vignette: number;
  /** Monochrome infrared imaging lit by the camera's illuminator. */
  readonly infrared: boolean;
  /** Rain drops on the glass and streaks in the air. */
  readonly rain: boolean;
  /** Stream compression: the luma quantisation step of the block approximation. */
  readonly compressionStep: number;
}

const day: ConditionLight = {
  ambient: 1,
  cabin: 0.62,
  cast: [1, 1, 1],
  sky: [160, 190, 225],
  road: [96, 96, 100],
  glarePeak: 0,
  veil: 0,
  reflectionGain: 1,
  exposureMs: 3,
  readNoise: 2,
  shotNoise: 0.05,
  vignette: 0.15,
  infrared: false,
  rain: false,
  compressionStep: 6,
};

export const CONDITION_LIGHT: Readonly<Record<SceneCondition, ConditionLight>> = {
  day,
  glare: { ...day, ambient: 1.1, cabin: 0.55, sky: [200, 215, 235], glarePeak: 260, veil: 22, reflectionGain: 1.8, exposureMs: 2 },
  dusk: { ...day, ambient: 0.5, cabin: 0.3, cast: [1.12, 0.95, 0.78], sky: [120, 95, 110], road: [70, 66, 66], reflectionGain: 0.7, exposureMs: 16, readNoise: 5, shotNoise: 0.25, vignette: 0.3, compressionStep: 9 },
  'night-ir': { ...day, ambient: 0.04, cabin: 0, cast: [1, 1, 1], sky: [20, 20, 22], road: [40, 40, 40], reflectionGain: 0.25, exposureMs: 8, readNoise: 5, shotNoise: 0.2, vignette: 0.55, infrared: true, compressionStep: 8 },
  rain: { ...day, ambient: 0.75, cabin: 0.42, sky: [150, 155, 160], road: [70, 72, 76], veil: 10, reflectionGain: 1.4, exposureMs: 6, readNoise: 3, shotNoise: 0.1, rain: true, compressionStep: 8 },
};

/** Brightness an infrared illuminator at the camera gives a surface `distanceM` away (1 at 4.5 m, falling with the square). */
export const infraredGain = (distanceM: number): number => Math.min(1.4, Math.max(0.12, (4.5 / distanceM) ** 2));
