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
  it('returns null instead of throwing where the Electron binary was not downloaded', () => {
    // On CI and here the package is installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1.
    const found = findElectronBinary();
    expect(found === null || typeof found === 'string').toBe(true);
  });
});

describe('browserAppArgs', () => {
  it('opens the app window and, with simulated devices, the fake camera', () => {
    const args = browserAppArgs('http://127.0.0.1:5310/', '/tmp/profile', 'sim', '/tmp/clip.y4m');
    expect(args).toContain('--app=http://127.0.0.1:5310/');
    expect(args).toContain('--use-fake-device-for-media-stream');
    expect(args).toContain('--use-file-for-fake-video-capture=/tmp/clip.y4m');
    expect(browserAppArgs('http://h/', '/p', 'hardware')).not.toContain('--use-fake-device-for-media-stream');
  });
});
