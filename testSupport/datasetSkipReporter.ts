import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { datasetSkipLogVariable, datasetsRoot, type DatasetSkip } from './datasets.ts';

/**
 * Says at the end of a Vitest run how many dataset-backed tests were skipped and why (testSupport/datasets.ts logs
 * each absent dataset). In CI (`CI` set) with the datasets root present, a skipped dataset test fails the run:
 * there the data is expected, so a skip means a test that silently stopped testing.
 */
export class DatasetSkipReporter implements Reporter {
  private folder: string | null = null;
  private log: string | null = null;

  onInit(): void {
    this.folder = mkdtempSync(path.join(tmpdir(), 'booth-dataset-skips-'));
    this.log = path.join(this.folder, 'skips.jsonl');
    // Test workers are started after this and inherit the variable.
    process.env[datasetSkipLogVariable] = this.log;
  }

  onTestRunEnd(testModules: readonly TestModule[]): void {
    const skips = this.readSkips();
    this.cleanUp();
    if (skips.length === 0) return;
    const lines: string[] = [];
    let skippedTests = 0;
    let filesWithoutCases = 0;
    for (const [testFile, reasons] of groupByFile(skips)) {
      const module = testModules.find((m) => path.resolve(m.moduleId) === path.resolve(testFile));
      if (!module) continue; // not part of this run
      const skipped = [...module.children.allTests('skipped')].length;
      skippedTests += skipped;
      const why = [...new Set(reasons.map((r) => `${r.what}: ${r.path} is absent`))].join('; ');
      // A file whose cases are read from the dataset has no test to skip without it: say so, not "0 skipped".
      if (skipped === 0) filesWithoutCases++;
      const count = skipped === 0 ? 'no case run (its cases are read from the dataset)' : `${skipped} skipped`;
      lines.push(`  ${path.relative(process.cwd(), testFile)}: ${count} (${why})`);
    }
    if (lines.length === 0) return;
    const ci = Boolean(process.env.CI) && process.env.CI !== 'false';
    const failing = ci && existsSync(datasetsRoot());
    const emptyFiles = filesWithoutCases > 0 ? ` and ${filesWithoutCases} file(s) of dataset cases not run` : '';
    const heading = `${skippedTests} dataset test(s) skipped${emptyFiles}, datasets root ${datasetsRoot()}${failing ? ' (present: in CI a dataset test must not skip)' : ''}`;
    const report = [heading, ...lines].join('\n');
    if (failing) {
      console.error(`\n${report}\n`);
      process.exitCode = 1;
    } else {
      console.warn(`\n${report}\n`);
    }
  }

  private readSkips(): DatasetSkip[] {
    if (!this.log || !existsSync(this.log)) return [];
    return readFileSync(this.log, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as DatasetSkip);
  }

  private cleanUp(): void {
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.folder = null;
    this.log = null;
  }
}

function groupByFile(skips: readonly DatasetSkip[]): Map<string, DatasetSkip[]> {
  const byFile = new Map<string, DatasetSkip[]>();
  for (const skip of skips) byFile.set(skip.testFile, [...(byFile.get(skip.testFile) ?? []), skip]);
  return byFile;
}
