import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup, type UserConfig } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config';
import { harnessPages } from './rendererBuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'booth-production-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** What only test hooks contain: the harness pages' window APIs and modules, test support, fixtures, e2e code. */
const testOnlyModule = /\/harness\/|\/testSupport\/|\/e2e\/|\.test\.tsx?$|fixture/i;
const harnessGlobals = ['boothVisionHarness', 'boothStorageHarness', 'boothReviewHarness'];

const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));

const configFor = (mode: string) => (viteConfig as (env: { mode: string; command: 'build' }) => UserConfig)({ mode, command: 'build' });

describe('the production renderer build ships no test page', () => {
  it('has the harness pages only in the test mode', () => {
    const inputs = (mode: string) => Object.keys(configFor(mode).build?.rollupOptions?.input ?? {});
    expect(inputs('production')).toEqual(['booth']);
    expect(inputs('test')).toEqual(['booth', ...Object.keys(harnessPages)]);
    expect(configFor('test').build?.outDir).not.toEqual(configFor('production').build?.outDir);
  });

  it('builds the booth alone: no harness file, no test module, no harness window API in the output', async () => {
    const result = (await build({ configFile: `${root}vite.config.ts`, mode: 'production', logLevel: 'warn', build: { outDir } })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const modules = [result]
      .flat()
      .flatMap((output) => output.output)
      .flatMap((item) => (item.type === 'chunk' ? item.moduleIds : []));
    expect(modules.some((id) => id.includes('/renderer/'))).toBe(true);
    expect(modules.filter((id) => testOnlyModule.test(id))).toEqual([]);

    const files = filesUnder(outDir);
    expect(files).toContain('index.html');
    expect(files.filter((file) => /harness/i.test(file))).toEqual([]);
    const scripts = files.filter((file) => file.endsWith('.js') || file.endsWith('.html'));
    const leaking = scripts.filter((file) => harnessGlobals.some((name) => readFileSync(join(outDir, file), 'utf8').includes(name)));
    expect(leaking).toEqual([]);
  }, 300_000);

  it('packages only the production build', () => {
    const builder = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    const included = builder
      .slice(builder.indexOf('\nfiles:'), builder.indexOf('\nasar:'))
      .split('\n')
      .filter((line) => line.trim().startsWith('- ') && !line.includes('!'));
    expect(included.map((line) => line.trim())).toContain('- dist/renderer/**');
    expect(included.filter((line) => /renderer-test|harness|e2e|testSupport/.test(line))).toEqual([]);
  });
});
