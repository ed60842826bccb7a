import path from 'node:path';
import { z } from 'zod';
import type { EmbedderUnderTest } from './embedderUnderTest';
import { loadEmbedderUnderTest } from './embedderUnderTest';

/**
 * Which manifest a report's calibration may be written to: the one it was measured with, unchanged since (same
 * model id and version, same model), and no other. Thresholds of one model mean nothing for another.
 *
 * A report names the model it measured by two hashes, each saying what it is of: `sourceSha256`, the file the
 * manifest pins (npm package or beside the manifest), and `preparedSha256`, the bytes the worker ran (after the
 * booth's preparation step). Either one matching the target's own hash of the same kind identifies the model.
 * Reports written before both were recorded carry one `sha256` whose meaning changed (the prepared file's hash
 * until the model-set work, the source's after): it identifies the model when it equals either of the target's.
 */
export const measuredModelSchema = z.object({
  /** Absolute path of the manifest the eval ran (null in reports from before this was recorded). */
  manifest: z.string().nullable().default(null),
  id: z.string(),
  version: z.string(),
  sourceSha256: z.string().nullable().default(null),
  preparedSha256: z.string().nullable().default(null),
  /** Older reports: one hash, of the source or of the prepared file (see above). */
  sha256: z.string().nullable().default(null),
});

export type MeasuredModel = z.input<typeof measuredModelSchema>;

export interface TargetManifest {
  readonly path: string;
  readonly id: string;
  readonly version: string;
  /** SHA-256 of the model file the manifest names now. */
  readonly sourceSha256: string;
  /** SHA-256 of that file as the booth prepares it now (what the worker would run). */
  readonly preparedSha256: string;
}

/** How a report names the model an embedder eval measured (both hashes, each by what it is of). */
export function measuredModelOf(embedder: EmbedderUnderTest): { manifest: string; id: string; version: string; sourceSha256: string; preparedSha256: string } {
  return { manifest: embedder.manifestPath, id: embedder.manifest.id, version: embedder.manifest.version, sourceSha256: embedder.sha256, preparedSha256: embedder.preparedSha256 };
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** Why the hashes the report names do not identify the target's model, or null when one does (or none is named). */
function modelChange(measured: z.output<typeof measuredModelSchema>, target: TargetManifest): string | null {
  const named = [measured.sourceSha256, measured.preparedSha256, measured.sha256].filter((h): h is string => h !== null);
  if (named.length === 0) return null;
  const same =
    (measured.sourceSha256 !== null && measured.sourceSha256 === target.sourceSha256) ||
    (measured.preparedSha256 !== null && measured.preparedSha256 === target.preparedSha256) ||
    (measured.sha256 !== null && (measured.sha256 === target.sourceSha256 || measured.sha256 === target.preparedSha256));
  if (same) return null;
  return `the model file of ${target.path} changed since the report was measured (SHA-256 source ${short(target.sourceSha256)}, prepared ${short(target.preparedSha256)}; measured ${named.map(short).join(', ')})`;
}

/**
 * Why the calibration must not be written to `target`, or null when it may. A report from before manifests were
 * recorded may go only to a manifest named explicitly (`explicit`) that describes the model it measured.
 */
export function calibrationTargetMismatch(model: MeasuredModel, target: TargetManifest, explicit = false): string | null {
  const measured = measuredModelSchema.parse(model);
  if (measured.manifest === null && !explicit) return 'the report does not say which manifest it measured: name it with --manifest, or run `faces eval --manifest <file>` again';
  if (measured.manifest !== null && measured.manifest !== target.path) return `the report was measured with ${measured.manifest}, not ${target.path}`;
  if (measured.id !== target.id || measured.version !== target.version) {
    return `${target.path} now describes ${target.id} ${target.version}, the report measured ${measured.id} ${measured.version}`;
  }
  return modelChange(measured, target);
}

/**
 * The embedder manifest a report's calibration goes to (`--manifest`, else the one the report names), loaded and
 * prepared as the booth would; throws, naming the report, when the calibration must not be written there.
 */
export async function calibrationTargetOf(reportFile: string, model: MeasuredModel, requestedManifest: string | undefined, what: string): Promise<EmbedderUnderTest> {
  if (!requestedManifest && !model.manifest) throw new Error(`${reportFile} does not say which manifest it measured: name it with --manifest`);
  const target = await loadEmbedderUnderTest(path.resolve(requestedManifest ?? model.manifest ?? ''));
  const wrongTarget = calibrationTargetMismatch(
    model,
    { path: target.manifestPath, id: target.manifest.id, version: target.manifest.version, sourceSha256: target.sha256, preparedSha256: target.preparedSha256 },
    requestedManifest !== undefined,
  );
  if (wrongTarget) throw new Error(`${reportFile}: ${wrongTarget}; ${what} not written`);
  return target;
}
