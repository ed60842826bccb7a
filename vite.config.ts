import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { crossOriginIsolationHeaders } from './app/host/securityHeaders.ts';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * Builds the renderer (and its workers) into dist/renderer. The Node host and Electron both serve that folder.
 * Prepared models and WASM runtimes (made by the install step, never committed) are served from assets/generated.
 */
export default defineConfig({
  root: fromRoot('./renderer'),
  base: './',
  publicDir: fromRoot('./assets/generated'),
  build: {
    outDir: fromRoot('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        booth: fromRoot('./renderer/index.html'),
        visionHarness: fromRoot('./renderer/vision/harness/index.html'),
        storageHarness: fromRoot('./renderer/storage/harness/index.html'),
        reviewHarness: fromRoot('./renderer/features/review/harness/index.html'),
      },
    },
  },
  worker: { format: 'es' },
  server: { headers: crossOriginIsolationHeaders },
  preview: { headers: crossOriginIsolationHeaders },
});
