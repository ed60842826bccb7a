import { defineConfig } from 'vitest/config';
import { DatasetSkipReporter } from './testSupport/datasetSkipReporter.ts';

// Unit tests run in Node: the environment-free core, the services, the bridges and the renderer's
// store logic. Anything that needs a real browser is an end-to-end test under e2e/.
export default defineConfig({
  test: {
    include: ['{app,main,native-bridges,renderer}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // The summary says how many dataset-backed tests were skipped and why; in CI with the datasets, a skip fails.
    reporters: ['default', new DatasetSkipReporter()],
  },
});
