import { expose } from 'comlink';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { VisionClient, VisionCrash } from './visionClient';
import { VisionClientError, createVisionClient } from './visionClient';
import type { InitInfo, LoadProgress, VisionService } from './visionProtocol';

/**
 * The client against a real Comlink endpoint over a Node MessageChannel: a stand-in worker whose service
 * behaves as each test needs (answers, answers garbage, never answers, crashes).
 */
const info: InitInfo = {
  backend: 'wasm',
  threads: 2,
  crossOriginIsolated: true,
  adapter: 'none',
  detectorId: 'detector',
  embedderId: 'embedder',
  embedderVersion: '1',
  calibrationVersion: 'c1',
  facenessVersion: 'f1',
  batched: true,
  initMs: 1,
};

class StandInWorker extends EventTarget {
  terminated = false;
  constructor(private readonly port: MessagePort) {
    super();
    port.start();
  }
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer as never);
  }
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
    if (type === 'error') super.addEventListener(type, listener);
    else this.port.addEventListener(type, listener as never);
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
    if (type === 'error') super.removeEventListener(type, listener);
    else this.port.removeEventListener(type, listener as never);
  }
  terminate(): void {
    this.terminated = true;
    this.port.close();
  }
  crash(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
}

type PartialService = Partial<Record<keyof VisionService, (...args: never[]) => unknown>>;

function standIn(service: PartialService) {
  const workers: StandInWorker[] = [];
  const createWorker = () => {
    const channel = new MessageChannel();
    expose(service, channel.port2 as never);
    channel.port2.start();
    const worker = new StandInWorker(channel.port1);
    workers.push(worker);
    return worker as unknown as Worker;
  };
  return { workers, createWorker };
}

let client: VisionClient | undefined;
// The page's base URL is where the client tells the worker the assets are.
beforeAll(() => vi.stubGlobal('document', { baseURI: 'http://booth.test/app/' }));
afterAll(() => vi.unstubAllGlobals());
afterEach(() => client?.dispose());

