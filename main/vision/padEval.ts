import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import * as ort from 'onnxruntime-web';
import { z } from 'zod';
import type { Box } from '../../app/biometrics/geometry';
import { parsePadManifest, type PadManifest } from '../../app/biometrics/modelManifest';
import { bonaFideScore, padInputTensor } from '../../app/biometrics/padInput';
import { operatingPoint, separation } from '../../app/biometrics/padMetrics';
import { attackKinds, presentationAttack, type RgbImage } from '../../app/biometrics/presentationAttacks';
import { prepareManifestModel } from '../build/prepareManifestModel';
import { readIdentities } from './faceDataset';
import { writeOutputFile } from './outputFile';
import { repoRoot } from './visionHarnessSession';

const run = promisify(execFile);

/**
 * `booth faces pad-eval`: measures a presentation-attack detector (a PAD manifest) on what the project can get
 * here. Bona fide: LFW photos and frames of the face videos; attacks: each LFW photo re-rendered as a print and as
 * a screen replay (app/biometrics/presentationAttacks.ts). Reports, in ISO/IEC 30107-3 terms, the APCER per attack
 * kind at BPCER 1 % and 5 %, and how well each of the model's outputs separates bona fide from attacks (AUC;
 * 0.5 is chance), so a model whose outputs are undocumented can be inspected before it is trusted.
 *
 * Faces are framed without the detector: LFW photos are centred on their face (a fixed central box), video frames
 * use a central box a third of the frame; with the manifest's crop scale the crop covers most of the image anyway.
 */
export const padEvalOptions = z.object({
  manifest: z.string().min(1),
  dataset: z.string().min(1),
  videos: z.string().optional(),
  limit: z.coerce.number().int().positive(),
  videoFrames: z.coerce.number().int().min(0).max(200),
  out: z.string().optional(),
});
export type PadEvalOptions = z.infer<typeof padEvalOptions>;

export const SHIPPED_PAD_MANIFEST = path.join(repoRoot, 'assets/models/fr_liveness.json');

async function decode(file: string, filter: string, width: number, height: number, frames = 1): Promise<RgbImage[]> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-vf', `${filter}scale=${width}:${height}`, '-frames:v', String(frames), '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 });
  const size = width * height * 3;
  const images: RgbImage[] = [];
  for (let offset = 0; offset + size <= stdout.length; offset += size) images.push({ width, height, data: new Uint8ClampedArray(stdout.subarray(offset, offset + size)) });
  return images;
}

interface Scored {
  readonly outputs: number[];
  readonly score: number;
}

