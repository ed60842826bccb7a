import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppAssetPath } from './appAssets';

describe('resolveAppAssetPath', () => {
  const root = '/opt/booth/dist/renderer';

  it('maps app:// URLs into the renderer build', () => {
    expect(resolveAppAssetPath('app://booth/', root)).toBe('/opt/booth/dist/renderer/index.html');
    expect(resolveAppAssetPath('app://booth/assets/main-1a2b.js?v=1', root)).toBe('/opt/booth/dist/renderer/assets/main-1a2b.js');
  });

  it('refuses to leave the folder or serve other origins', () => {
    // URL parsing already folds dot segments (plain or %2e-encoded) at the root, so they stay inside.
    expect(resolveAppAssetPath('app://booth/../../etc/passwd', root)).toBe('/opt/booth/dist/renderer/etc/passwd');
    expect(resolveAppAssetPath('app://booth/%2e%2e/%2e%2e/etc/passwd', root)).toBe('/opt/booth/dist/renderer/etc/passwd');
    // An encoded slash would survive URL parsing and climb out after decoding: refused.
    expect(resolveAppAssetPath('app://booth/..%2f..%2f..%2fetc/passwd', root)).toBeNull();
    expect(resolveAppAssetPath('app://booth/a%00.js', root)).toBeNull();
    expect(resolveAppAssetPath('app://other/index.html', root)).toBeNull();
    expect(resolveAppAssetPath('not a url', root)).toBeNull();
  });

  it('knows the content types the app serves', () => {
    expect(contentTypeFor('x.wasm')).toBe('application/wasm');
    expect(contentTypeFor('x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});
