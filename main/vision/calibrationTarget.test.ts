import { describe, expect, it } from 'vitest';
import { calibrationTargetMismatch } from './calibrationTarget';

const measured = { manifest: '/agency/models/vendor.json', id: 'vendor-net', version: '2.1', sha256: 'a'.repeat(64) };
const target = { path: '/agency/models/vendor.json', id: 'vendor-net', version: '2.1', sourceSha256: 'a'.repeat(64), preparedSha256: 'c'.repeat(64) };

describe('calibrationTargetMismatch', () => {
  it('lets a calibration go to the manifest it was measured with', () => {
    expect(calibrationTargetMismatch(measured, target)).toBeNull();
  });

  it('refuses any other manifest, a changed one, a changed model file, or a report that does not say', () => {
    expect(calibrationTargetMismatch(measured, { ...target, path: '/repo/assets/models/fr_feature.json' })).toBe('the report was measured with /agency/models/vendor.json, not /repo/assets/models/fr_feature.json');
    expect(calibrationTargetMismatch(measured, { ...target, version: '2.2' })).toMatch(/now describes vendor-net 2\.2, the report measured vendor-net 2\.1/);
    expect(calibrationTargetMismatch(measured, { ...target, sourceSha256: 'b'.repeat(64) })).toMatch(/model file .* changed/);
    expect(calibrationTargetMismatch({ ...measured, manifest: null }, target)).toMatch(/does not say which manifest/);
    // An older report, its manifest named by the user: only if that manifest describes the model measured.
    expect(calibrationTargetMismatch({ ...measured, manifest: null, sha256: null }, target, true)).toBeNull();
    expect(calibrationTargetMismatch({ ...measured, manifest: null, sha256: null }, { ...target, id: 'other' }, true)).toMatch(/now describes other/);
  });

  it('identifies the measured model by either hash, each compared with the same kind', () => {
    const named = { manifest: target.path, id: 'vendor-net', version: '2.1' };
    // A report naming both: the source pin or the prepared bytes the worker ran identify the model.
    expect(calibrationTargetMismatch({ ...named, sourceSha256: 'a'.repeat(64), preparedSha256: 'd'.repeat(64) }, target)).toBeNull();
    expect(calibrationTargetMismatch({ ...named, sourceSha256: 'e'.repeat(64), preparedSha256: 'c'.repeat(64) }, target)).toBeNull();
    expect(calibrationTargetMismatch({ ...named, sourceSha256: 'e'.repeat(64), preparedSha256: 'd'.repeat(64) }, target)).toMatch(/model file .* changed .*measured eeeeeeeeeeee…, dddddddddddd…/);
    // Kinds are not crossed: a source hash equal to the prepared one is not a match.
    expect(calibrationTargetMismatch({ ...named, sourceSha256: 'c'.repeat(64) }, { ...target, sourceSha256: 'b'.repeat(64) })).toMatch(/changed/);
    // An older report's one `sha256` (the prepared file's before the model-set work, the source's after) matches either.
    expect(calibrationTargetMismatch({ ...named, sha256: 'c'.repeat(64) }, target)).toBeNull();
    expect(calibrationTargetMismatch({ ...named, sha256: 'a'.repeat(64) }, target)).toBeNull();
    expect(calibrationTargetMismatch({ ...named, sha256: 'f'.repeat(64) }, target)).toMatch(/changed/);
  });
});
