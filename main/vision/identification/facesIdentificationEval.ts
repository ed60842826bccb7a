import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fusionRuleSchema, scoreNormalisationSchema } from '../../../app/biometrics/identification/searchPipeline';
import type { SearchPipeline } from '../../../app/biometrics/identification/searchPipeline';
import { measuredModelOf } from '../calibrationTarget';
import type { FacesFileMade } from '../facesFile';
import { readFacesFile } from '../facesFile';
import { writeOutputFile } from '../outputFile';
import { readIdentities } from '../faceDataset';
import { embedImages } from '../faceEvaluation';
import type { EmbedderUnderTest } from '../embedderUnderTest';
import { SHIPPED_EMBEDDER_MANIFEST, loadEmbedderUnderTest, serveEmbedder } from '../embedderUnderTest';
import type { HarnessSession } from '../visionHarnessSession';
import { openHarnessSession, repoRoot } from '../visionHarnessSession';
import type { CachedFace } from './embeddingCache';
import { cacheKey, readCache, writeCache } from './embeddingCache';
import { harnessGallerySearcher } from './harnessGallerySearcher';
import { FPIR_TARGETS, identificationCalibrationFrom, summariseSearches } from './identificationMetrics';
import type { EnrolmentMode } from './identificationProtocol';
import { buildProtocol } from './identificationProtocol';
import { runProtocol } from './identificationRun';

/**
 * `booth faces eval --protocol identification`: 1:N identification measured with the booth's vision worker in
 * headless Chromium (embedding and gallery search alike), for one gallery size: the base protocol (one image
 * enrolled per identity) and the exit lane's (every image the gallery holds for a traveller but the probe),
 * each through the baseline search (best template, raw score) and each pipeline lever. FNIR at FPIR 1e-2,
 * 3e-3, 1e-3, rank-1 rate, failures to acquire (misses), search time per probe in the worker; the report carries
 * the FPIR table of the chosen pipeline that `booth faces calibrate --report` stores in the manifest.
 */
export const identificationEvalOptions = z.object({
  dataset: z.string().min(1),
  out: z.string().min(1),
  gallerySize: z.coerce.number().int().positive(),
  nonMated: z.coerce.number().gt(0).max(1).default(1),
  rounds: z.coerce.number().int().min(1).max(10).default(3),
  fusion: fusionRuleSchema.default('centroid'),
  normalisation: scoreNormalisationSchema.default('none'),
  ambiguityMargin: z.coerce.number().min(0).max(1).default(0.02),
  select: z.enum(['central', 'largest']).default('central'),
  threads: z.coerce.number().int().min(0).max(16).default(0),
  manifest: z.string().optional(),
  cache: z.boolean().default(true),
  /** Embeddings written by `faces eval --faces` for this model (JSON lines: path, embedding base64, qualityScore). */
  facesFrom: z.string().optional(),
  json: z.boolean().optional(),
});

export type IdentificationEvalOptions = z.infer<typeof identificationEvalOptions>;

/** The baseline first, then each lever alone, then the levers together. */
export const PIPELINES: readonly SearchPipeline[] = [
  { fusion: 'max', normalisation: 'none' },
  { fusion: 'max', normalisation: 'z-norm' },
  { fusion: 'quality-weighted', normalisation: 'none' },
  { fusion: 'top2-mean', normalisation: 'none' },
  { fusion: 'centroid', normalisation: 'none' },
  { fusion: 'centroid', normalisation: 'z-norm' },
];

const ENROLMENTS: readonly EnrolmentMode[] = ['single', 'all-but-probe'];

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(4));
};

