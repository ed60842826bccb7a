import type { Box } from '../biometrics/geometry';
import { seededRandom } from '../shared/seededRandom';
import { compressBlocks, motionBlur, sensorNoise, toMonochrome, vignette } from './cameraEffects';
import type { LaneCameraGeometry, Vec3 } from './laneCameraGeometry';
import { INTER_EYE_M, LaneCameraProjection } from './laneCameraGeometry';
import type { Pixel2 } from './rasterise';
import { fillConvex, fillEllipse } from './rasterise';
import type { FloatFrame, RgbaImage } from './rgbaImage';
import { newFloatFrame, pyramidOf, sampleBilinear, toRgba } from './rgbaImage';
import type { ConditionLight } from './sceneConditions';
import { CONDITION_LIGHT, infraredGain } from './sceneConditions';
import { drawBackground, glassEffects, rainStreaks } from './sceneLayers';
import type { Seat, VehicleApproach } from './vehicleApproach';
import { SEAT_HEADS, approachDistanceM, approachSpeed } from './vehicleApproach';

/**
 * Renders what one lane camera records of one vehicle's approach, frame by frame: the road and scenery, the
 * car (body, hood, windshield, pillars), through the windshield the seats, headrests and occupants (each face a
 * photo scaled by the camera's pinhole geometry), then the glass (tint, reflections, glare, rain) and the
 * camera (motion blur, vignetting, noise, compression). Deterministic: the same approach, camera and faces give
 * the same bytes for each frame index.
 *
 * Every occupant is drawn on every camera, as a real camera sees every seat in its view (the rear cameras see the
 * front row through the windshield, each side camera the far outer seats), hidden only where the car hides them
 * (headrests, pillars, roof, other heads); the booth takes one person seen by two cameras for one occupant
 * (app/inspection/faceOnTwoCameras.ts). The seats a camera is aimed at (`seats`) decide where its detector searches,
 * not what it sees; `render: 'aimed'` draws only those, as every figure before issue #15's "One person on two
 * cameras" assumed (kept for that A/B: docs/vehicle-capture.md).
 */
export interface FaceImage {
  readonly image: RgbaImage;
  /** Eye midpoint and distance between the eye centres in the photo (defaults fit LFW's 250x250 deep-funneled crops). */
  readonly eyes?: { readonly x: number; readonly y: number };
  readonly interEyePx?: number;
}

export interface OccupantTruth {
  readonly seat: Seat;
  readonly image: number;
  /** The face's box in the frame (about the detector's box), whether or not it is hidden. */
  readonly box: Box;
  readonly interEyePx: number;
  /** Share of the face's pixels not hidden by glass edges, pillars, headrests or other heads (0..1). */
  readonly visibleFraction: number;
}

export interface SceneFrame {
  readonly index: number;
  readonly timestampMs: number;
  readonly image: RgbaImage;
  /** Distance from the stop line of the front-row faces (0 once stopped). */
  readonly distanceToStopM: number;
  readonly occupants: readonly OccupantTruth[];
}

/** What a camera is drawn seeing: every occupant in its view, or (the A/B's old assumption) only those of the seats it is aimed at. */
export const RENDER_SEATS = ['visible', 'aimed'] as const;
export type RenderSeats = (typeof RENDER_SEATS)[number];

export interface RendererOptions {
  /** Seats this camera is aimed at; default every seat. Drawn alone only with `render: 'aimed'`. */
  readonly seats?: readonly Seat[];
  /** Default `visible`: every occupant. */
  readonly render?: RenderSeats;
  /** Distinguishes the cameras' noise (two cameras never share a noise pattern). */
  readonly cameraKey?: string;
}

interface PreparedFace {
  readonly levels: readonly RgbaImage[];
  readonly eyes: { readonly x: number; readonly y: number };
  readonly interEyePx: number;
}

/** Vehicle body shapes in vehicle coordinates (x across, y up, z behind the front-row faces). */
const BODY = {
  halfWidth: 0.9,
  bumperZ: -2.05,
  hoodZ: -0.85,
  windshieldBase: { halfWidth: 0.78, y: 0.98, z: -0.82 },
  windshieldTop: { halfWidth: 0.68, y: 1.44, z: -0.2 },
  roofY: 1.48,
  rearZ: 2.6,
};

