import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { AnyModelManifest } from '../../app/biometrics/modelManifest';
import { ModelManifestError, parseAnyModelManifest, parseEmbedderManifest } from '../../app/biometrics/modelManifest';
import type { ActiveModelSet, ModelSet, ModelSetOrigin } from '../../app/biometrics/modelSet';
import { modelSetSchema, shippedModelSet } from '../../app/biometrics/modelSet';
import type { FaceModelRole, FaceModelsSetting } from '../../app/settings/faceModelsSetting';
import { faceModelRoles, faceModelsSettingSchema } from '../../app/settings/faceModelsSetting';
import { ModelPreparationError, prepareManifestModel } from '../build/prepareManifestModel';
import { writeOwnerOnly } from './ownerOnlyFile';

/**
 * Chooses, verifies and prepares the booth's face models at start. The configured manifests (settings
 * `faceModels`, paths anywhere) are read, validated, their files checked against the manifests' SHA-256 and
 * prepared by the install step's code; the prepared bytes are kept in memory and served only under their own
 * names (`model-set/<hash>/<file>`), so the page never reads a file the host did not verify. A set that fails
 * anywhere is not used: the booth runs the last set that worked (remembered in the user data folder) or the
 * shipped one, and says why, naming the manifest and the field.
 */
export interface FaceModelSetOptions {
  readonly setting: FaceModelsSetting;
  readonly presentationAttackDetection: 'off' | 'flag';
  /** Relative manifest paths are taken from here (the folder of settings.json). */
  readonly userDataDir: string;
  /** Where `source.package` files are looked up. */
  readonly modulesDir: string;
}

export interface ServedFaceModelSet extends ActiveModelSet {
  /** The prepared model files of a configured set, by the URL path the page fetches them at. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** The last working set remembered before this one replaced it: where to go back if the worker cannot load this one. */
  readonly earlier?: FaceModelsSetting;
}

export const LAST_WORKING_FILE = 'face-models-last-working.json';
export const SERVED_MODELS_PREFIX = 'model-set/';

const roleKinds: Readonly<Record<FaceModelRole, AnyModelManifest['kind']>> = {
  detector: 'face-detector',
  fullRangeDetector: 'face-detector',
  landmarker: 'face-landmarker',
  embedder: 'face-embedder',
  pad: 'presentation-attack-detector',
};

const roleInSet: Readonly<Record<FaceModelRole, keyof ModelSet>> = { detector: 'shortRange', fullRangeDetector: 'fullRange', landmarker: 'landmarker', embedder: 'embedder', pad: 'pad' };

/** A configured model that could not be verified: which role, which manifest, what is wrong (naming the field). */
export class FaceModelSetError extends Error {
  constructor(
    readonly role: FaceModelRole,
    readonly manifestPath: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${role} (${manifestPath}): ${detail}`);
    this.name = 'FaceModelSetError';
  }
}

const isConfigured = (setting: FaceModelsSetting) => faceModelRoles.some((role) => setting[role] !== undefined);

async function readManifest(role: FaceModelRole, manifestPath: string): Promise<AnyModelManifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(manifestPath, 'utf8'));
  } catch (error) {
    throw new FaceModelSetError(role, manifestPath, '(file)', `the manifest cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    const manifest = parseAnyModelManifest(raw, 'the manifest');
    if (manifest.kind !== roleKinds[role]) throw new FaceModelSetError(role, manifestPath, 'kind', `kind: "${manifest.kind}" cannot serve as the ${role}; it must be "${roleKinds[role]}"`);
    // Thresholds come from the calibration: an uncalibrated embedder can be evaluated (faces eval), never decide.
    if (manifest.kind === 'face-embedder') parseEmbedderManifest(raw, 'the manifest');
    // Without face-ness nothing it embeds counts as a face (faceness.ts): the booth would never match, silently.
    if (manifest.kind === 'face-embedder' && manifest.faceness === undefined) {
      throw new FaceModelSetError(role, manifestPath, 'faceness', 'faceness: missing, so no face it embeds could be vouched for as a face and nothing would ever match (measure it with `faces eval --manifest`, store it with `faces calibrate`)');
    }
    return manifest;
  } catch (error) {
    if (error instanceof ModelManifestError) {
      const detail = error.message.replace(/^the manifest is not a valid model manifest: /, '');
      const field = /^([\w.]+|\(root\)):/.exec(detail)?.[1] ?? '(root)';
      const hint = field === 'calibration' ? ' (an uncalibrated embedder can be evaluated with `faces eval --manifest`, not used for decisions)' : '';
      throw new FaceModelSetError(role, manifestPath, field, `${detail}${hint}`);
    }
    throw error;
  }
}

/**
 * Verifies and prepares every configured model; any failure throws a FaceModelSetError. The PAD model only with PAD
 * on ('flag'): off, it is neither verified nor served, so nothing of it runs.
 */
