import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { crossOriginIsolationHeaders } from './app/host/securityHeaders.ts';
import { harnessPages, isRendererBuildMode, rendererBuildDir } from './main/launcher/rendererBuild.ts';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * Builds the renderer (and its workers): `vite build` (mode production) into dist/renderer, which the Node host
 * and Electron serve; `vite build --mode test` into dist/renderer-test with the harness pages beside the booth
 * (see main/launcher/rendererBuild.ts). Prepared models and WASM runtimes (made by the install step, never
 * committed) are served from assets/generated.
 */
export default defineConfig(({ mode }) => {
  if (!isRendererBuildMode(mode) && mode !== 'development') throw new Error(`Unknown renderer build mode "${mode}": production or test.`);
  const withHarness = mode === 'test';
  const harness = Object.fromEntries(Object.entries(harnessPages).map(([name, page]) => [name, fromRoot(`./${page}`)]));
  return {
    root: fromRoot('./renderer'),
    base: './',
    publicDir: fromRoot('./assets/generated'),
    build: {
      outDir: fromRoot(`./${rendererBuildDir[withHarness ? 'test' : 'production']}`),
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: {
        input: { booth: fromRoot('./renderer/index.html'), ...(withHarness ? harness : {}) },
      },
    },
    worker: { format: 'es' },
    server: { headers: crossOriginIsolationHeaders },
    preview: { headers: crossOriginIsolationHeaders },
  };
});
