import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isPermissionGranted, isTrustedSender, secureWebPreferences } from './securityPolicy';

describe('Electron security policy', () => {
  it('grants the camera, and only the camera, to the app itself', () => {
    expect(isPermissionGranted('media', 'app://booth/index.html', ['video'])).toBe(true);
    expect(isPermissionGranted('media', 'app://booth/index.html', ['video', 'audio'])).toBe(false);
    expect(isPermissionGranted('media', 'app://booth/index.html', [])).toBe(false);
    expect(isPermissionGranted('media', 'https://evil.example/', ['video'])).toBe(false);
    expect(isPermissionGranted('geolocation', 'app://booth/index.html')).toBe(false);
    expect(isPermissionGranted('notifications', 'app://booth/', ['video'])).toBe(false);
    expect(isPermissionGranted('media', undefined, ['video'])).toBe(false);
  });

  it('keeps navigation and IPC to the app origin', () => {
    expect(isAllowedNavigation('app://booth/index.html#review')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('app://booth.evil/')).toBe(false);
    expect(isTrustedSender('app://booth/index.html')).toBe(true);
    expect(isTrustedSender('file:///etc/passwd')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('uses the secure webPreferences defaults', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/p.cjs' });
  });
});
