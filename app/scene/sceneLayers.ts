import type { Box } from '../biometrics/geometry';
import type { Random } from '../shared/seededRandom';
import { seededRandom } from '../shared/seededRandom';
import type { LaneCameraGeometry, LaneCameraProjection } from './laneCameraGeometry';
import type { FloatFrame } from './rgbaImage';
import type { ConditionLight } from './sceneConditions';
import { infraredGain } from './sceneConditions';
import type { VehicleApproach } from './vehicleApproach';

/**
 * The parts of a lane scene that are not the vehicle: the road and what stands beyond it (drawn once per
 * camera and condition), the windshield's glass (tint, reflection of the sky and scenery, sun glare, rain
 * drops) and rain in the air.
 */

/** Sky above the horizon with a skyline of buildings and trees, the road below (lit by the illuminator at night). */
export function drawBackground(camera: LaneCameraGeometry, projection: LaneCameraProjection, light: ConditionLight, seed: string): Float32Array {
  const { width, height } = camera;
  const rgb = new Float32Array(width * height * 3);
  const horizon = projection.project({ x: camera.mountLateralM, y: camera.mountHeightM, z: 2000 }).v;
  const random = seededRandom(`${seed}|background`);
  // A skyline: blocks of varying height above the horizon.
  const skyline = new Float32Array(width);
  const skylineShade = new Float32Array(width);
  let x = 0;
  while (x < width) {
    const w = 20 + Math.floor(random() * 160);
    const h = random() < 0.3 ? 0 : (0.02 + random() * 0.12) * height;
    const shade = 0.35 + random() * 0.4;
    skyline.fill(h, x, Math.min(width, x + w));
    skylineShade.fill(shade, x, Math.min(width, x + w));
    x += w;
  }
  for (let y = 0; y < height; y++) {
    for (let px = 0; px < width; px++) {
      const o = (y * width + px) * 3;
      let c: readonly [number, number, number];
      if (y < horizon) {
        const building = y > horizon - (skyline[px] ?? 0);
        const f = building ? (skylineShade[px] ?? 1) : 1 - (0.25 * (horizon - y)) / Math.max(horizon, 1);
        c = building ? [light.sky[0] * f * 0.8, light.sky[1] * f * 0.8, light.sky[2] * f * 0.75] : [light.sky[0] * f, light.sky[1] * f, light.sky[2] * f];
      } else {
        // Distance of this road row from the camera, for the illuminator's fall-off and lane markings.
        const depth = (camera.mountHeightM * projection.focal) / Math.max(y + 0.5 - horizon, 0.5);
        const lit = light.infrared ? infraredGain(depth) * 1.2 : light.ambient;
        const stripe = Math.abs(px - width * 0.12 - (y - horizon) * 1.4) < 2 + (y - horizon) * 0.01 ? 1.8 : 1;
        c = [light.road[0] * lit * stripe, light.road[1] * lit * stripe, light.road[2] * lit * stripe];
      }
      const ambient = y < horizon ? (light.infrared ? 1 : light.ambient) : 1;
      rgb[o] = c[0] * ambient * light.cast[0];
      rgb[o + 1] = c[1] * ambient * light.cast[1];
      rgb[o + 2] = c[2] * ambient * light.cast[2];
    }
  }
  return rgb;
}

/**
 * The windshield in front of the cabin: its tint takes light from what is behind it, it reflects the sky and the
 * skyline (stronger at the top, moving as the car moves), the sun can flare in it, and rain sits on it.
 */
