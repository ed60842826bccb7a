// Mutation testing of the safety-critical core: `npm run test:mutation` (main/build/mutation/runMutation.ts)
// runs Stryker once per module of main/build/mutation/mutationModules.ts with these shared options, adding
// that module's `mutate`, a Vitest config of its tests, its incremental file and report paths.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: false },
  checkers: ['typescript'],
  // The checker compiles the mutated production code; runMutation.ts writes a project of the module's files
  // (tsconfig.mutation.json) for each run. native-bridges' project includes app/: the fallback for a plain `stryker run`.
  tsconfigFile: 'native-bridges/tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Sized for a two-core machine.
  concurrency: 2,
  incremental: true,
  timeoutMS: 10_000,
  reporters: ['html', 'json', 'progress'],
  ignorePatterns: ['dist', 'test-results', 'playwright-report', 'reports', 'assets/generated', '.booth-data'],
  cleanTempDir: 'always',
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 80, break: null },
};
