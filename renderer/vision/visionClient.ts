import type { Remote } from 'comlink';
import { proxy, transfer, wrap } from 'comlink';
import type { CameraProfile, FrameResult, InitInfo, LoadProgress, StillRequest, StillResult, VisionConfig, VisionService } from './visionProtocol';
import { frameResultSchema, initInfoSchema, loadProgressSchema, stillResultSchema } from './visionProtocol';
import type { GalleryClient } from './galleryClient';
import { createGalleryClient } from './galleryClient';

/**
 * The page's handle on the vision worker. It owns the worker's life: a crash (an uncaught error, or a call
 * that does not return within `callTimeoutMs`) terminates it, starts a fresh one, re-runs init, and tells the
 * UI through `onCrash`/`onRestart`. While a frame is in flight, new frames are closed and reported dropped.
 */
export interface VisionClientOptions {
  readonly config?: Partial<VisionConfig>;
  /** Per camera; cameras not listed use the booth profile (frame only, no full-range pass). */
  readonly cameraProfiles?: Readonly<Record<string, CameraProfile>>;
  /** Profile of cameras not listed in cameraProfiles; defaults to the booth profile. */
  readonly defaultProfile?: CameraProfile;
  /** A worker that stops answering for this long is treated as crashed. */
  readonly callTimeoutMs?: number;
  /** Injected for tests; defaults to the bundled module worker. */
  readonly createWorker?: () => Worker;
  readonly now?: () => number;
  /** Automatic restarts allowed within a minute; beyond that the worker stays down (a crash loop). */
  readonly maxRestartsPerMinute?: number;
  /**
   * The booth: the worker starts only on the model set the host verified (the first `init` given `models`); an
   * earlier `init()` (a gallery call, a still) waits for it instead of starting on the shipped models.
   */
  readonly modelsFromHost?: boolean;
}

export interface VisionCrash {
  readonly message: string;
  readonly restarts: number;
  /** False when the crash loop limit was reached: the UI should say vision is unavailable. */
  readonly willRestart: boolean;
}

export type VisionClientErrorCode = 'worker_crashed' | 'worker_timeout' | 'bad_reply';

/**
 * The calls a freshly initialised worker answers first run each model for the first time (compilation, first
 * inference: several seconds more on a loaded machine): until it has answered one, a call is allowed this many times
 * its timeout. At load ~25 a lane's first frame alone outlasted 15 s and the worker was restarted (e2e vehicleApproach
 * 01:32-01:36: the worker fetched twice, 19 s after its models, even with queued calls allowed for).
 */
const COLD_CALL_ALLOWANCE = 4;

export class VisionClientError extends Error {
  constructor(
    readonly code: VisionClientErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VisionClientError';
  }
}

/** The gallery (1:N identification) methods come from GalleryClient (galleryClient.ts). */
export interface VisionClient extends GalleryClient {
  /**
   * Starts the worker and loads the models once (memoised); progress is reported while loading. `models`: the set
   * the host verified (models:active), kept for restarts; without it, the client's configured or shipped models.
   */
  init(onProgress?: (progress: LoadProgress) => void, models?: unknown): Promise<InitInfo>;
  /** Takes ownership of the bitmap (it is transferred, or closed when dropped). */
  /** `profile` overrides the camera's configured profile (cameras known only at run time, e.g. a vehicle lane's). */
  processFrame(frame: ImageBitmap, cameraId: string, timestampMs?: number, profile?: CameraProfile): Promise<FrameResult>;
  /** A chip photo or document page: decoded here, embedded in the worker. */
  embedStill(image: Blob | ImageBitmap, request?: Partial<StillRequest>): Promise<StillResult>;
  /** Forgets a camera's tracks and best shots (camera switched off, or a new session). */
  resetCamera(cameraId: string): Promise<void>;
  onCrash(listener: (crash: VisionCrash) => void): () => void;
  onRestart(listener: (info: InitInfo) => void): () => void;
  memory(): Promise<{ jsHeapBytes: number | null }>;
  dispose(): void;
}