/** The seat rows' z (vehicle coordinates, SEAT_HEADS), drawn from the back. */
const THIRD_ROW_Z = 1.85;
const ROW_Z = [THIRD_ROW_Z, 0.95, 0];

export class LaneSceneRenderer {
  private readonly projection: LaneCameraProjection;
  private readonly light: ConditionLight;
  private readonly background: Float32Array;
  /** The frame being composed, reused from frame to frame (each frame starts from the background; what is returned is a copy). */
  private readonly frame: FloatFrame;
  private readonly faces: readonly (PreparedFace | undefined)[];
  /** The seats whose occupants are drawn. */
  private readonly seats: ReadonlySet<Seat>;
  private readonly window: Uint8Array;
  private readonly owner: Uint8Array;
  private readonly clothing: readonly (readonly [number, number, number])[];
  private readonly occlusionWindows: readonly { start: number; end: number }[];
  private readonly cameraKey: string;
  /** The third row's seats are drawn only when someone sits there (most cars have none). */
  private readonly thirdRowTaken: boolean;
  readonly frameCount: number;

  constructor(
    readonly camera: LaneCameraGeometry,
    readonly approach: VehicleApproach,
    faces: readonly FaceImage[],
    options: RendererOptions = {},
  ) {
    this.projection = new LaneCameraProjection(camera);
    this.light = CONDITION_LIGHT[approach.condition];
    this.seats = new Set(options.render === 'aimed' && options.seats ? options.seats : approach.occupants.map((o) => o.seat));
    this.cameraKey = options.cameraKey ?? 'camera';
    this.thirdRowTaken = approach.occupants.some((o) => SEAT_HEADS[o.seat].z === THIRD_ROW_Z);
    this.faces = faces.map((face) => ({
      levels: pyramidOf(face.image),
      eyes: face.eyes ?? { x: face.image.width * 0.5, y: face.image.height * 0.45 },
      interEyePx: face.interEyePx ?? face.image.width * 0.18,
    }));
    const random = seededRandom(`${approach.seed}|${approach.condition}|occupants`);
    this.clothing = approach.occupants.map(() => {
      const base = 20 + random() * 50;
      return [base * (0.85 + random() * 0.3), base * (0.85 + random() * 0.3), base * (0.85 + random() * 0.3)] as const;
    });
    // A "sometimes" hidden face is behind the seat ahead for a stretch of the approach (the parallax of a head or headrest passing).
    this.occlusionWindows = approach.occupants.map(() => {
      const start = random() * approach.approachSeconds;
      return { start, end: start + 0.4 + random() * 0.5 };
    });
    this.frameCount = Math.max(1, Math.round((approach.approachSeconds + approach.dwellSeconds) * camera.fps));
    this.background = drawBackground(camera, this.projection, this.light, approach.seed);
    this.frame = newFloatFrame(camera.width, camera.height);
    this.window = new Uint8Array(camera.width * camera.height);
    this.owner = new Uint8Array(camera.width * camera.height);
  }

