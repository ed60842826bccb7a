import path from 'node:path';
import { z } from 'zod';
import { readIdentities, readPairs } from './faceDataset';
import type { LabelledPair } from './faceDataset';
import { allPairScores, calibrationFrom, embedImages, lfwTenFold, summariseAllPairs, timingSummary } from './faceEvaluation';
import type { ImageFace } from './faceEvaluation';
import { facenessCalibrationFrom, facenessReport, measureNonFaces } from './facenessEvaluation';
import { SHIPPED_EMBEDDER_MANIFEST, loadEmbedderUnderTest, serveEmbedder } from './embedderUnderTest';
import { applyCalibration } from './facesCalibrate';
import { measuredModelOf } from './calibrationTarget';
import { writeFacesFile } from './facesFile';
import { writeOutputFile } from './outputFile';
import { acquisitionProblem } from './acquisitionProblem';
import { openHarnessSession } from './visionHarnessSession';

/**
 * `booth faces eval`: measures the face pipeline on a labelled dataset with the app's own vision worker in
 * headless Chromium, with any embedder manifest (`--manifest`, default the shipped one), writes a JSON report
 * (and a DET/histogram PNG) with the match calibration and the face-ness threshold, and can store them in
 * that manifest (`--calibrate`).
 */
export const evalOptions = z.object({
  dataset: z.string().min(1),
  pairs: z.string().optional(),
  protocol: z.enum(['lfw', 'all-pairs']),
  select: z.enum(['central', 'largest']),
  out: z.string().min(1),
  plot: z.string().optional(),
  limit: z.coerce.number().int().positive().optional(),
  /** Flip test-time augmentation; unset: as the embedder manifest ships (`flipAugmentation`). */
  flip: z.boolean().optional(),
  landmarkBoxScale: z.coerce.number().positive().optional(),
  landmarkPasses: z.coerce.number().int().min(1).max(3).optional(),
  threads: z.coerce.number().int().min(0).max(16),
  /** The embedder manifest to evaluate; default: the shipped one. */
  manifest: z.string().optional(),
  /** Store the calibration in that manifest after a full, truthful run. */
  calibrate: z.boolean().optional(),
  /** Largest failure-to-acquire rate (0..1) the run may have and still exit 0. */
  maxFta: z.coerce.number().min(0).max(1).optional(),
  faces: z.string().optional(),
  json: z.boolean().optional(),
  nonFaces: z.coerce.number().int().min(1).max(1000),
  cameraFrames: z.coerce.number().int().min(0).max(200),
});

export type EvalOptions = z.infer<typeof evalOptions>;

function limitImages(all: readonly string[], pairs: readonly LabelledPair[], limit: number | undefined, protocol: EvalOptions['protocol']): { images: string[]; pairs: LabelledPair[] } {
  if (limit === undefined) return { images: [...all], pairs: [...pairs] };
  if (protocol === 'all-pairs' || pairs.length === 0) return { images: all.slice(0, limit), pairs: [] };
  // Take pairs spread over all folds until the image budget is used.
  const stride = Math.max(1, Math.floor(pairs.length / Math.max(1, Math.floor(limit / 2))));
  const chosen = new Set<string>();
  const kept: LabelledPair[] = [];
  for (let i = 0; i < pairs.length && chosen.size < limit; i += stride) {
    const p = pairs[i];
    if (!p) continue;
    chosen.add(p.path1);
    chosen.add(p.path2);
    kept.push(p);
  }
  return { images: all.filter((p) => chosen.has(p)), pairs: kept };
}

/** How many of the dataset's faces each reference-gate reason (and any reason) would refuse. */
function referenceGateSummary(faces: readonly ImageFace[]) {
  const byReason: Record<string, number> = {};
  let refused = 0;
  for (const face of faces) {
    const reasons = face.reasons ?? [];
    if (reasons.length) refused++;
    for (const reason of reasons) byReason[reason] = (byReason[reason] ?? 0) + 1;
  }
  const interEye = faces.map((f) => f.interEyePx).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  const at = (q: number) => Number((interEye[Math.floor(q * (interEye.length - 1))] ?? NaN).toFixed(1));
  return { measured: faces.filter((f) => f.reasons !== undefined).length, refused, byReason, interEyePx: { p01: at(0.01), p05: at(0.05), p50: at(0.5) } };
}

