// The per-module table from the reports the last runs left (reports/mutation/NAME.json), without running Stryker:
// `npm run test:mutation -- --table`. Each report keeps the source of every file it mutated and of every test file
// it ran, so the table can say whether a row still describes the code: a score measured on other code is not
// this code's score.
import path from 'node:path';
import { summariseMutants, type MutantOutcome, type MutationRow } from './mutationTable.ts';

/** The part of a stored report (mutation-testing-report-schema) the table reads. */
export interface StoredReport {
  readonly files: Readonly<Record<string, { readonly source: string; readonly mutants: readonly MutantOutcome[] }>>;
  readonly testFiles?: Readonly<Record<string, { readonly source?: string }>>;
}

/**
 * Whether the report still describes the module's code: 'current', or what changed since it was written (files
 * edited, files never run, test files edited). `source(file)` is the file's text now, null when it is gone.
 */
export function reportFreshness(report: StoredReport, moduleFiles: ReadonlySet<string>, source: (file: string) => string | null): string {
  const changed = [...moduleFiles].filter((file) => report.files[file] !== undefined && report.files[file].source !== source(file));
  const neverRun = [...moduleFiles].filter((file) => report.files[file] === undefined);
  const tests = Object.entries(report.testFiles ?? {}).filter(([file, test]) => test.source !== undefined && test.source !== source(file));
  const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  const problems = [
    ...(changed.length > 0 ? [`changed since: ${changed.map((file) => path.basename(file)).join(', ')}`] : []),
    ...(neverRun.length > 0 ? [`${plural(neverRun.length, 'file')} never run`] : []),
    ...(tests.length > 0 ? [`${plural(tests.length, 'test file')} changed since`] : []),
  ];
  return problems.length === 0 ? 'current' : `STALE (${problems.join('; ')})`;
}

/**
 * A module's row from its stored report: only the module's files count (a report can still hold a file since
 * taken out of the module, which the next run forgets), and the row says whether it is current.
 */
export function storedRow(module: string, report: StoredReport | null, moduleFiles: ReadonlySet<string>, source: (file: string) => string | null): MutationRow {
  if (report === null) return { ...summariseMutants(module, []), report: 'no report: never run' };
  const mutants = Object.entries(report.files).flatMap(([file, { mutants }]) => (moduleFiles.has(file) ? mutants : []));
  return { ...summariseMutants(module, mutants), report: reportFreshness(report, moduleFiles, source) };
}
