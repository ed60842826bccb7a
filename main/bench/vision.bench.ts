import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readIdentities } from '../vision/faceDataset';
import { makeStillsClip } from '../vision/faceClip';
import { openHarnessSession, repoRoot } from '../vision/visionHarnessSession';

/**
 * `npm run bench:vision`: medians of detection, landmarks + embedding per face, end-to-end per frame with
 * 1/4/8 faces, sustained live-camera rate and memory for Booth's vision worker, and in the same run on the
 * same frames the same figures for @vladmandic/human (WASM backend), reported as ratios.
 */
const datasets = process.env.BOOTH_DATASETS ?? path.resolve(repoRoot, '../shared/datasets');
const lfw = path.join(datasets, 'faces-lfw');
if (!existsSync(lfw)) {
  console.error(`bench:vision needs ${lfw} (set BOOTH_DATASETS)`);
  process.exit(2);
}
const repeats = Number(process.env.BENCH_REPEATS ?? 15);
const liveMs = Number(process.env.BENCH_LIVE_MS ?? 8000);
/** WASM threads of our embedder (0 = automatic); a lever worth measuring on a shared machine. */
const threads = Number(process.env.BENCH_THREADS ?? 0);
/** BENCH_QUICK=1: our worker only, on the 640x480 frames, no peer, no live camera (for profiling runs). */
const quick = process.env.BENCH_QUICK === '1';
/** BENCH_CHROMIUM_ARGS="--flag --flag": extra Chromium switches, to measure a runtime setting before adopting it. */
const chromiumArgs = (process.env.BENCH_CHROMIUM_ARGS ?? '').split(/\s+/).filter(Boolean);

const outDir = path.join(repoRoot, 'dist/bench');
mkdirSync(outDir, { recursive: true });
const identities = await readIdentities(lfw);
const seen = new Set<string>();
const people = identities.filter((i) => !seen.has(i.identity) && seen.add(i.identity)).slice(0, 16);
const photos = people.map((i) => `/__dataset/faces-lfw/${i.path}`);
// The live camera: three travellers in turn at booth distance.
const clip = path.join(outDir, 'vision-camera.y4m');
makeStillsClip(people.slice(0, 3).map((p) => path.join(lfw, p.path)), clip);

