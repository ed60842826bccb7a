/// <reference lib="webworker" />
import { expose } from 'comlink';
import { VisionEngine } from './visionEngine';
import { createGalleryService } from './galleryWorkerService';
import type { FrameRequest, FrameResult, InitInfo, LoadProgress, StillRequest, StillResult, VisionConfig, VisionService } from './visionProtocol';

/**
 * The vision worker: one VisionEngine behind a Comlink-exposed VisionService. Init is memoised; a frame that
 * arrives while another is being processed is closed and reported as dropped (never queued).
 */
let engine: Promise<VisionEngine> | undefined;
let busy = false;

async function ready(): Promise<VisionEngine> {
  if (!engine) throw new Error('vision worker used before init()');
  return engine;
}

const service: VisionService = {
  ...createGalleryService({ embedder: async () => (await ready()).embedder, embedStill: async (image, request) => (await ready()).embedStill(image, request) }),

  async init(config: VisionConfig, onProgress?: (progress: LoadProgress) => void): Promise<InitInfo> {
    if (!engine) {
      engine = VisionEngine.create(config, (p) => onProgress?.(p));
      // A failed init can be retried (e.g. after the assets were prepared).
      engine.catch(() => (engine = undefined));
    }
    return (await engine).info;
  },

  async processFrame(frame: ImageBitmap, request: FrameRequest): Promise<FrameResult> {
    if (busy) {
      const dropped: FrameResult = {
        cameraId: request.cameraId,
        timestampMs: request.timestampMs,
        width: frame.width,
        height: frame.height,
        dropped: true,
        faces: [],
        endedTrackIds: [],
        timings: { detectMs: 0, landmarksMs: 0, embedMs: 0, totalMs: 0 },
      };
      frame.close();
      return dropped;
    }
    busy = true;
    try {
      return await (await ready()).processFrame(frame, request);
    } finally {
      frame.close();
      busy = false;
    }
  },

  async embedStill(image: ImageBitmap, request: StillRequest): Promise<StillResult> {
    try {
      return await (await ready()).embedStill(image, request);
    } finally {
      image.close();
    }
  },

  async resetCamera(cameraId: string): Promise<void> {
    (await ready()).resetCamera(cameraId);
  },

  async memory(): Promise<{ jsHeapBytes: number | null }> {
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return { jsHeapBytes: memory?.usedJSHeapSize ?? null };
  },
};

expose(service);
