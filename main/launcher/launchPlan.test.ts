import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAppArgs } from './browserAppArgs';
import { chooseLaunchPlan, findElectronBinary, type LaunchEnvironment } from './launchPlan';

const base: LaunchEnvironment = { platform: 'linux', env: { DISPLAY: ':0' }, electronPath: null, fileExists: (path) => path === '/usr/bin/chromium', noOpen: false };

describe('chooseLaunchPlan', () => {
  it('prefers Electron when its binary exists', () => {
    expect(chooseLaunchPlan({ ...base, electronPath: '/x/electron' })).toEqual({ kind: 'electron', electronPath: '/x/electron' });
  });

  it('falls back to Chromium in app mode when there is a display', () => {
    expect(chooseLaunchPlan(base)).toEqual({ kind: 'browser-app', browserPath: '/usr/bin/chromium' });
    expect(chooseLaunchPlan({ ...base, env: { DISPLAY: ':0', BOOTH_BROWSER: '/opt/edge' }, fileExists: () => true })).toEqual({ kind: 'browser-app', browserPath: '/opt/edge' });
  });

  it('prints the URL without a display, without a browser, or when asked', () => {
    expect(chooseLaunchPlan({ ...base, env: {} })).toMatchObject({ kind: 'print-url', reason: expect.stringContaining('no display') });
    expect(chooseLaunchPlan({ ...base, fileExists: () => false })).toMatchObject({ kind: 'print-url', reason: expect.stringContaining('BOOTH_BROWSER') });
    expect(chooseLaunchPlan({ ...base, electronPath: '/x/electron', noOpen: true })).toMatchObject({ kind: 'print-url' });
  });
});

describe('findElectronBinary', () => {
  const fakePackage = (withBinary: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'electron-pkg-'));
    writeFileSync(join(dir, 'path.txt'), 'electron');
    if (withBinary) {
      mkdirSync(join(dir, 'dist'));
      writeFileSync(join(dir, 'dist', 'electron'), '');
    }
    return dir;
  };

  it('finds the binary the electron package points to', () => {
    const dir = fakePackage(true);
    expect(findElectronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  it('returns null, without trying to download, where the binary was skipped at install', () => {
    expect(findElectronBinary(fakePackage(false), {})).toBeNull();
    expect(findElectronBinary(mkdtempSync(join(tmpdir(), 'no-path-txt-')), {})).toBeNull();
    expect(findElectronBinary(null, {})).toBeNull();
  });
});

describe('browserAppArgs', () => {
  it('opens the app window and, with simulated devices, the fake camera', () => {
    const args = browserAppArgs('http://127.0.0.1:5310/', '/tmp/profile', 'sim', { fakeCameraClip: '/tmp/clip.y4m' });
    expect(args).toContain('--app=http://127.0.0.1:5310/');
    expect(args).toContain('--use-fake-device-for-media-stream');
    expect(args).toContain('--use-file-for-fake-video-capture=/tmp/clip.y4m');
    expect(browserAppArgs('http://h/', '/p', 'hardware')).not.toContain('--use-fake-device-for-media-stream');
    expect(args).not.toContain('--no-sandbox');
    expect(browserAppArgs('http://h/', '/p', 'hardware', { runningAsRoot: true })).toContain('--no-sandbox');
  });
});
