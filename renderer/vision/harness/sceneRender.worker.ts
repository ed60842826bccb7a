/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import type { LaneCameraGeometry } from '../../../app/scene/laneCameraGeometry';
import type { OccupantTruth } from '../../../app/scene/laneSceneRenderer';
import { LaneSceneRenderer, type RenderSeats } from '../../../app/scene/laneSceneRenderer';
import type { RgbaImage } from '../../../app/scene/rgbaImage';
import type { Seat, VehicleApproach } from '../../../app/scene/vehicleApproach';

/**
 * The vehicle evaluation's scene rendering, off the page's thread: while the vision worker processes one frame,
 * this worker renders the next (a 1080p frame costs about as much to render as to process), and hands it over
 * as ready-made bitmaps, one per capture variant, transferred rather than copied.
 */
export interface SceneRenderSetup {
  readonly approach: VehicleApproach;
  readonly cameras: readonly { readonly id: string; readonly geometry: LaneCameraGeometry; readonly seats: readonly Seat[] }[];
  readonly faces: readonly RgbaImage[];
  /** Every occupant on every camera (default), or each camera only the seats it is aimed at (the A/B of the old assumption). */
  readonly render?: RenderSeats;
}

export interface RenderedFrame {
  readonly index: number;
  readonly timestampMs: number;
  readonly occupants: readonly OccupantTruth[];
  /** The frame, once per bitmap asked for (each is transferred to the vision worker, which closes it). */
  readonly bitmaps: readonly ImageBitmap[];
  /** The frame's RGBA bytes, when asked for (to save it as PNG). */
  readonly pixels?: RgbaImage;
  readonly renderMs: number;
  readonly bitmapMs: number;
}

export interface SceneRenderService {
  /** Renderers for one vehicle's cameras (replacing the previous vehicle's); returns the milliseconds it took. */
  prepare(setup: SceneRenderSetup): number;
  render(cameraId: string, index: number, bitmaps: number, withPixels: boolean): Promise<RenderedFrame>;
  frameCount(cameraId: string): number;
}

let renderers = new Map<string, LaneSceneRenderer>();

const rendererOf = (cameraId: string): LaneSceneRenderer => {
  const renderer = renderers.get(cameraId);
  if (!renderer) throw new Error(`no renderer prepared for camera ${cameraId}`);
  return renderer;
};

const service: SceneRenderService = {
  prepare(setup) {
    const started = performance.now();
    const faces = setup.faces.map((image) => ({ image }));
    renderers = new Map(setup.cameras.map((camera) => [camera.id, new LaneSceneRenderer(camera.geometry, setup.approach, faces, { seats: camera.seats, cameraKey: camera.id, ...(setup.render ? { render: setup.render } : {}) })]));
    return performance.now() - started;
  },

  frameCount: (cameraId) => rendererOf(cameraId).frameCount,

  async render(cameraId, index, count, withPixels) {
    const started = performance.now();
    const frame = rendererOf(cameraId).frameAt(index);
    const rendered = performance.now();
    // The frame's bytes are fresh for each frame (toRgba): ImageData takes them without a copy.
    const imageData = new ImageData(frame.image.data as Uint8ClampedArray<ArrayBuffer>, frame.image.width, frame.image.height);
    const bitmaps = await Promise.all(Array.from({ length: count }, () => createImageBitmap(imageData)));
    const result: RenderedFrame = {
      index,
      timestampMs: frame.timestampMs,
      occupants: frame.occupants,
      bitmaps,
      ...(withPixels ? { pixels: frame.image } : {}),
      renderMs: rendered - started,
      bitmapMs: performance.now() - rendered,
    };
    return transfer(result, [...bitmaps, ...(withPixels ? [frame.image.data.buffer as ArrayBuffer] : [])]);
  },
};

expose(service);
