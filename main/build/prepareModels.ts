import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAnyModelManifest } from '../../app/biometrics/modelManifest';
import { modelSourcePath, prepareManifestModel } from './prepareManifestModel';

/**
 * Install-time preparation of the vision assets (`npm run prepare:assets`, run by postinstall): the model of each
 * shipped manifest (assets/models/*.json), found, checked against its SHA-256 and prepared by the step a booth's
 * configured models go through at start (prepareManifestModel.ts), and the WASM runtimes, into assets/generated/
 * (served at / by vite and the host). Offline, idempotent: a stamp records what each output was made from, and an output whose sources did
 * not change is skipped.
 */

/** Bump when the way an output is derived changes, so stale outputs are rebuilt. */
const RECIPE_VERSION = 4;
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
  readonly make: (sources: readonly string[]) => Promise<Uint8Array | 'copy'>;
}

export const MODIFICATION_NOTICE = `The files face_detection_short_range.tflite and face_detection_full_range.tflite in this folder are
modified copies of the files of the same name in the npm package @mediapipe/face_detection
(Copyright The MediaPipe Authors), licensed under the Apache License, Version 2.0
(http://www.apache.org/licenses/LICENSE-2.0).

Modification (Apache-2.0 section 4(b)): Booth's install step (main/build/prepareModels.ts) attached a
TFLite ModelMetadata flatbuffer (image input, RGB, NormalizationOptions mean 127.5 / std 127.5) as the
model's TFLITE_METADATA buffer, by prepending a new root Model table. The graph and weights are unchanged.
`;

/** The shipped manifests (assets/models/*.json): each model is prepared by the step any manifest goes through. */
async function manifestJobs(repoRoot: string): Promise<Job[]> {
  const folder = path.join(repoRoot, 'assets/models');
  const modulesDir = path.join(repoRoot, 'node_modules');
  const names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const manifestPath = path.join(folder, name);
      const manifest = parseAnyModelManifest(JSON.parse(await readFile(manifestPath, 'utf8')), `assets/models/${name}`);
      return {
        output: manifest.file,
        sources: [manifestPath, modelSourcePath(manifestPath, manifest, modulesDir).file],
        make: async () => (await prepareManifestModel({ manifestPath, manifest, modulesDir, requireSha256: true })).bytes,
      };
    }),
  );
}

async function directoryJobs(from: string, outputDir: string, keep: (name: string) => boolean): Promise<Job[]> {
  const names = (await readdir(from)).filter(keep).sort();
  return names.map((name) => ({ output: `${outputDir}/${name}`, sources: [path.join(from, name)], make: async () => 'copy' as const }));
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
    ...(await manifestJobs(options.repoRoot)),
    { output: 'models/NOTICE-mediapipe-face-detection.txt', sources: [], make: async () => new TextEncoder().encode(MODIFICATION_NOTICE) },
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
    const made = await job.make(job.sources);
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
