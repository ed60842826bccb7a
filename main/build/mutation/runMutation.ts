// `npm run test:mutation [-- --module NAME[,NAME]] [--force] [--survivors]`: Stryker over each module of the
// safety-critical core, one run per module (its own tests only), then one table of scores. Incremental: each
// module keeps its last results in reports/mutation/NAME.json, so a run re-tests only the mutants whose code or
// covering tests changed (`--force` re-tests all). Reports: dist/mutation/NAME/mutation.{html,json}.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Stryker } from '@stryker-mutator/core';
import type { MutantResult } from '@stryker-mutator/api/core';
import { mutationModules, type MutationModule } from './mutationModules.ts';
import { formatMutationTable, summariseMutants, type MutationRow } from './mutationTable.ts';

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

async function runModule(module: MutationModule, force: boolean): Promise<MutantResult[]> {
  writeCheckerTsconfig(module);
  const stryker = new Stryker({
    configFile: 'stryker.config.mjs',
    mutate: [...module.mutate],
    testFiles: [...module.testFiles],
    tsconfigFile: checkerTsconfig,
    incrementalFile: `reports/mutation/${module.name}.json`,
    force,
    htmlReporter: { fileName: `dist/mutation/${module.name}/mutation.html` },
    jsonReporter: { fileName: `dist/mutation/${module.name}/mutation.json` },
  });
  return stryker.runMutationTest();
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      module: { type: 'string', multiple: true, default: [] },
      force: { type: 'boolean', default: false },
      survivors: { type: 'boolean', default: false },
    },
  });
  const modules = selectModules(values.module);
  const rows: MutationRow[] = [];
  const survivors: string[] = [];
  for (const module of modules) {
    console.log(`\nMutation testing ${module.name} (${module.description})`);
    const results = await runModule(module, values.force);
    rows.push(summariseMutants(module.name, results));
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
  const below = rows.filter((row) => row.score !== null && row.score < requiredScore);
  if (below.length > 0) {
    console.error(`Below ${requiredScore} %: ${below.map((row) => row.module).join(', ')}`);
    return 1;
  }
  return 0;
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