async function datasetFaces(session: () => Promise<HarnessSession>, options: IdentificationEvalOptions, images: readonly { path: string }[], key: string, embedder: EmbedderUnderTest, flip: boolean, log: (line: string) => void): Promise<CachedFace[]> {
  const embedderManifest = embedder.served;
  // This eval embeds with the default landmark options (its report says so: landmarkBoxScale/landmarkPasses null).
  if (options.facesFrom) return importFaces(options.facesFrom, images, { preparedSha256: embedder.preparedSha256, select: options.select, flip, landmarkBoxScale: null, landmarkPasses: null }, log);
  const cached = options.cache ? await readCache(key, images as { path: string; identity: string }[]) : null;
  if (cached) {
    log(`embeddings from the cache (${key}): ${cached.length} images`);
    return cached;
  }
  const result = await embedImages(await session(), images.map((i) => i.path), { select: options.select, flip, threads: options.threads, batchSize: 50, embedderManifest, log });
  const failures = new Map(result.failures.map((f) => [f.path, f.error]));
  const faces = images.map((image, i) => {
    const error = failures.get(image.path);
    return { path: image.path, embedding: result.embeddings[i] ?? null, quality: result.faces[i]?.qualityScore ?? 0, ...(error ? { error } : {}) };
  });
  const file = await writeCache(key, faces);
  log(`embeddings cached in ${path.relative(repoRoot, file)}`);
  return faces;
}

/** Faces a `faces eval --faces` run of this model and pipeline wrote (facesFile.ts refuses any other). */
async function importFaces(file: string, images: readonly { path: string }[], made: FacesFileMade, log: (line: string) => void): Promise<CachedFace[]> {
  const faces = await readFacesFile(file, images, made);
  log(`embeddings from ${file} (faces eval --faces): ${faces.length} images${faces.some((f) => f.quality !== 1) ? '' : ', no quality scores (quality weighting sees every photo alike)'}`);
  return faces;
}

