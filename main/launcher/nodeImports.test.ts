import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

// Vitest resolves imports its own way; this runs the real entry points under Node + tsx, where a bare
// './x.node' specifier is taken for a native addon (the *.node.ts files must be imported as './x.node.ts').
describe('entry points load the *.node.ts modules under Node', () => {
  it('npx booth chip --help (the chip commands import native-bridges/chip/*.node.ts)', () => {
    const run = spawnSync(process.execPath, ['main/cli/booth.mjs', 'chip', '--help'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).not.toContain('ERR_MODULE_NOT_FOUND');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: booth chip');
  }, 130_000);

  it('npm start (bootstrap, then start.ts with every service imported) answers a bad option with its usage', () => {
    const run = spawnSync(process.execPath, ['main/launcher/bootstrap.mjs', '--no-such-option'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).not.toContain('ERR_MODULE_NOT_FOUND');
    expect(run.stderr + run.stdout).toContain('Usage: npm start');
  }, 130_000);
});