export async function runEval(requested: EvalOptions): Promise<void> {
  const log = (line: string) => console.error(`[faces eval] ${line}`);
  const embedder = await loadEmbedderUnderTest(requested.manifest ?? SHIPPED_EMBEDDER_MANIFEST);
  const manifest = embedder.manifest;
  log(`embedder ${manifest.id} ${manifest.version} (${embedder.manifestPath}, model SHA-256 ${embedder.sha256.slice(0, 12)}…${manifest.calibration ? '' : ', uncalibrated'})`);
  // Without --flip/--no-flip the eval measures the pipeline as it ships.
  const options = { ...requested, flip: requested.flip ?? manifest.flipAugmentation };
  const labelled = await readIdentities(options.dataset);
  const pairsFile = options.pairs ?? (options.protocol === 'lfw' ? path.join(options.dataset, 'pairs.csv') : undefined);
  const allPairs = pairsFile ? await readPairs(pairsFile) : [];
  if (options.protocol === 'lfw' && allPairs.length === 0) throw new Error('--protocol lfw needs pairs (pairs.csv)');
  const identityOf = new Map(labelled.map((l) => [l.path, l.identity]));
  for (const p of allPairs) {
    for (const file of [p.path1, p.path2]) if (!identityOf.has(file)) throw new Error(`${pairsFile}: ${file} is not listed in identities.csv`);
  }
  const { images, pairs } = limitImages(labelled.map((l) => l.path), allPairs, options.limit, options.protocol);
  log(`${images.length} images, ${pairs.length} pairs (${options.protocol}, select ${options.select}, flip ${options.flip})`);

  // The fake camera's own test pattern is one of the non-faces the face-ness threshold is measured against.
  const session = await openHarnessSession({ datasetDir: options.dataset, log, extraArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
  try {
    await serveEmbedder(session.page, embedder);
    const started = Date.now();
    const result = await embedImages(session, images, {
      select: options.select,
      flip: options.flip,
      landmarkBoxScale: options.landmarkBoxScale,
      landmarkPasses: options.landmarkPasses,
      threads: options.threads,
      batchSize: 50,
      embedderManifest: embedder.served,
      log,
    });
    const wallSeconds = (Date.now() - started) / 1000;
    const upsideDown = images.filter((_, i) => i % Math.max(1, Math.floor(images.length / 100)) === 0).slice(0, 100);
    const nonFaces = await measureNonFaces(session, { perKind: options.nonFaces, cameraFrames: options.cameraFrames, upsideDown, log });
    const faceness = facenessReport(result.faces, nonFaces);
    log(`face-ness: min raw norm ${faceness.minRawNorm}, LFW faces rejected ${faceness.facesRejected}/${faceness.facesMeasured}, non-face crops passing ${faceness.nonFaceCropsPassed}/${faceness.nonFaceCropsMeasured}`);
    if (options.faces) {
      const made = { preparedSha256: embedder.preparedSha256, select: options.select, flip: options.flip, landmarkBoxScale: options.landmarkBoxScale ?? null, landmarkPasses: options.landmarkPasses ?? null };
      await writeFacesFile(options.faces, made, images, identityOf, result);
    }
    const index = new Map(images.map((p, i) => [p, i]));
    const scores = allPairScores(images.map((p) => ({ path: p, identity: identityOf.get(p) ?? '' })), result.embeddings);
    const allVsAll = summariseAllPairs(scores);
    const date = new Date().toISOString().slice(0, 10);
    const calibrationVersion = `lfw-all-pairs-${date}-${options.select}${options.flip ? '-flip' : ''}`;
    const calibration = calibrationFrom(
      scores,
      calibrationVersion,
      `npx booth faces eval --dataset faces-lfw --protocol ${options.protocol} --select ${options.select}${options.flip ? '' : ' --no-flip'}: ${images.length} images, ${scores.genuine.length} genuine / ${scores.impostor.length} impostor pairs, failures to acquire counted as non-matches`,
    );
    const report = {
      dataset: path.resolve(options.dataset),
      protocol: options.protocol,
      select: options.select,
      flip: options.flip,
      landmarkBoxScale: options.landmarkBoxScale ?? null,
      landmarkPasses: options.landmarkPasses ?? null,
      limit: options.limit ?? null,
      model: { ...measuredModelOf(embedder), calibrated: manifest.calibration !== undefined, layout: manifest.layout, colourOrder: manifest.colourOrder },
      worker: result.init,
      images: images.length,
      imagesWithSeveralFaces: result.multiFace,
      failuresToAcquire: { count: result.failures.length, rate: result.failures.length / Math.max(images.length, 1), images: result.failures },
      allPairs: allVsAll,
      lfw: options.protocol === 'lfw' ? lfwTenFold(pairs, index, result.embeddings) : null,
      timing: { ...timingSummary(result.timings), wallSeconds: Number(wallSeconds.toFixed(1)) },
      /** Reasons the dataset's faces would be refused as references (the reference gate), by reason. */
      referenceGate: referenceGateSummary(result.faces),
      faceness,
      /** The full calibration, so a report can be applied to a manifest later (`booth faces calibrate`). */
      calibration,
      facenessCalibration: facenessCalibrationFrom(
        faceness,
        `faceness-${date}`,
        `npx booth faces eval --dataset faces-lfw --non-faces ${options.nonFaces} --camera-frames ${options.cameraFrames}: raw norms of ${faceness.facesMeasured} LFW faces vs ${faceness.nonFaceCropsMeasured} non-face crops drawn by renderer/vision/harness/nonFaceImages.ts, threshold at most ${faceness.maxFaceRejectionRate * 100} % faces rejected`,
      ),
    };
    await writeOutputFile(options.out, JSON.stringify(report, null, 2));
    log(`report written to ${options.out}`);
    if (options.plot) {
      const markers = Object.entries(allVsAll.fnmrAtFmr).map(([label, p]) => ({ label: `FMR ${label}: FNMR ${(p.fnmr * 100).toFixed(2)}%`, fmr: p.fmr, fnmr: p.fnmr }));
      const png = await session.page.evaluate(
        (spec) => (globalThis as unknown as { boothVisionHarness: { plot(s: unknown): Promise<string> } }).boothVisionHarness.plot(spec),
        { title: `${manifest.id}: ${images.length} images, EER ${(allVsAll.eer * 100).toFixed(2)}%${report.lfw ? `, LFW 10-fold ${(report.lfw.accuracy * 100).toFixed(2)}%` : ''}`, curve: scores.curve(80), histogram: allVsAll.histogram, markers },
      );
      await writeOutputFile(options.plot, Buffer.from(png, 'base64'));
      log(`plot written to ${options.plot}`);
    }
    const untruthful = acquisitionProblem(result.failures, images.length, options.maxFta);
    if (untruthful) {
      console.error(`faces eval: ${untruthful}`);
      process.exitCode = 1;
    } else if (options.calibrate) await applyCalibration(options.out);
    const { histogram: _histogram, ...printable } = allVsAll;
    const { byKind, ...facenessSummary } = faceness;
    console.log(JSON.stringify(options.json ? report : { images: report.images, failuresToAcquire: report.failuresToAcquire.count, lfw: report.lfw, allPairs: printable, faceness: facenessSummary, nonFacesByKind: byKind, referenceGate: report.referenceGate, timing: report.timing }, null, 2));
  } finally {
    await session.close();
  }
}
