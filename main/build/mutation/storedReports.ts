// The per-module table from the reports the last runs left (reports/mutation/NAME.json.gz), without running Stryker:
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

/** The module's files now: the production files it mutates and the test files it runs (mutationModules.ts globs). */
export interface ModuleFiles {
  readonly mutated: ReadonlySet<string>;
  readonly tests: ReadonlySet<string>;
}

/**
 * Whether the report still describes the module's code: 'current', or what changed since it was written (files
 * edited, files never run, test files edited, added or no longer run). `source(file)` is the file's text now, null
 * when it is gone. A test file the report kept no source of cannot be compared, so it counts as changed. Not seen
 * (the report does not name them): fixtures and other files the tests or the mutated code import; after changing
 * those only `--force` re-measures, as for Stryker's own incremental mode.
 */
export function reportFreshness(report: StoredReport, files: ModuleFiles, source: (file: string) => string | null): string {
  const changed = [...files.mutated].filter((file) => report.files[file] !== undefined && report.files[file].source !== source(file));
  const neverRun = [...files.mutated].filter((file) => report.files[file] === undefined);
  const ranTests = report.testFiles ?? {};
  const testsChanged = [...files.tests].filter((file) => ranTests[file] !== undefined && (ranTests[file].source === undefined || ranTests[file].source !== source(file)));
  const testsNeverRun = [...files.tests].filter((file) => ranTests[file] === undefined);
  // Its kills are in the report, but the module no longer runs it (deleted, or left out of the module's test globs).
  const testsDropped = Object.keys(ranTests).filter((file) => !files.tests.has(file));
  const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  const problems = [
    ...(changed.length > 0 ? [`changed since: ${changed.map((file) => path.basename(file)).join(', ')}`] : []),
    ...(neverRun.length > 0 ? [`${plural(neverRun.length, 'file')} never run`] : []),
    ...(testsChanged.length > 0 ? [`${plural(testsChanged.length, 'test file')} changed since`] : []),
    ...(testsNeverRun.length > 0 ? [`${plural(testsNeverRun.length, 'test file')} never run`] : []),
    ...(testsDropped.length > 0 ? [`${plural(testsDropped.length, 'test file')} no longer run`] : []),
  ];
  return problems.length === 0 ? 'current' : `STALE (${problems.join('; ')})`;
}

/**
 * A module's row from its stored report: only the module's files count (a report can still hold a file since
 * taken out of the module, which the next run forgets), and the row says whether it is current.
 */
export function storedRow(module: string, report: StoredReport | null, files: ModuleFiles, source: (file: string) => string | null): MutationRow {
  if (report === null) return { ...summariseMutants(module, []), report: 'no report: never run' };
  const mutants = Object.entries(report.files).flatMap(([file, { mutants }]) => (files.mutated.has(file) ? mutants : []));
  return { ...summariseMutants(module, mutants), report: reportFreshness(report, files, source) };
}
