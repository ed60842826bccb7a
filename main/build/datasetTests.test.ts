import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const testFolders = ['app', 'main', 'native-bridges', 'renderer'];
const thisFile = path.relative(root, fileURLToPath(import.meta.url));

function testFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.test\.tsx?$/.test(entry.name) && !entry.parentPath.includes('node_modules'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/**
 * Ways a test finds the shared datasets on its own: its skip is then counted nowhere (testSupport/datasetSkipReporter.ts
 * never hears of it) and does not fail CI, so a test that silently stopped testing looks like a pass.
 */
const ownDatasetLookups: readonly [RegExp, string][] = [
  [/process\.env\.BOOTH_DATASETS\s*\?\?/, 'reads BOOTH_DATASETS itself'],
  [/['"`][^'"`\n]*shared\/datasets['"`]/, "names '../shared/datasets' itself"],
  [/\bdatasetsDirectory\(\)/, "asks the simulator's datasetsDirectory()"],
];

describe('dataset-backed tests', () => {
  it("find their data through testSupport's dataset(), so every skip is reported (and fails CI when the datasets are there)", () => {
    const offenders = testFolders.flatMap(testFiles).filter((file) => file !== thisFile).flatMap((file) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      return ownDatasetLookups.flatMap(([pattern, what]) => (pattern.test(text) ? [`${file}: ${what}`] : []));
    });
    expect(offenders).toEqual([]);
  });
});
