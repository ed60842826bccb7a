import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// Plain-Node scripts (they run before node_modules exists), tested through their exported checks.
// @ts-expect-error: a .mjs without type declarations
import { missingDependencies } from './bootstrap.mjs';
// @ts-expect-error: a .mjs without type declarations
import { howToGet, missingTestTools } from './checkTestTools.mjs';

describe('npm start on a fresh clone', () => {
  it('finds the dependencies node_modules lacks, so it installs only when something is missing', () => {
    const root = mkdtempSync(join(tmpdir(), 'booth-clone-'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ dependencies: { zod: '^4' }, devDependencies: { '@types/node': '^20', tsx: '^4' } }));
    expect(missingDependencies(root)).toEqual(['zod', '@types/node', 'tsx']);
    for (const name of ['zod', '@types/node']) {
      mkdirSync(join(root, 'node_modules', name), { recursive: true });
      writeFileSync(join(root, 'node_modules', name, 'package.json'), '{}');
    }
    expect(missingDependencies(root)).toEqual(['tsx']);
  });
});

describe('npm test on a machine without the system tools', () => {
  const present = (...paths: string[]) => (path: string) => paths.includes(path);

  it('names each missing tool and says in one line how to get them, naming bash .ci/run', () => {
    const env = { PATH: '/usr/bin:/usr/sbin' };
    expect(missingTestTools(env, present('/usr/bin/chromium', '/usr/bin/ffmpeg', '/usr/sbin/pcscd'))).toEqual([]);
    const missing = missingTestTools(env, present('/usr/bin/ffmpeg'));
    expect(missing).toEqual(['chromium', 'pcscd']);
    const message: string = howToGet(missing);
    expect(message).toMatch(/^npm test needs chromium, pcscd: /);
    expect(message).toContain('bash .ci/run');
    expect(message).not.toContain('\n');
  });

  it('looks for Chromium where BOOTH_CHROMIUM says', () => {
    expect(missingTestTools({ PATH: '/usr/bin', BOOTH_CHROMIUM: '/opt/chrome/chrome' }, present('/opt/chrome/chrome', '/usr/bin/ffmpeg', '/usr/bin/pcscd'))).toEqual([]);
  });
});
