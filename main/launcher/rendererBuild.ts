/**
 * The two renderer builds. `production` is what `npm start`, Electron and the packages serve: the booth only.
 * `test` (the end-to-end build) adds the harness pages the Playwright specs and benches drive, into a folder of
 * its own, so a test build is never served or packaged as the product.
 */
export type RendererBuildMode = 'production' | 'test';

export const rendererBuildDir: Readonly<Record<RendererBuildMode, string>> = { production: 'dist/renderer', test: 'dist/renderer-test' };

/** The harness pages, relative to the repository root: test hooks built only in the `test` mode. */
export const harnessPages = {
  visionHarness: 'renderer/vision/harness/index.html',
  storageHarness: 'renderer/storage/harness/index.html',
  reviewHarness: 'renderer/features/review/harness/index.html',
} as const;

export function isRendererBuildMode(mode: string): mode is RendererBuildMode {
  return mode === 'production' || mode === 'test';
}
