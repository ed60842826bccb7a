import { build as bundle, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { build as buildRenderer } from 'vite';
import type { RendererBuildMode } from './rendererBuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds the renderer with Vite (`mode`: see rendererBuild.ts; the end-to-end tests build `test`), and bundles
 * Electron's main and preload into dist/main as CommonJS.
 */
export async function buildAll(mode: RendererBuildMode = 'production'): Promise<void> {
  await buildRenderer({ configFile: `${root}vite.config.ts`, mode, logLevel: 'warn' });
  await buildElectron();
}

/**
 * Electron loads CommonJS; the sandboxed preload must be one file with no imports but 'electron'.
 * Native modules stay external: they are unpacked from the asar (see electron-builder.yml).
 */
export async function buildElectron(): Promise<void> {
  const common: BuildOptions = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', external: ['electron', 'smartcard', 'serialport', '@node-rs/argon2'] };
  await bundle({ ...common, entryPoints: [`${root}main/electron/main.ts`], outfile: `${root}dist/main/electron-main.cjs` });
  await bundle({ ...common, entryPoints: [`${root}main/electron/preload.ts`], outfile: `${root}dist/main/preload.cjs` });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildAll();
  console.log('Built dist/renderer and dist/main.');
}