  frameAt(index: number): SceneFrame {
    const t = index / this.camera.fps;
    const frame = this.frame;
    frame.rgb.set(this.background);
    this.window.fill(0);
    this.owner.fill(0);
    const travel = approachDistanceM(this.approach, t);
    const D = this.camera.stopLineDistanceM + travel;
    const toLane = (p: Vec3): Vec3 => ({ x: p.x + this.approach.laneOffsetM, y: p.y, z: p.z + D });
    const project = (p: Vec3): Pixel2 | undefined => {
      const q = this.projection.project(toLane(p));
      return q.depth > 0.2 ? { u: q.u, v: q.v } : undefined;
    };
    const bodyLight = this.surfaceLight(1, 1, D);
    const body = this.approach.bodyColour.map((c, k) => c * bodyLight * (this.light.infrared ? 1 : (this.light.cast[k] ?? 1)));
    const shade = (f: number) => [body[0]! * f, body[1]! * f, body[2]! * f] as const;

    // The body: the driver's side, the front, the hood, the roof, then the windshield (the cabin behind it).
    const side = Math.sign(this.camera.mountLateralM - this.approach.laneOffsetM || -1) * BODY.halfWidth;
    this.quad(frame, [{ x: side, y: 0.35, z: BODY.bumperZ }, { x: side, y: 0.35, z: BODY.rearZ }, { x: side, y: BODY.roofY, z: BODY.rearZ }, { x: side, y: BODY.roofY, z: BODY.windshieldTop.z }, { x: side, y: 1.0, z: BODY.hoodZ }, { x: side, y: 1.0, z: BODY.bumperZ }].map(project), shade(0.7), false);
    this.quad(frame, [{ x: side * 0.98, y: 1.02, z: BODY.hoodZ + 0.1 }, { x: side * 0.98, y: 1.4, z: BODY.windshieldTop.z + 0.1 }, { x: side * 0.98, y: 1.4, z: BODY.rearZ - 0.3 }, { x: side * 0.98, y: 1.02, z: BODY.rearZ - 0.3 }].map(project), [18, 20, 24].map((c) => c * bodyLight) as unknown as readonly [number, number, number], false);
    this.quad(frame, [{ x: -BODY.halfWidth, y: 0.3, z: BODY.bumperZ }, { x: BODY.halfWidth, y: 0.3, z: BODY.bumperZ }, { x: BODY.halfWidth, y: 0.95, z: BODY.bumperZ }, { x: -BODY.halfWidth, y: 0.95, z: BODY.bumperZ }].map(project), shade(0.85), false);
    this.quad(frame, [{ x: -0.6, y: 0.45, z: BODY.bumperZ - 0.01 }, { x: 0.6, y: 0.45, z: BODY.bumperZ - 0.01 }, { x: 0.6, y: 0.62, z: BODY.bumperZ - 0.01 }, { x: -0.6, y: 0.62, z: BODY.bumperZ - 0.01 }].map(project), shade(0.3), false);
    this.quad(frame, [{ x: -BODY.halfWidth, y: 0.95, z: BODY.bumperZ }, { x: BODY.halfWidth, y: 0.95, z: BODY.bumperZ }, { x: BODY.windshieldBase.halfWidth + 0.08, y: BODY.windshieldBase.y, z: BODY.hoodZ }, { x: -BODY.windshieldBase.halfWidth - 0.08, y: BODY.windshieldBase.y, z: BODY.hoodZ }].map(project), shade(1.05), false);
    this.quad(frame, [{ x: -0.74, y: BODY.roofY, z: BODY.windshieldTop.z - 0.05 }, { x: 0.74, y: BODY.roofY, z: BODY.windshieldTop.z - 0.05 }, { x: 0.74, y: BODY.roofY, z: BODY.rearZ }, { x: -0.74, y: BODY.roofY, z: BODY.rearZ }].map(project), shade(0.95), false);
    const glass = [
      { x: -BODY.windshieldBase.halfWidth, y: BODY.windshieldBase.y, z: BODY.windshieldBase.z },
      { x: BODY.windshieldBase.halfWidth, y: BODY.windshieldBase.y, z: BODY.windshieldBase.z },
      { x: BODY.windshieldTop.halfWidth, y: BODY.windshieldTop.y, z: BODY.windshieldTop.z },
      { x: -BODY.windshieldTop.halfWidth, y: BODY.windshieldTop.y, z: BODY.windshieldTop.z },
    ].map(project);
    const glassBox = this.markWindow(glass);
    const cabin = this.surfaceLight(8, 30, D);
    this.quad(frame, glass, [cabin, cabin, cabin * 1.05], false);

    // The cabin, from the back: for each row its seat backs and headrests, then its people.
    const truths: { seat: Seat; image: number; slot: number; box: Box; interEyePx: number; area: number }[] = [];
    for (const rowZ of ROW_Z) {
      for (const head of Object.values(SEAT_HEADS).filter((h) => h.z === rowZ)) {
        if (rowZ === THIRD_ROW_Z && !this.thirdRowTaken) continue;
        const seatShade = this.surfaceLight(30, 26, D + rowZ);
        this.quad(frame, [{ x: head.x - 0.24, y: 0.72, z: rowZ + 0.2 }, { x: head.x + 0.24, y: 0.72, z: rowZ + 0.2 }, { x: head.x + 0.22, y: 1.02, z: rowZ + 0.18 }, { x: head.x - 0.22, y: 1.02, z: rowZ + 0.18 }].map(project), [seatShade, seatShade, seatShade], true);
        this.quad(frame, [{ x: head.x - 0.13, y: 1.03, z: rowZ + 0.14 }, { x: head.x + 0.13, y: 1.03, z: rowZ + 0.14 }, { x: head.x + 0.12, y: 1.27, z: rowZ + 0.14 }, { x: head.x - 0.12, y: 1.27, z: rowZ + 0.14 }].map(project), [seatShade * 1.3, seatShade * 1.3, seatShade * 1.3], true);
      }
      this.approach.occupants.forEach((occupant, slot) => {
        const headAt = SEAT_HEADS[occupant.seat];
        if (headAt.z !== rowZ || !this.seats.has(occupant.seat)) return;
        const sway = occupant.swayM * Math.sin(2 * Math.PI * 0.6 * t + occupant.swayPhase);
        const head = { x: headAt.x + sway, y: headAt.y + occupant.heightOffsetM + sway * 0.3, z: headAt.z };
        this.ellipseAt(frame, { x: head.x, y: head.y - 0.36, z: head.z + 0.05 }, 0.23, 0.17, project, this.clothing[slot] ?? [40, 40, 40], D);
        const drawn = this.drawFace(frame, occupant.image, slot + 1, toLane(head), D);
        if (drawn) truths.push({ seat: occupant.seat, image: occupant.image, slot: slot + 1, ...drawn });
        const window = this.occlusionWindows[slot];
        const hidden = occupant.occlusion === 'always' || (occupant.occlusion === 'sometimes' && window !== undefined && t >= window.start && t < window.end);
        if (hidden) {
          const occ = this.surfaceLight(35, 34, D + rowZ);
          const z = head.z - 0.12;
          this.quad(frame, [{ x: head.x - 0.17, y: head.y - 0.17, z }, { x: head.x + 0.17, y: head.y - 0.17, z }, { x: head.x + 0.16, y: head.y + 0.19, z }, { x: head.x - 0.16, y: head.y + 0.19, z }].map(project), [occ, occ, occ * 1.05], true);
        }
      });
    }
    // The A-pillars over the windshield's edges.
    for (const s of [-1, 1]) {
      this.quad(frame, [
        { x: s * (BODY.windshieldBase.halfWidth + 0.07), y: BODY.windshieldBase.y, z: BODY.windshieldBase.z },
        { x: s * (BODY.windshieldBase.halfWidth - 0.02), y: BODY.windshieldBase.y, z: BODY.windshieldBase.z },
        { x: s * (BODY.windshieldTop.halfWidth - 0.03), y: BODY.windshieldTop.y + 0.04, z: BODY.windshieldTop.z },
        { x: s * (BODY.windshieldTop.halfWidth + 0.06), y: BODY.windshieldTop.y + 0.04, z: BODY.windshieldTop.z },
      ].map(project), shade(0.6), false);
    }

    const random = seededRandom(`${this.approach.seed}|${this.approach.condition}|${this.cameraKey}|frame ${index}`);
    if (glassBox) glassEffects(frame, this.window, glassBox, this.approach, this.light, t, random);
    if (this.light.infrared || this.light.ambient < 0.6) this.headlights(frame, project, D);
    if (this.light.rain) rainStreaks(frame, random);
    this.cameraPipeline(frame, project, D, t, random);

    const occupants = truths.map((truth) => ({ seat: truth.seat, image: truth.image, box: truth.box, interEyePx: truth.interEyePx, visibleFraction: this.visibleShare(truth.slot, truth.box, truth.area) }));
    return { index, timestampMs: Math.round((index * 1000) / this.camera.fps), image: toRgba(frame), distanceToStopM: travel, occupants };
  }