describe('createVisionClient', () => {
  it('initialises once, passing the load progress through', async () => {
    const init = vi.fn(async (config: { assetBase: string }, onProgress?: (p: LoadProgress) => void) => {
      expect(config.assetBase).toBe('http://booth.test/app/');
      await onProgress?.({ stage: 'embedder', loadedBytes: 5, totalBytes: 10, message: 'embedding model' });
      return info;
    });
    const { createWorker } = standIn({ init });
    client = createVisionClient({ createWorker });
    const progress: LoadProgress[] = [];
    expect(await client.init((p) => progress.push(p))).toEqual(info);
    expect(await client.init()).toEqual(info);
    expect(init).toHaveBeenCalledTimes(1);
    expect(progress).toEqual([{ stage: 'embedder', loadedBytes: 5, totalBytes: 10, message: 'embedding model' }]);
  });

  it('passes no progress report that arrives after init answered (it would turn "ready" back into "loading 100%")', async () => {
    // The real worker does not await its reports: the last one travels on the proxy's channel while the reply
    // travels on the worker's, and may come second.
    let late: Promise<void> | undefined;
    const init = vi.fn(async (_config: unknown, onProgress?: (p: LoadProgress) => void) => {
      late = new Promise<void>((resolve) => setTimeout(() => void Promise.resolve(onProgress?.({ stage: 'ready', loadedBytes: 1, totalBytes: 1, message: 'ready' })).then(() => resolve()), 20));
      return info;
    });
    const { createWorker } = standIn({ init });
    client = createVisionClient({ createWorker });
    const progress: LoadProgress[] = [];
    expect(await client.init((p) => progress.push(p))).toEqual(info);
    await late;
    expect(progress).toEqual([]);
  });

  it('in the booth, starts the worker only on the model set the host handed over: an earlier init waits for it', async () => {
    const init = vi.fn(async (_config: { models?: unknown }) => info);
    const { createWorker } = standIn({ init });
    client = createVisionClient({ createWorker, modelsFromHost: true });
    let early: InitInfo | undefined;
    const waiting = client.init().then((i) => (early = i));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(early).toBeUndefined();
    expect(init).not.toHaveBeenCalled();
    const models = { embedder: { id: 'verified-by-the-host' } };
    expect(await client.init(undefined, models)).toEqual(info);
    await waiting;
    expect(init).toHaveBeenCalledTimes(1);
    expect(init.mock.calls[0]?.[0].models).toEqual(models);
  });

  it('refuses a reply that does not match the protocol', async () => {
    const { createWorker } = standIn({ init: async () => ({ ...info, backend: 'cuda' }) });
    client = createVisionClient({ createWorker });
    await expect(client.init()).rejects.toMatchObject({ code: 'bad_reply', message: expect.stringMatching(/invalid init reply/) });
  });

  it('drops a frame (closing it) until the worker is initialised', async () => {
    const { createWorker } = standIn({ init: async () => info });
    client = createVisionClient({ createWorker });
    const close = vi.fn();
    const result = await client.processFrame({ width: 640, height: 480, close } as unknown as ImageBitmap, 'booth-1', 7);
    expect(result).toMatchObject({ cameraId: 'booth-1', timestampMs: 7, dropped: true, faces: [] });
    expect(close).toHaveBeenCalledOnce();
  });

  it('treats a silent worker as crashed, restarts it and initialises it again', async () => {
    let calls = 0;
    const { workers, createWorker } = standIn({
      init: async () => info,
      resetCamera: () => new Promise<void>((resolve) => (++calls > 1 ? resolve() : undefined)),
    });
    client = createVisionClient({ createWorker, callTimeoutMs: 100 });
    const crashes: VisionCrash[] = [];
    client.onCrash((c) => crashes.push(c));
    const restarted = new Promise<InitInfo>((resolve) => client!.onRestart(resolve));
    await client.init();
    const error = await client.resetCamera('booth-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VisionClientError);
    expect(error).toMatchObject({ code: 'worker_timeout' });
    // Its first call after init: allowed 4 times the timeout (every model's first run).
    expect(crashes).toEqual([{ message: 'vision worker did not answer within 400 ms', restarts: 1, willRestart: true }]);
    expect(await restarted).toEqual(info);
    expect(workers[0]?.terminated).toBe(true);
    await expect(client.resetCamera('booth-1')).resolves.toBeUndefined();
  });

  it('a call pending when its worker crashed never times out the worker started in its place', async () => {
    // The first worker answers nothing but init; the second answers everything.
    let started = 0;
    const { workers, createWorker } = standIn({
      init: async () => info,
      resetCamera: () => (started > 1 ? Promise.resolve() : new Promise<void>(() => undefined)),
      memory: () => new Promise<never>(() => undefined),
    });
    client = createVisionClient({ createWorker: () => (started++, createWorker()), callTimeoutMs: 100 });
    const crashes: VisionCrash[] = [];
    client.onCrash((c) => crashes.push(c));
    await client.init();
    // Two calls in flight: the later one's timer is still running when the first one's ends the worker.
    const first = client.resetCamera('booth-1').catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = client.memory().catch((e: unknown) => e);
    expect(await first).toMatchObject({ code: 'worker_timeout' });
    expect(await second).toMatchObject({ code: 'worker_timeout' });
    const restarted = new Promise<InitInfo>((resolve) => client!.onRestart(resolve));
    expect(await restarted).toEqual(info);
    // Past the second call's 100 ms: its timer went off with the new worker up, and must not have ended it.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(crashes).toHaveLength(1);
    expect(workers[1]?.terminated).toBe(false);
    await expect(client.resetCamera('booth-1')).resolves.toBeUndefined();
  });

  it('calls queued behind others are given time for those too: a busy worker answering in turn is not taken for a silent one', async () => {
    // The worker answers one call at a time, each after 60 ms: the third of three calls made at once answers after
    // ~180 ms, past a 100 ms allowance of its own, well within one per call in flight.
    let queue = Promise.resolve();
    const inTurn = () => (queue = queue.then(() => new Promise<void>((resolve) => setTimeout(resolve, 60))));
    const { workers, createWorker } = standIn({ init: async () => info, resetCamera: inTurn });
    client = createVisionClient({ createWorker, callTimeoutMs: 100 });
    const crashes: VisionCrash[] = [];
    client.onCrash((c) => crashes.push(c));
    await client.init();
    await expect(Promise.all([client.resetCamera('a'), client.resetCamera('b'), client.resetCamera('c')])).resolves.toEqual([undefined, undefined, undefined]);
    expect(crashes).toEqual([]);
    expect(workers[0]?.terminated).toBe(false);
  });

  it("a fresh worker's first call may take several times the timeout (every model's first run); once it has answered, the timeout is its own", async () => {
    let calls = 0;
    const { workers, createWorker } = standIn({
      init: async () => info,
      // The first call answers after 250 ms (cold), the second never.
      resetCamera: () => new Promise<void>((resolve) => (++calls === 1 ? setTimeout(resolve, 250) : undefined)),
    });
    client = createVisionClient({ createWorker, callTimeoutMs: 100 });
    const crashes: VisionCrash[] = [];
    client.onCrash((c) => crashes.push(c));
    await client.init();
    await expect(client.resetCamera('a')).resolves.toBeUndefined();
    expect(crashes).toEqual([]);
    const silent = await client.resetCamera('b').catch((e: unknown) => e);
    expect(silent).toMatchObject({ code: 'worker_timeout', message: 'vision worker did not answer within 100 ms' });
    expect(workers[0]?.terminated).toBe(true);
  });

  it('gives up after too many crashes in a minute (a crash loop), so the UI can say vision is unavailable', async () => {
    const { workers, createWorker } = standIn({ init: async () => info });
    let now = 0;
    client = createVisionClient({ createWorker, maxRestartsPerMinute: 1, now: () => now });
    const crashes: VisionCrash[] = [];
    client.onCrash((c) => crashes.push(c));
    await client.init();
    workers[0]?.crash('out of memory');
    await vi.waitFor(() => expect(workers).toHaveLength(2));
    now = 1000;
    await client.init();
    workers[1]?.crash('out of memory');
    expect(crashes.map((c) => [c.message, c.restarts, c.willRestart])).toEqual([
      ['vision worker crashed: out of memory', 1, true],
      ['vision worker crashed: out of memory', 2, false],
    ]);
    expect(workers).toHaveLength(2);
  });
});