export async function runIdentificationEval(options: IdentificationEvalOptions): Promise<void> {
  const log = (line: string) => console.error(`[faces eval identification] ${line}`);
  const embedder = await loadEmbedderUnderTest(options.manifest ?? SHIPPED_EMBEDDER_MANIFEST);
  const manifest = embedder.manifest;
  const flip = manifest.flipAugmentation;
  const images = await readIdentities(options.dataset);
  const landmarker = await readFile(path.join(repoRoot, 'assets/models/fr_landmark.json'), 'utf8');
  const identitiesCsv = await readFile(path.join(options.dataset, 'identities.csv'), 'utf8');
  const { calibration: _c, faceness: _f, identification: _i, ...embedderInput } = manifest;
  // The bytes the worker ran: a manifest change that alters preparation (negligibleWeight) makes other embeddings.
  const key = cacheKey([embedder.preparedSha256, embedderInput, landmarker, options.select, flip, identitiesCsv]);
  let opened: HarnessSession | undefined;
  const session = async () => {
    if (!opened) {
      opened = await openHarnessSession({ datasetDir: options.dataset, log });
      await serveEmbedder(opened.page, embedder);
      const init = await opened.page.evaluate(
        (config) => (globalThis as unknown as { boothVisionHarness: { init(c: unknown): Promise<unknown> } }).boothVisionHarness.init(config),
        { backend: 'wasm', threads: options.threads, flipAugmentation: flip, embedderManifest: embedder.served },
      );
      log(`worker ready: ${JSON.stringify(init)}`);
    }
    return opened;
  };
  try {
    const faces = await datasetFaces(session, options, images, key, embedder, flip, log);
    const failures = faces.filter((f) => f.embedding === null);
    const dataset = { identityOf: (i: number) => images[i]?.identity ?? '', embedding: (i: number) => faces[i]?.embedding ?? undefined, quality: (i: number) => faces[i]?.quality ?? 0 };
    const searcher = harnessGallerySearcher(await session());
    const variants = [];
    let calibrationSource: { nonMated: number[]; mated: number; galleryIdentities: number } | undefined;
    let protocolSize = { galleryIdentities: 0, datasetIdentities: 0 };
    for (const enrolment of ENROLMENTS) {
      const protocol = buildProtocol(images, { galleryIdentities: options.gallerySize, enrolment, rounds: options.rounds, nonMatedFraction: options.nonMated, seed: 'booth-identification' });
      protocolSize = { galleryIdentities: protocol.galleryIdentities, datasetIdentities: protocol.datasetIdentities };
      log(`${enrolment}: gallery of ${protocol.galleryIdentities} identities (asked ${options.gallerySize}, the dataset has ${protocol.datasetIdentities}), ${options.rounds} rounds`);
      const pipelines = PIPELINES.some((p) => p.fusion === options.fusion && p.normalisation === options.normalisation) ? PIPELINES : [...PIPELINES, { fusion: options.fusion, normalisation: options.normalisation }];
      const results = await runProtocol(protocol, dataset, searcher, pipelines, log);
      for (const [k, pipeline] of pipelines.entries()) {
        const searches = results[k];
        if (!searches) continue;
        const summary = summariseSearches(searches.mated, searches.nonMatedTopScores, options.ambiguityMargin);
        variants.push({ enrolment, pipeline, ...summary, leaveOneOutSearches: searches.leaveOneOut, searchMs: { median: quantile(searches.searchMs, 0.5), p95: quantile(searches.searchMs, 0.95) } });
        if (enrolment === 'all-but-probe' && pipeline.fusion === options.fusion && pipeline.normalisation === options.normalisation) {
          calibrationSource = { nonMated: searches.nonMatedTopScores, mated: searches.mated.length, galleryIdentities: protocol.galleryIdentities };
        }
      }
    }
    if (!calibrationSource) throw new Error('the chosen pipeline was not measured');
    const date = new Date().toISOString().slice(0, 10);
    const pipelineName = `${options.fusion}${options.normalisation === 'none' ? '' : `-${options.normalisation}`}`;
    const identificationCalibration = identificationCalibrationFrom(
      calibrationSource.nonMated,
      calibrationSource.mated,
      calibrationSource.galleryIdentities,
      { fusion: options.fusion, normalisation: options.normalisation },
      options.ambiguityMargin,
      `lfw-identification-${calibrationSource.galleryIdentities}-${pipelineName}-${date}`,
      `npx booth faces eval --protocol identification --dataset ${path.basename(path.resolve(options.dataset))} --gallery-size ${options.gallerySize} --non-mated ${options.nonMated} --rounds ${options.rounds}: all-but-probe enrolment, ${calibrationSource.mated} mated and ${calibrationSource.nonMated.length} non-mated searches (images outside the gallery and leave-one-identity-out), failures to acquire counted as misses`,
    );
    const report = {
      dataset: path.resolve(options.dataset),
      protocol: 'identification' as const,
      limit: null,
      flip,
      landmarkBoxScale: null,
      landmarkPasses: null,
      model: measuredModelOf(embedder),
      galleryIdentitiesRequested: options.gallerySize,
      ...protocolSize,
      rounds: options.rounds,
      nonMatedFraction: options.nonMated,
      ambiguityMargin: options.ambiguityMargin,
      images: images.length,
      embeddingSource: options.facesFrom ? { kind: 'faces-file', file: path.resolve(options.facesFrom) } : { kind: 'worker', cacheKey: key },
      failuresToAcquire: { count: failures.length, rate: failures.length / Math.max(images.length, 1) },
      fpirTargets: FPIR_TARGETS,
      variants,
      identificationCalibration,
    };
    await writeOutputFile(options.out, JSON.stringify(report, null, 2));
    log(`report written to ${options.out}`);
    if (options.json) console.log(JSON.stringify(report, null, 2));
    else printTable(report.galleryIdentities, variants);
  } finally {
    await opened?.close();
  }
}

type Variant = { enrolment: string; pipeline: SearchPipeline; matedSearches: number; nonMatedSearches: number; rank1: number; atFpir: Record<string, { fnir: number | null }>; searchMs: { median: number; p95: number } };

function printTable(gallery: number, variants: readonly Variant[]): void {
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '   n/a' : `${(v * 100).toFixed(2).padStart(5)}%`);
  console.log(`gallery ${gallery} identities | FNIR at FPIR 1e-2 / 3e-3 / 1e-3 | rank-1 | mated / non-mated searches | search ms median / p95`);
  for (const v of variants) {
    const name = `${v.enrolment.padEnd(13)} ${`${v.pipeline.fusion}${v.pipeline.normalisation === 'none' ? '' : `+${v.pipeline.normalisation}`}`.padEnd(22)}`;
    console.log(`${name} ${pct(v.atFpir['1e-2']?.fnir)} ${pct(v.atFpir['3e-3']?.fnir)} ${pct(v.atFpir['1e-3']?.fnir)} | ${pct(v.rank1)} | ${v.matedSearches} / ${v.nonMatedSearches} | ${v.searchMs.median} / ${v.searchMs.p95}`);
  }
}