  /** Brightness of a surface `distanceM` from the camera: lit by the illuminator at night (`infrared` times its gain), else by the day's light (`visible` times the ambient). */
  private surfaceLight(infrared: number, visible: number, distanceM: number): number {
    return this.light.infrared ? infrared * infraredGain(distanceM) : visible * this.light.ambient;
  }

  /** Draws occupant `image` with its eye midpoint at `eyes` (lane coordinates); returns its box and size in the frame. */
  private drawFace(frame: FloatFrame, image: number, slot: number, eyes: Vec3, distance: number): { box: Box; interEyePx: number; area: number } | undefined {
    const face = this.faces[image];
    const centre = this.projection.project(eyes);
    if (!face || centre.depth <= 0.2) return undefined;
    const interEyePx = (this.projection.focal * INTER_EYE_M) / centre.depth;
    const scale = interEyePx / face.interEyePx;
    // The pyramid level with at most 2 photo pixels per frame pixel.
    let level = 0;
    while (level + 1 < face.levels.length && scale * 2 ** (level + 1) <= 0.5) level++;
    const src = face.levels[level] as RgbaImage;
    const srcScale = scale * 2 ** level;
    const ex = face.eyes.x / 2 ** level;
    const ey = face.eyes.y / 2 ** level;
    const a = 1.3 * interEyePx;
    const b = 1.8 * interEyePx;
    const cu = centre.u;
    const cv = centre.v + 0.3 * interEyePx;
    const lightOf = this.light.infrared ? infraredGain(distance) * 1.1 : this.light.cabin;
    const cast = this.light.infrared ? [1, 1, 1] : this.light.cast;
    const sample = new Float32Array(3);
    const { width } = frame;
    let area = 0;
    fillEllipse(cu, cv, a, b, frame.width, frame.height, (y, x0, x1) => {
      for (let x = x0; x < x1; x++) {
        const i = y * width + x;
        const du = (x + 0.5 - cu) / a;
        const dv = (y + 0.5 - cv) / b;
        const r = Math.sqrt(du * du + dv * dv);
        const alpha = r > 0.85 ? Math.max(0, (1 - r) / 0.15) : 1;
        // The face's whole area counts, drawn or not: a face behind the roof, hood or pillars is hidden, not small.
        if (alpha > 0.5) area++;
        if (!this.window[i]) continue;
        sampleBilinear(src, ex + (x + 0.5 - centre.u) / srcScale, ey + (y + 0.5 - centre.v) / srcScale, sample);
        const o = i * 3;
        for (let k = 0; k < 3; k++) frame.rgb[o + k] = (frame.rgb[o + k] ?? 0) * (1 - alpha) + (sample[k] ?? 0) * lightOf * (cast[k] ?? 1) * alpha;
        if (alpha > 0.5) this.owner[i] = slot;
      }
    });
    const box = { x: cu - 1.05 * interEyePx, y: centre.v - 0.9 * interEyePx, width: 2.1 * interEyePx, height: 2.3 * interEyePx };
    return { box, interEyePx, area: Math.max(area, 1) };
  }

