import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { attachModelMetadata, buildImageInputMetadata } from './tfliteMetadata';
import { withDynamicBatch } from './onnxDynamicBatch';

/**
 * Install-time preparation of the vision assets (`npm run prepare:assets`, run by postinstall): copies the face
 * models and the WASM runtimes from node_modules into assets/generated/ (served at / by vite and the host),
 * attaching the TFLite metadata the BlazeFace models lack and letting the faceplugin models take a batch of
 * faces. Offline, idempotent: a stamp records what each output was made from, and an output whose sources did
 * not change is skipped.
 */

/** Bump when the way an output is derived changes, so stale outputs are rebuilt. */
const RECIPE_VERSION = 3;
const STAMP_FILE = '.prepared.json';

export interface PrepareOptions {
  readonly repoRoot: string;
  /** Defaults to `<repoRoot>/assets/generated`. */
  readonly outDir?: string;
  readonly log?: (line: string) => void;
}

export interface PrepareReport {
  readonly written: readonly string[];
  readonly skipped: readonly string[];
}

interface Job {
  /** Output path relative to outDir. */
  readonly output: string;
  readonly sources: readonly string[];
  readonly make: (sources: readonly Uint8Array[]) => Uint8Array | 'copy';
}

const blazeFaceMetadata = (name: string) =>
  buildImageInputMetadata({
    name,
    description: 'BlazeFace face detector from @mediapipe/face_detection with image-input metadata attached by Booth.',
    version: '0.4.1657300184+booth.1',
    inputTensorName: 'input',
    mean: [127.5],
    std: [127.5],
  });

export const MODIFICATION_NOTICE = `The files face_detection_short_range.tflite and face_detection_full_range.tflite in this folder are
modified copies of the files of the same name in the npm package @mediapipe/face_detection
(Copyright The MediaPipe Authors), licensed under the Apache License, Version 2.0
(http://www.apache.org/licenses/LICENSE-2.0).

Modification (Apache-2.0 section 4(b)): Booth's install step (main/build/prepareModels.ts) attached a
TFLite ModelMetadata flatbuffer (image input, RGB, NormalizationOptions mean 127.5 / std 127.5) as the
model's TFLITE_METADATA buffer, by prepending a new root Model table. The graph and weights are unchanged.
`;

function jobs(repoRoot: string): Job[] {
  const modules = path.join(repoRoot, 'node_modules');
  const faceDetection = path.join(modules, '@mediapipe/face_detection');
  const faceplugin = path.join(modules, 'faceplugin-face-recognition-js/model');
  const patch = (name: string): Job => ({
    output: `models/${name}.tflite`,
    sources: [path.join(faceDetection, `${name}.tflite`)],
    make: ([model]) => attachModelMetadata(model ?? new Uint8Array(0), blazeFaceMetadata(name)),
  });
  const batchable = (from: string, output: string): Job => ({ output, sources: [from], make: ([model]) => withDynamicBatch(model ?? new Uint8Array(0), path.basename(from)) });
  return [
    patch('face_detection_short_range'),
    patch('face_detection_full_range'),
    { output: 'models/NOTICE-mediapipe-face-detection.txt', sources: [], make: () => new TextEncoder().encode(MODIFICATION_NOTICE) },
    batchable(path.join(faceplugin, 'fr_landmark.onnx'), 'models/fr_landmark.onnx'),
    batchable(path.join(faceplugin, 'fr_feature.onnx'), 'models/fr_feature.onnx'),
  ];
}

async function directoryJobs(from: string, outputDir: string, keep: (name: string) => boolean): Promise<Job[]> {
  const names = (await readdir(from)).filter(keep).sort();
  return names.map((name) => ({ output: `${outputDir}/${name}`, sources: [path.join(from, name)], make: () => 'copy' as const }));
}

async function fingerprint(sources: readonly string[]): Promise<string> {
  const hash = createHash('sha256').update(`recipe:${RECIPE_VERSION}`);
  for (const source of sources) {
    const info = await stat(source);
    hash.update(`${source}:${info.size}:${info.mtimeMs}`);
  }
  return hash.digest('hex');
}

async function readStamp(file: string): Promise<Record<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

export async function prepareModels(options: PrepareOptions): Promise<PrepareReport> {
  const outDir = options.outDir ?? path.join(options.repoRoot, 'assets/generated');
  const log = options.log ?? (() => undefined);
  const modules = path.join(options.repoRoot, 'node_modules');
  const all = [
    ...jobs(options.repoRoot),
    ...(await directoryJobs(path.join(modules, '@mediapipe/tasks-vision/wasm'), 'wasm/mediapipe', (n) => /\.(js|wasm)$/.test(n))),
    ...(await directoryJobs(path.join(modules, 'onnxruntime-web/dist'), 'wasm/ort', (n) => /^ort-wasm-simd-threaded(\.jsep|\.asyncify)?\.(mjs|wasm)$/.test(n))),
  ];
  const stampFile = path.join(outDir, STAMP_FILE);
  const stamp = await readStamp(stampFile);
  const written: string[] = [];
  const skipped: string[] = [];
  for (const job of all) {
    const target = path.join(outDir, job.output);
    const print = await fingerprint(job.sources);
    if (stamp[job.output] === print && (await exists(target))) {
      skipped.push(job.output);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    const made = job.make(await Promise.all(job.sources.map(async (s) => new Uint8Array(await readFile(s)))));
    if (made === 'copy') await copyFile(job.sources[0] ?? '', target);
    else await writeFile(target, made);
    stamp[job.output] = print;
    written.push(job.output);
    log(`prepared ${job.output}`);
  }
  await writeFile(stampFile, JSON.stringify(stamp, null, 2));
  return { written, skipped };
}

const isEntryPoint = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const started = performance.now();
  const report = await prepareModels({ repoRoot, log: (line) => console.log(line) });
  console.log(`prepare:assets: ${report.written.length} written, ${report.skipped.length} up to date (${Math.round(performance.now() - started)} ms)`);
}