export function glassEffects(frame: FloatFrame, window: Uint8Array, box: Box, approach: VehicleApproach, light: ConditionLight, t: number, random: Random): void {
  const { width, rgb } = frame;
  const strength = approach.reflection * light.reflectionGain * (0.8 + 0.4 * Math.sin(t * 1.7));
  const bands = reflectionBands(approach.seed);
  const shift = Math.floor(t * 140);
  const glareU = box.x + box.width * (0.2 + 0.5 * Math.min(1, t / approach.approachSeconds));
  const glareV = box.y + box.height * 0.35;
  const glareR = Math.max(box.width * 0.28, 1);
  const tint = light.infrared ? [0.9, 0.9, 0.9] : approach.tint;
  const x0 = Math.max(0, Math.floor(box.x));
  const x1 = Math.min(width, Math.ceil(box.x + box.width));
  const y0 = Math.max(0, Math.floor(box.y));
  const y1 = Math.min(frame.height, Math.ceil(box.y + box.height));
  const drops = light.rain ? rainDrops(approach.seed) : [];
  for (let y = y0; y < y1; y++) {
    const vn = (y - box.y) / Math.max(box.height, 1);
    for (let x = x0; x < x1; x++) {
      const i = y * width + x;
      if (!window[i]) continue;
      const un = (x - box.x) / Math.max(box.width, 1);
      const band = bands[(Math.floor(un * 400) + shift) & 511] ?? 0;
      const reflected = strength * (1.1 - 0.7 * vn) * (0.55 + 0.45 * band);
      const dg = Math.hypot(x - glareU, (y - glareV) * 1.6) / glareR;
      const glare = light.glarePeak * Math.exp(-dg * dg * 2.2);
      const o = i * 3;
      for (let k = 0; k < 3; k++) rgb[o + k] = (rgb[o + k] ?? 0) * (tint[k] ?? 1) + reflected * (light.sky[k] ?? 0) * (light.infrared ? 0.3 : 1) + glare;
    }
  }
  for (const drop of drops) {
    const cu = box.x + drop.u * box.width;
    const cv = box.y + drop.v * box.height;
    const r = Math.max(1, drop.r * box.width);
    for (let y = Math.max(y0, Math.floor(cv - r)); y < Math.min(y1, Math.ceil(cv + r)); y++) {
      for (let x = Math.max(x0, Math.floor(cu - r)); x < Math.min(x1, Math.ceil(cu + r)); x++) {
        const d = Math.hypot(x + 0.5 - cu, y + 0.5 - cv) / r;
        const i = y * width + x;
        if (d > 1 || !window[i]) continue;
        // A drop is a small lens: it shows a brighter, smeared view, with a highlight at its top.
        const o = i * 3;
        const lift = 35 + (d < 0.35 && y < cv ? 60 : 0);
        for (let k = 0; k < 3; k++) rgb[o + k] = (rgb[o + k] ?? 0) * 0.6 + lift * light.ambient + 20 * random();
      }
    }
  }
}

/** Rain in the air: thin, faint, slanted streaks, different in every frame. */
export function rainStreaks(frame: FloatFrame, random: Random): void {
  const { width, height, rgb } = frame;
  const count = Math.round((width * height) / 9000);
  for (let s = 0; s < count; s++) {
    const x = random() * width;
    const y = random() * height;
    const length = 10 + random() * 25;
    for (let k = 0; k < length; k++) {
      const px = Math.floor(x + k * 0.25);
      const py = Math.floor(y + k);
      if (px < 0 || px >= width || py >= height) break;
      const o = (py * width + px) * 3;
      for (let c = 0; c < 3; c++) rgb[o + c] = (rgb[o + c] ?? 0) * 0.85 + 30;
    }
  }
}

const bandCache = new Map<string, Float32Array>();

/** A smooth random profile (the skyline and trees mirrored in the glass), one per vehicle. */
function reflectionBands(seed: string): Float32Array {
  const known = bandCache.get(seed);
  if (known) return known;
  const random = seededRandom(`${seed}|reflection`);
  const bands = new Float32Array(512);
  let level = random();
  for (let i = 0; i < 512; i++) {
    if (random() < 0.04) level = random();
    bands[i] = level;
  }
  // Soften the edges.
  const soft = bands.map((_, i) => ((bands[(i + 511) & 511] ?? 0) + (bands[i] ?? 0) * 2 + (bands[(i + 1) & 511] ?? 0)) / 4);
  if (bandCache.size > 64) bandCache.clear();
  bandCache.set(seed, soft);
  return soft;
}

function rainDrops(seed: string): { u: number; v: number; r: number }[] {
  const random = seededRandom(`${seed}|drops`);
  return Array.from({ length: 220 }, () => ({ u: random(), v: random(), r: 0.003 + random() * 0.01 }));
}