export async function prepareConfiguredSet(setting: FaceModelsSetting, modulesDir: string, pad: 'off' | 'flag' = 'off'): Promise<{ models: ModelSet; files: Map<string, Uint8Array> }> {
  const models: Record<string, unknown> = { ...shippedModelSet() };
  const files = new Map<string, Uint8Array>();
  for (const role of faceModelRoles) {
    const manifestPath = setting[role];
    if (manifestPath === undefined || (role === 'pad' && pad === 'off')) continue;
    const manifest = await readManifest(role, manifestPath);
    // An uncalibrated PAD model can be measured (faces pad-eval), never flag a traveller: its scores mean nothing yet.
    if (manifest.kind === 'presentation-attack-detector' && manifest.calibration === undefined) {
      throw new FaceModelSetError(role, manifestPath, 'calibration', 'calibration: missing, so its scores could flag no one (measure it with `faces pad-eval`, then give it a calibration)');
    }
    let prepared;
    try {
      prepared = await prepareManifestModel({ manifestPath, manifest, modulesDir, requireSha256: true });
    } catch (error) {
      if (error instanceof ModelPreparationError) throw new FaceModelSetError(role, manifestPath, error.field, error.message.replace(`${manifestPath}: `, ''));
      throw error;
    }
    const served = `${SERVED_MODELS_PREFIX}${prepared.preparedSha256.slice(0, 16)}/${path.basename(manifest.file)}`;
    files.set(served, prepared.bytes);
    models[roleInSet[role]] = { ...manifest, file: served };
  }
  return { models: modelSetSchema.parse(models), files };
}

const absoluteSetting = (setting: FaceModelsSetting, base: string): FaceModelsSetting =>
  Object.fromEntries(Object.entries(setting).map(([role, file]) => [role, path.resolve(base, file)])) as FaceModelsSetting;

async function readLastWorking(file: string): Promise<FaceModelsSetting | undefined> {
  try {
    const parsed = z.object({ faceModels: faceModelsSettingSchema }).safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data.faceModels : undefined;
  } catch {
    return undefined;
  }
}

// Write then rename through a temporary file of its own: two booths (or test workers) starting on one user data
// folder each rename their own, never the other's half-written one (a shared `.tmp` name lost that race: ENOENT).
const writeLastWorking = (file: string, setting: FaceModelsSetting): Promise<void> =>
  writeOwnerOnly(file, `${JSON.stringify({ faceModels: setting, savedAt: new Date().toISOString() }, null, 2)}\n`);

const describeOrigin = (origin: ModelSetOrigin) => (origin === 'shipped' ? 'the shipped models' : 'the last working model set');

/**
 * The set to run: the configured one when it verifies (then remembered as the last working set); else the last
 * working set (verified again) or the shipped one, with a notice naming what failed.
 */
export async function chooseFaceModelSet(options: FaceModelSetOptions): Promise<ServedFaceModelSet> {
  const lastWorkingFile = path.join(options.userDataDir, LAST_WORKING_FILE);
  const configured = absoluteSetting(options.setting, options.userDataDir);
  const pad = options.presentationAttackDetection;
  const notices: string[] = [];
  const active = (origin: ModelSetOrigin, models: ModelSet, files: ReadonlyMap<string, Uint8Array>, earlier?: FaceModelsSetting): ServedFaceModelSet => ({
    origin,
    models,
    files,
    notices: [...notices, ...padNotices(pad, models)],
    // As set: with PAD on and no verified PAD model, every face says it was not checked (never a silent pass).
    presentationAttackDetection: pad,
    ...(earlier ? { earlier } : {}),
  });
  const lastWorking = await readLastWorking(lastWorkingFile);
  try {
    const { models, files } = await prepareConfiguredSet(configured, options.modulesDir, pad);
    await writeLastWorking(lastWorkingFile, configured).catch((error: unknown) => console.warn(`[booth] face models: the last working set could not be saved: ${String(error)}`));
    return active(isConfigured(configured) ? 'configured' : 'shipped', models, files, lastWorking);
  } catch (error) {
    if (!(error instanceof FaceModelSetError)) throw error;
    let fallback: { origin: ModelSetOrigin; models: ModelSet; files: ReadonlyMap<string, Uint8Array> } = { origin: 'shipped', models: shippedModelSet(), files: new Map() };
    if (lastWorking && isConfigured(lastWorking) && JSON.stringify(lastWorking) !== JSON.stringify(configured)) {
      try {
        fallback = { origin: 'last-working', ...(await prepareConfiguredSet(lastWorking, options.modulesDir, pad)) };
      } catch (again) {
        if (!(again instanceof FaceModelSetError)) throw again;
        notices.push(`Face models: the last working set no longer verifies either: ${again.message}`);
      }
    }
    notices.unshift(`Face models: ${error.message}; the booth runs ${describeOrigin(fallback.origin)} (${fallback.models.embedder.id}) until this is fixed`);
    return active(fallback.origin, fallback.models, fallback.files);
  }
}

const padNotices = (pad: 'off' | 'flag', models: ModelSet): string[] =>
  pad === 'flag' && !models.pad ? ['presentationAttackDetection is "flag" but no verified presentation-attack model runs (faceModels.pad): presentation attacks are not detected, and every face says it was not checked'] : [];