export async function runPadEval(options: PadEvalOptions): Promise<void> {
  const log = (line: string) => console.error(`[faces pad-eval] ${line}`);
  const manifestPath = path.resolve(options.manifest);
  const manifest: PadManifest = parsePadManifest(JSON.parse(await readFile(manifestPath, 'utf8')), manifestPath);
  const prepared = await prepareManifestModel({ manifestPath, manifest, modulesDir: path.join(repoRoot, 'node_modules'), requireSha256: false });
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(prepared.bytes, { executionProviders: ['wasm'] });
  const [width, height] = manifest.inputSize;
  const dims = manifest.layout === 'NCHW' ? [1, 3, height, width] : [1, height, width, 3];
  const score = async (image: RgbImage, box: Box): Promise<Scored> => {
    const output = await session.run({ [manifest.inputName]: new ort.Tensor('float32', padInputTensor(image, box, manifest), dims) });
    const values = Array.from(output[manifest.outputName]?.data as Float32Array);
    return { outputs: values, score: bonaFideScore(values, manifest.score) };
  };
  log(`model ${manifest.id} (${manifestPath}, SHA-256 ${prepared.sourceSha256.slice(0, 12)}…${manifest.calibration ? '' : ', uncalibrated'})`);

  const identities = await readIdentities(options.dataset);
  const stride = Math.max(1, Math.floor(identities.length / options.limit));
  const photos = identities.filter((_, i) => i % stride === 0).slice(0, options.limit);
  const lfwBox: Box = { x: 75, y: 70, width: 100, height: 115 };
  const bonaFide: Scored[] = [];
  const attacks: Record<string, Scored[]> = Object.fromEntries(attackKinds.map((k) => [k, []]));
  for (const [index, photo] of photos.entries()) {
    const [image] = await decode(path.join(options.dataset, photo.path), '', 250, 250);
    if (!image) continue;
    bonaFide.push(await score(image, lfwBox));
    for (const kind of attackKinds) attacks[kind]?.push(await score(presentationAttack(kind, image, index + 1), lfwBox));
    if ((index + 1) % 50 === 0) log(`${index + 1}/${photos.length} photos`);
  }
  const videoScores: Scored[] = [];
  if (options.videos && options.videoFrames > 0) {
    for (const name of (await readdir(options.videos)).filter((n) => n.endsWith('.mp4')).sort()) {
      const frames = await decode(path.join(options.videos, name), 'fps=4,', 320, 180, options.videoFrames);
      for (const frame of frames) videoScores.push(await score(frame, { x: 320 / 3, y: 180 / 3 - 10, width: 320 / 3, height: 180 / 3 + 20 }));
      log(`${name}: ${frames.length} frames`);
    }
  }
  const allBonaFide = [...bonaFide, ...videoScores];
  const attackScores = Object.fromEntries(Object.entries(attacks).map(([k, v]) => [k, v.map((s) => s.score)]));
  const outputCount = allBonaFide[0]?.outputs.length ?? 0;
  // Each output taken as the bona fide class (softmax): which one, if any, tells bona fide from attacks.
  const byOutput = Array.from({ length: outputCount }, (_, k) => {
    const as = (s: Scored) => bonaFideScore(s.outputs, { activation: manifest.score.activation, bonaFideIndex: k });
    const attacked = Object.values(attacks).flat().map(as);
    return { output: k, auc: Number(separation(allBonaFide.map(as), attacked).toFixed(3)), meanBonaFide: Number(mean(allBonaFide.map(as)).toFixed(3)), meanAttack: Number(mean(attacked).toFixed(3)) };
  });
  const points = [0.01, 0.05].map((bpcer) => operatingPoint(allBonaFide.map((s) => s.score), attackScores, bpcer));
  const auc = separation(allBonaFide.map((s) => s.score), Object.values(attackScores).flat());
  const report = {
    model: { manifest: manifestPath, id: manifest.id, sha256: prepared.sourceSha256, bonaFideIndex: manifest.score.bonaFideIndex },
    bonaFide: { lfwPhotos: bonaFide.length, videoFrames: videoScores.length },
    attacks: Object.fromEntries(Object.entries(attacks).map(([k, v]) => [k, v.length])),
    auc: Number(auc.toFixed(3)),
    byOutput,
    operatingPoints: points,
    verdict: padVerdict(auc, points),
  };
  if (options.out) {
    await writeOutputFile(options.out, JSON.stringify(report, null, 2));
  }
  console.log(`${manifest.id}: ${allBonaFide.length} bona fide (${bonaFide.length} LFW photos, ${videoScores.length} video frames), attacks ${Object.entries(attacks).map(([k, v]) => `${v.length} ${k}`).join(', ')}`);
  console.log('BPCER target | threshold | BPCER | ' + attackKinds.map((k) => `APCER ${k}`).join(' | ') + ' | APCER max');
  for (const p of points) console.log(`${pct(p.targetBpcer)} | ${p.threshold.toFixed(4)} | ${pct(p.bpcer)} | ${attackKinds.map((k) => pct(p.apcer[k] ?? NaN)).join(' | ')} | ${pct(p.maxApcer)}`);
  console.log(`AUC bona fide vs attacks: ${auc.toFixed(3)} (0.5 = chance); per output: ${byOutput.map((o) => `#${o.output} ${o.auc}`).join(', ')}`);
  console.log(report.verdict);
}

/**
 * Whether the model is worth turning on: it must beat chance clearly and, at BPCER 5 %, stop most attacks of every
 * kind. A model that lets half of some kind through at that point would be a silent pass in disguise.
 */
function padVerdict(auc: number, points: readonly { targetBpcer: number; maxApcer: number }[]): string {
  const at5 = points.find((p) => p.targetBpcer === 0.05)?.maxApcer ?? 1;
  if (auc < 0.6) return `no better than chance (AUC ${auc.toFixed(3)}): PAD stays off`;
  if (at5 >= 0.5) return `separates weakly (AUC ${auc.toFixed(3)}) but lets ${pct(at5)} of some attack kind through at BPCER 5 %: PAD stays off`;
  return `separates (AUC ${auc.toFixed(3)}, APCER max ${pct(at5)} at BPCER 5 %): can be calibrated and turned on`;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
const pct = (value: number) => (Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(1)} %`);
