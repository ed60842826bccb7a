// `npm run test:mutation [-- --module NAME[,NAME]] [--force] [--survivors] [--file PATH[:LINES]] [--table] [--concurrency N]`: Stryker over each module of the
// safety-critical core, one run per module (its own tests only), then one table of scores. `--table` runs nothing:
// it prints the table from the stored reports, each row marked current or stale (storedReports.ts). Incremental: each
// module keeps its last results in reports/mutation/NAME.json.gz, so a run re-tests only the mutants whose code or
// covering tests changed (`--force` re-tests all). Reports: dist/mutation/NAME/mutation.{html,json}.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Stryker } from '@stryker-mutator/core';
import type { MutantResult } from '@stryker-mutator/api/core';
import { trackedFiles } from './moduleFiles.ts';
import { mutationModules, type MutationModule } from './mutationModules.ts';
import { formatMutationTable, summariseMutants, type MutationRow } from './mutationTable.ts';
import { storedRow, type StoredReport } from './storedReports.ts';

const requiredScore = 90;

function selectModules(requested: readonly string[]): readonly MutationModule[] {
  const names = requested.flatMap((value) => value.split(',')).filter((name) => name !== '');
  if (names.length === 0) return mutationModules;
  const unknown = names.filter((name) => !mutationModules.some((module) => module.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown module ${unknown.join(', ')}; the modules are ${mutationModules.map((module) => module.name).join(', ')}`,
    );
  }
  return mutationModules.filter((module) => names.includes(module.name));
}

function describeSurvivor(mutant: MutantResult): string {
  const { line, column } = mutant.location.start;
  const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80);
  return `  ${mutant.fileName}:${line}:${column + 1} ${mutant.status} ${mutant.mutatorName}: ${replacement}`;
}

/** Where the checker's project for the module being run is written (ignored by git, copied to Stryker's sandbox). */
const checkerTsconfig = 'tsconfig.mutation.json';

function writeCheckerTsconfig(module: MutationModule): void {
  const project = {
    extends: `./${module.tsconfig}`,
    include: module.mutate.filter((glob) => !glob.startsWith('!')),
    exclude: ['**/*.test.ts', '**/*.bench.ts'],
  };
  writeFileSync(checkerTsconfig, `${JSON.stringify(project, null, 2)}\n`);
}

/**
 * Where the Vitest config that runs the module's tests alone is written (ignored by git, copied to the sandbox).
 * The tests are chosen by this config, not by Stryker's `testFiles`: with `testFiles` Stryker 9.6 switches a
 * static mutant (a schema or table built when the module is imported) on only after the import, so every static
 * mutant survived whatever the tests asserted (stryker-js issue #6144). Without a test filter it is switched on
 * before the test files load.
 */
const moduleVitestConfig = 'vitest.mutation.config.ts';
const mutationTestTimeoutMs = 180_000;

function writeModuleVitestConfig(module: MutationModule): void {
  const config = [
    '// Written by main/build/mutation/runMutation.ts for one module: the shared config, that module\'s tests only.',
    "import shared from './vitest.config.ts';",
    '',
    // Instrumented code runs several times slower, on a loaded machine slower still: a test inside the shared 20 s
    // limit (a 10,000-template gallery) timed out in the dry run, and Stryker refuses to start after any failure.
    // A mutant that loops forever is stopped by Stryker's own timeout, not by this one.
    `export default { ...shared, test: { ...shared.test, include: ${JSON.stringify(module.testFiles)}, testTimeout: ${mutationTestTimeoutMs} } };`,
    '',
  ].join('\n');
  writeFileSync(moduleVitestConfig, config);
}

/** The part of an incremental report this script edits (mutation-testing-report-schema). */
interface IncrementalReport {
  readonly files: Record<string, { mutants: { readonly static?: boolean; readonly status: string }[] }>;
}

/**
 * Static mutants have no per-test coverage, so Stryker's incremental mode cannot tell that a test added since
 * would kill one and keeps reporting it survived (stryker-js issue #6119). Forgetting the surviving ones makes
 * every run test them again; they are few, and each runs the module's tests once.
 */
function forgetStaticSurvivors(incrementalFile: string): void {
  if (!existsSync(incrementalFile)) return;
  const report = JSON.parse(readFileSync(incrementalFile, 'utf8')) as IncrementalReport;
  for (const file of Object.values(report.files)) {
    file.mutants = file.mutants.filter((mutant) => !(mutant.static === true && (mutant.status === 'Survived' || mutant.status === 'NoCoverage')));
  }
  writeFileSync(incrementalFile, JSON.stringify(report));
}

/**
 * Stryker 9.6 carries over, and returns among its results, the mutants of every file in the incremental report,
 * including files no longer in the module (the outbox's test doubles, once left out, kept counting). Forgetting
 * them keeps the report and the score to the module's files.
 */
function forgetRemovedFiles(incrementalFile: string, files: ReadonlySet<string>): void {
  if (!existsSync(incrementalFile)) return;
  const report = JSON.parse(readFileSync(incrementalFile, 'utf8')) as IncrementalReport;
  const removed = Object.keys(report.files).filter((file) => !files.has(file));
  if (removed.length === 0) return;
  for (const file of removed) delete report.files[file];
  writeFileSync(incrementalFile, JSON.stringify(report));
}

/**
 * `files` (`--file`): only these of the module's files, or line ranges of them (`path:10-40`), against the module's
 * tests: a quick look while working on one rule. Not incremental (the module's results stay as they were); the
 * report goes to dist/mutation/NAME-files/.
 */
/**
 * A module's last results, committed gzipped: Stryker's incremental report holds the source of every mutated and test
 * file (mrz: 2.9 MB of JSON, ~10x smaller packed). Stryker reads and writes it unpacked, in dist/.
 */
const storedReportFile = (module: MutationModule): string => `reports/mutation/${module.name}.json.gz`;
const readStoredReport = (module: MutationModule): string | null => (existsSync(storedReportFile(module)) ? gunzipSync(readFileSync(storedReportFile(module))).toString('utf8') : null);

async function runModule(module: MutationModule, force: boolean, files: readonly string[], concurrency: number | undefined): Promise<MutantResult[]> {
  const incrementalFile = `dist/mutation/${module.name}.incremental.json`;
  mkdirSync(path.dirname(incrementalFile), { recursive: true });
  const stored = readStoredReport(module);
  if (stored !== null) writeFileSync(incrementalFile, stored);
  const reportFolder = `dist/mutation/${module.name}${files.length > 0 ? '-files' : ''}`;
  writeCheckerTsconfig(module);
  writeModuleVitestConfig(module);
  if (files.length === 0) {
    forgetRemovedFiles(incrementalFile, trackedFiles(module.mutate));
    forgetStaticSurvivors(incrementalFile);
  }
  const stryker = new Stryker({
    configFile: 'stryker.config.mjs',
    mutate: files.length > 0 ? [...files] : [...module.mutate],
    vitest: { configFile: moduleVitestConfig, related: false },
    tsconfigFile: checkerTsconfig,
    // `--concurrency 1` on a machine others share; the config's default otherwise.
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(files.length > 0 ? { incremental: false } : { incrementalFile, force }),
    htmlReporter: { fileName: `${reportFolder}/mutation.html` },
    jsonReporter: { fileName: `${reportFolder}/mutation.json` },
  });
  const results = await stryker.runMutationTest();
  if (files.length === 0 && existsSync(incrementalFile)) writeFileSync(storedReportFile(module), gzipSync(readFileSync(incrementalFile), { level: 9 }));
  return results;
}

const sourceNow = (file: string): string | null => (existsSync(file) ? readFileSync(file, 'utf8') : null);

/** The table from the stored reports (`--table`): what the last runs measured, and whether the code is still that code. */
function storedTable(modules: readonly MutationModule[]): MutationRow[] {
  return modules.map((module) => {
    const stored = readStoredReport(module);
    const report = stored === null ? null : (JSON.parse(stored) as StoredReport);
    return storedRow(module.name, report, { mutated: trackedFiles(module.mutate), tests: trackedFiles(module.testFiles) }, sourceNow);
  });
}

function belowRequired(rows: readonly MutationRow[]): number {
  const below = rows.filter((row) => row.score !== null && row.score < requiredScore);
  if (below.length === 0) return 0;
  console.error(`Below ${requiredScore} %: ${below.map((row) => row.module).join(', ')}`);
  return 1;
}

async function main(): Promise<number> {
  // The tests run in Stryker's sandbox (.stryker-tmp/sandbox-*), where the default datasets root beside the
  // repository (../shared/datasets), or a relative BOOTH_DATASETS, does not exist: every dataset-backed test would
  // skip. Resolve it from here.
  process.env.BOOTH_DATASETS = path.resolve(process.env.BOOTH_DATASETS ?? '../shared/datasets');
  const { values } = parseArgs({
    options: {
      module: { type: 'string', multiple: true, default: [] },
      force: { type: 'boolean', default: false },
      survivors: { type: 'boolean', default: false },
      file: { type: 'string', multiple: true, default: [] },
      table: { type: 'boolean', default: false },
      concurrency: { type: 'string' },
    },
  });
  const modules = selectModules(values.module);
  if (values.table) {
    const rows = storedTable(modules);
    console.log(`\nStored results (reports/mutation/<module>.json.gz; nothing run)\n\n${formatMutationTable(rows)}\n`);
    console.log('A STALE row was measured on other code: run `npm run test:mutation -- --module <module>` (incremental) to update it.');
    console.log('"current" compares the mutated and test files only: after a change to a fixture or imported file, run with --force.');
    return belowRequired(rows);
  }
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new Error(`--concurrency ${values.concurrency}: a whole number of test runners, 1 or more`);
  }
  const files = values.file.flatMap((value) => value.split(',')).filter((file) => file !== '');
  // Stryker reads `path:N` (no end line) as no range at all and mutates nothing: the run would print n/a, not an error.
  const badRange = files.find((file) => /:[^/]*$/.test(file) && !/:\d+(:\d+)?-\d+(:\d+)?$/.test(file));
  if (badRange) throw new Error(`--file ${badRange}: a line range is START-END (path:10-40, or path:68-68 for one line)`);
  if (files.length > 0 && modules.length !== 1) throw new Error('--file needs one --module: the module whose tests are run against those files');
  const rows: MutationRow[] = [];
  const survivors: string[] = [];
  for (const module of modules) {
    console.log(`\nMutation testing ${module.name} (${module.description})`);
    const results = await runModule(module, values.force, files, concurrency);
    rows.push(summariseMutants(files.length > 0 ? `${module.name} (${files.join(', ')})` : module.name, results));
    survivors.push(
      ...results
        .filter((mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage')
        .sort((a, b) => a.fileName.localeCompare(b.fileName) || a.location.start.line - b.location.start.line)
        .map(describeSurvivor),
    );
  }
  if (values.survivors && survivors.length > 0) console.log(`\nSurviving mutants:\n${survivors.join('\n')}`);
  console.log(`\n${formatMutationTable(rows)}\n`);
  console.log('Reports: dist/mutation/<module>/mutation.html; survivors explained in docs/mutation-survivors.md');
  return belowRequired(rows);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);
