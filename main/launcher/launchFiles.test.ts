import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLaunchFiles } from './launchFiles';

const token = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';
const appUrl = `http://127.0.0.1:5310/#token=${token}`;

describe('writeLaunchFiles', () => {
  it('writes an owner-only page forwarding to the app URL, and the token alone; remove() deletes both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'booth-launch-'));
    // A file left with a wider mode by something else is replaced, not reused.
    writeFileSync(join(dir, 'node-host.token'), 'old', { mode: 0o644 });
    const files = writeLaunchFiles(dir, { appUrl, token });
    expect(files.launchPageUrl).toBe(`file://${files.launchPage}`);
    expect(readFileSync(files.launchPage, 'utf8')).toContain(`<meta http-equiv="refresh" content="0;url=${appUrl}">`);
    expect(readFileSync(files.tokenFile, 'utf8')).toBe(`${token}\n`);
    if (process.platform !== 'win32') {
      expect(statSync(files.launchPage).mode & 0o777).toBe(0o600);
      expect(statSync(files.tokenFile).mode & 0o777).toBe(0o600);
    }
    files.remove();
    expect(existsSync(files.launchPage)).toBe(false);
    expect(existsSync(files.tokenFile)).toBe(false);
  });

  it('escapes the URL inside the HTML attribute', () => {
    const files = writeLaunchFiles(mkdtempSync(join(tmpdir(), 'booth-launch-')), { appUrl: 'http://127.0.0.1:1/?a="b"&c=<d>', token });
    expect(readFileSync(files.launchPage, 'utf8')).toContain('content="0;url=http://127.0.0.1:1/?a=&quot;b&quot;&amp;c=&lt;d&gt;"');
  });
});