  private visibleShare(slot: number, box: Box, area: number): number {
    let seen = 0;
    const x0 = Math.max(0, Math.floor(box.x - box.width));
    const x1 = Math.min(this.camera.width, Math.ceil(box.x + 2 * box.width));
    const y0 = Math.max(0, Math.floor(box.y - box.height));
    const y1 = Math.min(this.camera.height, Math.ceil(box.y + 2 * box.height));
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (this.owner[y * this.camera.width + x] === slot) seen++;
    return Math.min(1, seen / area);
  }

  /** A filled quad; `inCabin` clips it to the windshield. Painting over a face's pixels hides them (for the visible share). */
  private quad(frame: FloatFrame, corners: readonly (Pixel2 | undefined)[], colour: readonly [number, number, number] | readonly number[], inCabin: boolean): void {
    if (corners.some((c) => c === undefined)) return;
    const { width, height, rgb } = frame;
    const [r, g, b] = [colour[0] ?? 0, colour[1] ?? 0, colour[2] ?? 0];
    fillConvex(corners as Pixel2[], width, height, (y, x0, x1) => {
      for (let x = x0; x < x1; x++) {
        const i = y * width + x;
        if (inCabin && !this.window[i]) continue;
        rgb[i * 3] = r;
        rgb[i * 3 + 1] = g;
        rgb[i * 3 + 2] = b;
        this.owner[i] = 0;
      }
    });
  }