const session = await openHarnessSession({
  datasetDir: datasets,
  extraArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${clip}`, '--enable-precise-memory-info', '--enable-blink-features=ForceEagerMeasureMemory', ...chromiumArgs],
  log: (line) => (line.includes('page error') || line.includes('vite') ? undefined : console.error(line)),
});
const peerFiles: Record<string, string> = {
  '/__peer/human/models/': path.join(repoRoot, 'node_modules/@vladmandic/human/models/'),
  '/__peer/tfjs/': path.join(repoRoot, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/'),
};
await session.page.route(`${session.baseUrl}/__peer/**`, async (route) => {
  const pathname = new URL(route.request().url()).pathname;
  const prefix = Object.keys(peerFiles).find((p) => pathname.startsWith(p));
  const file = prefix ? path.join(peerFiles[prefix] ?? '', path.basename(pathname)) : '';
  if (!prefix || !existsSync(file)) return route.fulfill({ status: 404 });
  const type = file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
  await route.fulfill({ status: 200, body: readFileSync(file), headers: { 'content-type': type } });
});

type Harness = Record<string, (...args: unknown[]) => Promise<unknown>>;
const call = <T>(method: string, ...args: unknown[]): Promise<T> =>
  session.page.evaluate(([m, a]) => ((globalThis as unknown as { boothVisionHarness: Harness }).boothVisionHarness[m as string] as (...x: unknown[]) => Promise<unknown>)(...(a as unknown[])), [method, args] as const) as Promise<T>;

interface Figures {
  frames: number;
  facesFound: number[];
  detectMs: number[];
  perFaceMs: number[];
  totalMs: number[];
  stagesMs?: Record<string, number[]>;
}
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? Number(((s.length % 2 ? s[s.length >> 1] : ((s[(s.length >> 1) - 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2) ?? NaN).toFixed(2)) : NaN;
};
const summary = (f: Figures) => ({
  frames: f.frames,
  medianFaces: median(f.facesFound),
  detectMs: median(f.detectMs),
  perFaceMs: median(f.perFaceMs),
  totalMs: median(f.totalMs),
  ...(f.stagesMs ? { stagesMs: Object.fromEntries(Object.entries(f.stagesMs).map(([stage, v]) => [stage, median(v)])) } : {}),
});

const specs = [
  { name: '640x480, 1 face', width: 640, height: 480, faces: 1 },
  { name: '1280x720, 1 face', width: 1280, height: 720, faces: 1 },
  { name: '640x480, 4 faces', width: 640, height: 480, faces: 4 },
  { name: '1280x720, 8 faces (tiled)', width: 1280, height: 720, faces: 8, tiled: true },
];

async function quickRun(): Promise<void> {
  // Minima as well as medians: on a shared machine other load only ever adds time, so A/B comparisons of
  // settings are steadier on the minima.
  const minimum = (v: number[]) => Number(Math.min(...v).toFixed(2));
  for (const spec of specs.filter((s) => s.width === 640)) {
    const f = await call<Figures>('benchOurs', photos, spec, repeats);
    const minStages = Object.fromEntries(Object.entries(f.stagesMs ?? {}).map(([stage, v]) => [stage, minimum(v)]));
    console.log(`${spec.name}: ${JSON.stringify(summary(f))}\n  minima: ${JSON.stringify({ detectMs: minimum(f.detectMs), perFaceMs: minimum(f.perFaceMs), totalMs: minimum(f.totalMs), stagesMs: minStages })}`);
  }
}

async function fullRun(info: Record<string, unknown>): Promise<void> {
  const peerBackend = await call<string>('initPeer');
  console.error(`peer @vladmandic/human backend: ${peerBackend}`);
  await call('benchPeer', photos, specs[0], 2); // warm-up
  const rows: Record<string, unknown>[] = [];
  for (const spec of specs) {
    // Interleave ours and the peer per spec so both see the same machine load.
    const ours = summary(await call<Figures>('benchOurs', photos, spec, repeats));
    const peer = summary(await call<Figures>('benchPeer', photos, spec, repeats));
    rows.push({ frame: spec.name, ours, peer, peerOverOursTotal: Number((peer.totalMs / ours.totalMs).toFixed(2)), peerOverOursDetect: Number((peer.detectMs / ours.detectMs).toFixed(2)) });
    console.error(`${spec.name}: ours ${JSON.stringify(ours)} | peer ${JSON.stringify(peer)}`);
  }
  const live = await call<Record<string, number | object>>('liveCamera', 'bench-live', liveMs);
  const livePeer = await call<{ processedPerSecond: number }>('livePeer', liveMs);
  const memory = await call<Record<string, number | null>>('memory');
  const report = {
    worker: info,
    repeats,
    perFrame: rows,
    live: {
      ours: live,
      peerProcessedPerSecond: Number(livePeer.processedPerSecond.toFixed(2)),
      // Ours is capped by the camera's frame rate; the peer's loop is not (it re-reads the current video frame).
      oursOverPeerThroughput: Number(((live.processedPerSecond as number) / livePeer.processedPerSecond).toFixed(2)),
      oursCapacityOverPeerThroughput: Number(((live.capacityPerSecond as number) / livePeer.processedPerSecond).toFixed(2)),
    },
    // In-page figures are null where Chromium does not offer them (performance.memory in a worker, the
    // cross-origin-isolated memory measurement headless); the OS figure is always there on Linux.
    memory: { workerResidentBytes, ...Object.fromEntries(Object.entries(memory).filter(([, bytes]) => bytes !== null)) },
  };
  writeFileSync(path.join(outDir, `vision-bench-threads${threads}.json`), JSON.stringify(report, null, 2));
  console.log(JSON.stringify(report, null, 2));
}

/**
 * The vision worker's memory as the OS sees it: renderer resident memory after the worker loaded its models and
 * ran 4-face frames, minus before it started (the peer library is loaded later, so it is not counted).
 */
let workerResidentBytes: number | null = null;

try {
  const before = await session.rendererResidentBytes();
  const info = await call<Record<string, unknown>>('init', { threads });
  console.error(`booth worker: ${JSON.stringify(info)}`);
  await call('benchOurs', photos, specs[0], 3); // warm-up
  await call('benchOurs', photos, specs[2], 3);
  const after = await session.rendererResidentBytes();
  workerResidentBytes = before !== null && after !== null ? after - before : null;
  console.error(`renderer resident memory: ${before} bytes before the worker, ${after} after (${workerResidentBytes} for the worker)`);
  await (quick ? quickRun() : fullRun(info));
} finally {
  await session.close();
}
