import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../app/settings/boothSettings';
import { loadTrustStore } from '../../native-bridges/chip/passive-auth/trustStore.node.ts';
import { buildCrl, generateTestPki } from '../../native-bridges/chip/pki/testPki.node.ts';
import { chipTrustNotices } from './chipTrustNotices';

const at = new Date('2026-06-01T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'booth-notices-'));
beforeAll(async () => {
  const pki = await generateTestPki({ algorithm: 'ecdsa-p256', notBefore: new Date('2026-01-01') });
  writeFileSync(join(dir, 'csca.der'), pki.csca.der);
  writeFileSync(join(dir, 'stale.crl'), await buildCrl(pki.csca, [], new Date('2026-04-01'), new Date('2026-05-01')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chip trust notices in the header', () => {
  it('a hardware booth with no trust list is told that no chip can be verified; a simulated booth is not', () => {
    expect(chipTrustNotices(resolveSettings({ devices: 'hardware' }).settings, undefined, at)).toEqual([expect.stringMatching(/trust list is empty, so no chip can be verified/)]);
    expect(chipTrustNotices(resolveSettings({ devices: 'sim' }).settings, undefined, at)).toEqual([]);
  });

  it('a CRL past its next update is shown with its date', () => {
    const settings = resolveSettings({ devices: 'hardware', chipTrust: [dir] }).settings;
    const notices = chipTrustNotices(settings, loadTrustStore([dir], at), at);
    expect(notices).toEqual([expect.stringMatching(/stale\.crl .* was due for update on 2026-05-01: chips of that state are not verifiable/)]);
  });
});