  private ellipseAt(frame: FloatFrame, centre: Vec3, halfWidthM: number, halfHeightM: number, project: (p: Vec3) => Pixel2 | undefined, colour: readonly number[], distance: number): void {
    const c = project(centre);
    if (!c) return;
    const ppm = this.projection.pixelsPerMetreAt({ x: centre.x, y: centre.y, z: centre.z + distance });
    const light = this.light.infrared ? infraredGain(distance) : this.light.cabin;
    const { width, rgb } = frame;
    fillEllipse(c.u, c.v, halfWidthM * ppm, halfHeightM * ppm, frame.width, frame.height, (y, x0, x1) => {
      for (let x = x0; x < x1; x++) {
        const i = y * width + x;
        if (!this.window[i]) continue;
        for (let k = 0; k < 3; k++) rgb[i * 3 + k] = (colour[k] ?? 0) * light;
        this.owner[i] = 0;
      }
    });
  }

  private markWindow(glass: readonly (Pixel2 | undefined)[]): Box | undefined {
    if (glass.some((c) => c === undefined)) return undefined;
    const points = glass as Pixel2[];
    fillConvex(points, this.camera.width, this.camera.height, (y, x0, x1) => this.window.fill(1, y * this.camera.width + x0, y * this.camera.width + x1));
    const us = points.map((p) => p.u);
    const vs = points.map((p) => p.v);
    return { x: Math.min(...us), y: Math.min(...vs), width: Math.max(...us) - Math.min(...us), height: Math.max(...vs) - Math.min(...vs) };
  }

  /** Dipped headlights at dusk and night: bright discs with a halo (they blind the camera a little). */
  private headlights(frame: FloatFrame, project: (p: Vec3) => Pixel2 | undefined, distance: number): void {
    const ppm = this.projection.pixelsPerMetreAt({ x: 0, y: 0.7, z: distance + BODY.bumperZ });
    for (const x of [-0.65, 0.65]) {
      const c = project({ x, y: 0.72, z: BODY.bumperZ - 0.02 });
      if (!c) continue;
      const radius = 0.35 * ppm;
      fillEllipse(c.u, c.v, radius, radius, frame.width, frame.height, (y, x0, x1) => {
        for (let px = x0; px < x1; px++) {
          const r = Math.hypot(px + 0.5 - c.u, y + 0.5 - c.v) / radius;
          const add = r < 0.2 ? 400 : 160 * Math.exp(-((r - 0.2) * 4));
          const o = (y * frame.width + px) * 3;
          for (let k = 0; k < 3; k++) frame.rgb[o + k] = (frame.rgb[o + k] ?? 0) + add;
        }
      });
    }
  }

  private cameraPipeline(frame: FloatFrame, project: (p: Vec3) => Pixel2 | undefined, distance: number, t: number, random: () => number): void {
    // Motion blur: image points move away from the focus of expansion at r * v / Z during the exposure.
    const corners = [{ x: -1, y: 0.3, z: BODY.bumperZ }, { x: 1, y: 1.6, z: BODY.rearZ }, { x: -1, y: 1.6, z: BODY.bumperZ }, { x: 1, y: 0.3, z: BODY.rearZ }].map(project);
    if (corners.every((c) => c !== undefined)) {
      const us = corners.map((c) => c!.u);
      const vs = corners.map((c) => c!.v);
      const rect = { x: Math.min(...us), y: Math.min(...vs), width: Math.max(...us) - Math.min(...us), height: Math.max(...vs) - Math.min(...vs) };
      const speed = approachSpeed(this.approach, t);
      const spread = (this.light.exposureMs / 1000) * (speed / (distance + 0.5));
      motionBlur(frame, rect, spread * rect.width * 0.5, spread * rect.height * 0.5);
    }
    if (this.light.veil > 0) for (let o = 0; o < frame.rgb.length; o++) frame.rgb[o] = (frame.rgb[o] ?? 0) * 0.92 + this.light.veil;
    if (this.light.infrared) toMonochrome(frame);
    vignette(frame, this.light.vignette);
    sensorNoise(frame, random, this.light.readNoise, this.light.shotNoise, this.light.infrared);
    compressBlocks(frame, this.light.compressionStep);
  }
}
