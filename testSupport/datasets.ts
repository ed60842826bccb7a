import { appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared datasets the dataset-backed tests read (never copied into the repository): BOOTH_DATASETS, or
 * ../shared/datasets beside the repository. Every such test asks `dataset()` for its file, so that a skip is
 * counted and explained in one place (testSupport/datasetSkipReporter.ts prints the count and the reasons; in CI
 * with the datasets present, a skip fails the run).
 */
export function datasetsRoot(): string {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  return process.env.BOOTH_DATASETS ?? path.resolve(repoRoot, '../shared/datasets');
}

/** The environment variable naming the file the reporter collects skip reasons in (one JSON object per line). */
export const datasetSkipLogVariable = 'BOOTH_DATASET_SKIP_LOG';

export interface DatasetSkip {
  /** The test file whose tests are skipped (absolute path). */
  readonly testFile: string;
  /** The dataset file or folder that is absent. */
  readonly path: string;
  /** What is not tested without it. */
  readonly what: string;
}

export interface Dataset {
  readonly path: string;
  readonly present: boolean;
}

/**
 * A dataset file or folder under the datasets root. When it is absent, the calling test file's tests that need it
 * must skip (`describe.skipIf(!x.present)`); the absence is logged for the reporter and on the console.
 * `testFile` is the caller's `import.meta.url`.
 */
export function dataset(testFile: string, relativePath: string, what: string): Dataset {
  const file = path.join(datasetsRoot(), relativePath);
  const present = existsSync(file);
  if (!present) recordSkip({ testFile: fileURLToPath(testFile), path: file, what });
  return { path: file, present };
}

function recordSkip(skip: DatasetSkip): void {
  console.warn(`[dataset] ${skip.path} is absent: ${skip.what} skipped (set BOOTH_DATASETS)`);
  const log = process.env[datasetSkipLogVariable];
  if (log) appendFileSync(log, `${JSON.stringify(skip)}\n`);
}