/**
 * The vision worker could not load a set the host verified (a model onnxruntime-web or MediaPipe refuses, a
 * runtime failure): the booth goes back to the last set that worked before it (verified again) or the shipped one,
 * with a notice naming the set and the error. A configured set the worker could not load is not remembered as
 * working. Undefined when the shipped set itself failed: there is nothing left to fall back to.
 */
export async function fallBackFromWorkerFailure(current: ServedFaceModelSet, options: FaceModelSetOptions, message: string): Promise<ServedFaceModelSet | undefined> {
  if (current.origin === 'shipped') return undefined;
  const lastWorkingFile = path.join(options.userDataDir, LAST_WORKING_FILE);
  const earlier = current.origin === 'configured' && current.earlier && isConfigured(current.earlier) ? current.earlier : undefined;
  const forget = earlier ? writeLastWorking(lastWorkingFile, earlier) : rm(lastWorkingFile, { force: true });
  await forget.catch((error: unknown) => console.warn(`[booth] face models: the last working set could not be restored: ${String(error)}`));
  const notices: string[] = [];
  let fallback: { origin: ModelSetOrigin; models: ModelSet; files: ReadonlyMap<string, Uint8Array> } = { origin: 'shipped', models: shippedModelSet(), files: new Map() };
  if (earlier && JSON.stringify(earlier) !== JSON.stringify(absoluteSetting(options.setting, options.userDataDir))) {
    try {
      fallback = { origin: 'last-working', ...(await prepareConfiguredSet(earlier, options.modulesDir, options.presentationAttackDetection)) };
    } catch (again) {
      if (!(again instanceof FaceModelSetError)) throw again;
      notices.push(`Face models: the last working set no longer verifies either: ${again.message}`);
    }
  }
  const failed = current.origin === 'configured' ? 'the configured model set' : 'the last working model set';
  notices.unshift(`Face models: the vision worker could not load ${failed} (${current.models.embedder.id}): ${message}; the booth runs ${describeOrigin(fallback.origin)} (${fallback.models.embedder.id}) until this is fixed`);
  const pad = options.presentationAttackDetection;
  // The reasons the configured set is not running stay in view (a set that failed verification before this one).
  const kept = current.notices.filter((notice) => !padNotices(pad, current.models).includes(notice));
  return { origin: fallback.origin, models: fallback.models, files: fallback.files, notices: [...notices, ...kept, ...padNotices(pad, fallback.models)], presentationAttackDetection: pad };
}

/**
 * What came of a window's report that the worker could not load a set: `fell_back` (this report ran the fallback),
 * `joined` (the same failure was being acted on for another window: its outcome, not a second fallback), `stale` (the
 * set reported is not the one served any more: nothing moves). `served` is the set served now; undefined when the
 * shipped set itself failed and nothing is left.
 */
export type WorkerLoadFailure =
  | { readonly kind: 'fell_back' | 'joined'; readonly served: ServedFaceModelSet | undefined }
  | { readonly kind: 'stale'; readonly served: ServedFaceModelSet };

/** The booth's face models for one start: chosen on first need; replaced by the fallback when the worker cannot load them. */
export interface BoothFaceModels {
  current(): Promise<ServedFaceModelSet>;
  /**
   * The page reports that the worker could not load the set of `origin`. `beforeFallback` runs (and is awaited) only
   * when this report is the one that falls back, before it does (the audit: a fallback is on disk before it happens;
   * a failing one stops it); a report joining one under way or naming a stale set does not run it.
   */
  workerCouldNotLoad(origin: ModelSetOrigin, message: string, beforeFallback?: () => Promise<unknown>): Promise<WorkerLoadFailure>;
}

export function boothFaceModels(options: FaceModelSetOptions): BoothFaceModels {
  let chosen: Promise<ServedFaceModelSet> | undefined;
  /** The fallback running from a failed set: windows reporting the same failure at once share it (it runs once). */
  let fallingBack: { readonly from: ServedFaceModelSet; readonly next: Promise<ServedFaceModelSet | undefined> } | undefined;
  const current = () => (chosen ??= chooseFaceModelSet(options));
  return {
    current,
    async workerCouldNotLoad(origin, message, beforeFallback) {
      const set = await current();
      // Another page already reported it (the set changed since): the set now served.
      if (set.origin !== origin) return { kind: 'stale', served: set };
      // Another page reported it a moment ago and its fallback is still on its way: that one, not a second.
      if (fallingBack?.from === set) return { kind: 'joined', served: await fallingBack.next };
      // Claimed before the first await, so a report arriving meanwhile joins this one.
      const next = (async () => {
        await beforeFallback?.();
        return fallBackFromWorkerFailure(set, options, message);
      })();
      const claim = { from: set, next };
      fallingBack = claim;
      // A fallback that could not run (its audit not written) leaves the set served, and a later report may try again.
      chosen = next.then(
        (fallback) => fallback ?? set,
        () => {
          if (fallingBack === claim) fallingBack = undefined;
          return set;
        },
      );
      return { kind: 'fell_back', served: await next };
    },
  };
}