const BOOTH_PROFILE: CameraProfile = { tiles: 'frame', fullRangePass: false };

export function defaultVisionConfig(): VisionConfig {
  return { assetBase: new URL('./', document.baseURI).href, backend: 'auto', threads: 0 };
}

export function createVisionClient(options: VisionClientOptions = {}): VisionClient {
  let config: VisionConfig = { ...defaultVisionConfig(), ...options.config };
  let modelsArrived: (() => void) | undefined;
  const modelsGiven = options.modelsFromHost ? new Promise<void>((resolve) => (modelsArrived = resolve)) : Promise.resolve();
  const callTimeoutMs = options.callTimeoutMs ?? 15_000;
  const now = options.now ?? (() => performance.now());
  const createWorker = options.createWorker ?? (() => new Worker(new URL('./vision.worker.ts', import.meta.url), { type: 'module', name: 'booth-vision' }));
  const crashListeners = new Set<(crash: VisionCrash) => void>();
  const restartListeners = new Set<(info: InitInfo) => void>();

  let worker: Worker | undefined;
  let remote: Remote<VisionService> | undefined;
  let initialised: Promise<InitInfo> | undefined;
  let progressListener: ((p: LoadProgress) => void) | undefined;
  let rejectPending: ((error: Error) => void)[] = [];
  let restarts = 0;
  /** Which worker a call was made to: one more with every crash. */
  let workerEpoch = 0;
  let restartTimes: number[] = [];
  const maxRestarts = options.maxRestartsPerMinute ?? 3;
  let inFlight = false;
  /** Whether the worker has answered a call since its init: its first ones run every model for the first time. */
  let warm = false;
  let disposed = false;

  const start = (): Remote<VisionService> => {
    worker = createWorker();
    worker.addEventListener('error', (event) => crashed(new VisionClientError('worker_crashed', `vision worker crashed: ${event.message || 'unknown error'}`)));
    remote = wrap<VisionService>(worker);
    return remote;
  };

  const crashed = (error: VisionClientError) => {
    if (disposed || !worker) return;
    workerEpoch++;
    worker.terminate();
    worker = undefined;
    remote = undefined;
    initialised = undefined;
    inFlight = false;
    const pending = rejectPending;
    rejectPending = [];
    for (const reject of pending) reject(error);
    restarts++;
    const at = now();
    restartTimes = [...restartTimes.filter((t) => at - t < 60_000), at];
    const willRestart = restartTimes.length <= maxRestarts;
    for (const listener of crashListeners) listener({ message: error.message, restarts, willRestart });
    if (!willRestart) return;
    void client.init(progressListener).then(
      (info) => restartListeners.forEach((l) => l(info)),
      () => undefined,
    );
  };

  /**
   * Races a worker call against crash and timeout, so a dead worker never leaves a promise hanging. The worker answers
   * its calls one after the other, so a call is given its own allowance and one more for each call still in flight
   * when it was made: a lane's first frame queued behind a vehicle's reference photos (up to 3 per traveller) on a
   * loaded machine otherwise outlasted 15 s, and its worker was restarted again and again (e2e vehicle specs at load
   * 20-34: 2-4 worker starts per test, then "face matching is off"). A silent worker is still caught by the first call
   * it does not answer, which has nothing ahead of it.
   */
  const guarded = <T>(call: (service: Remote<VisionService>) => Promise<T>, timeoutMs = callTimeoutMs, isInit = false): Promise<T> => {
    const service = remote ?? start();
    const calledEpoch = workerEpoch;
    const allowanceMs = timeoutMs * (1 + rejectPending.length) * (warm || isInit ? 1 : COLD_CALL_ALLOWANCE);
    return new Promise<T>((resolve, reject) => {
      rejectPending.push(reject);
      // A call still pending when its worker crashed was rejected then; its timer must not go off later and kill the
      // worker started in that one's place (under load, such stray timers took down each restarted worker in turn
      // until the client gave up as a crash loop).
      const timer = setTimeout(() => {
        if (calledEpoch === workerEpoch) crashed(new VisionClientError('worker_timeout', `vision worker did not answer within ${allowanceMs} ms`));
      }, allowanceMs);
      call(service).then(
        (value) => {
          clearTimeout(timer);
          if (!isInit && calledEpoch === workerEpoch) warm = true;
          rejectPending = rejectPending.filter((r) => r !== reject);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          rejectPending = rejectPending.filter((r) => r !== reject);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  };

  const parse = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { message: string } } }, value: unknown, what: string): T => {
    const result = schema.safeParse(value);
    if (!result.success) throw new VisionClientError('bad_reply', `vision worker sent an invalid ${what}: ${result.error.message}`);
    return result.data;
  };

  const client: VisionClient = {
    ...createGalleryClient({ call: guarded, parse, ready: () => client.init() }),

    init(onProgress, models) {
      progressListener = onProgress ?? progressListener;
      if (models !== undefined) {
        config = { ...config, models };
        modelsArrived?.();
      }
      if (!initialised) {
        // Progress comes over the proxy's own channel, the reply over the worker's: no order between them, so a
        // report can land after the reply ("loading 100%" over "ready"). Once init has answered, reports are stale.
        let answered = false;
        const report = proxy((p: LoadProgress) => {
          if (!answered) progressListener?.(parse(loadProgressSchema, p, 'progress report'));
        });
        warm = false;
        initialised = modelsGiven
          .then(() => guarded<unknown>((s) => s.init(config, report), 120_000, true))
          .finally(() => (answered = true))
          .then((info) => parse(initInfoSchema, info, 'init reply'));
        initialised.catch(() => (initialised = undefined));
      }
      return initialised;
    },

    async processFrame(frame, cameraId, timestampMs = now(), requestedProfile) {
      const dropped = (): FrameResult => ({
        cameraId,
        timestampMs,
        width: frame.width,
        height: frame.height,
        dropped: true,
        faces: [],
        endedTrackIds: [],
        timings: { detectMs: 0, landmarksMs: 0, embedMs: 0, totalMs: 0 },
      });
      if (inFlight || !initialised) {
        const result = dropped();
        frame.close();
        return result;
      }
      inFlight = true;
      try {
        await initialised;
        const profile = requestedProfile ?? options.cameraProfiles?.[cameraId] ?? options.defaultProfile ?? BOOTH_PROFILE;
        const reply = await guarded<unknown>((s) => s.processFrame(transfer(frame, [frame]), { cameraId, timestampMs, profile }));
        return parse(frameResultSchema, reply, 'frame result');
      } finally {
        inFlight = false;
      }
    },

    async embedStill(image, request) {
      let bitmap: ImageBitmap;
      try {
        bitmap = image instanceof Blob ? await createImageBitmap(image) : image;
      } catch (error) {
        return { ok: false, faceCount: 0, error: { code: 'undecodable_image', message: `the image could not be decoded: ${String(error)}` } };
      }
      await client.init();
      const full: StillRequest = { select: 'single', minInterEyePx: 40, ...request };
      const reply = await guarded<unknown>((s) => s.embedStill(transfer(bitmap, [bitmap]), full));
      return parse(stillResultSchema, reply, 'still result');
    },

    async resetCamera(cameraId) {
      if (initialised) await guarded((s) => s.resetCamera(cameraId));
    },

    onCrash(listener) {
      crashListeners.add(listener);
      return () => crashListeners.delete(listener);
    },

    onRestart(listener) {
      restartListeners.add(listener);
      return () => restartListeners.delete(listener);
    },

    memory() {
      return guarded((s) => s.memory());
    },

    dispose() {
      disposed = true;
      worker?.terminate();
      worker = undefined;
      remote = undefined;
    },
  };
  return client;
}
