import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassiveAuthentication } from '../../../native-bridges/chip/passive-auth/passiveAuthentication.node.ts';
import { loadTrustStore } from '../../../native-bridges/chip/passive-auth/trustStore.node.ts';
import type { TrustFile } from '../../../native-bridges/chip/passive-auth/trustFile.node.ts';
import { buildSod } from '../../../native-bridges/chip/pki/buildSod.node.ts';
import type { TestPki } from '../../../native-bridges/chip/pki/testPki.node.ts';
import { buildCrl, generateLinkedCsca, generateTestPki } from '../../../native-bridges/chip/pki/testPki.node.ts';
import { runChipTrustCheck, runChipTrustList } from './chipTrust';
import { dataset } from '../../../testSupport/datasets';

const notBefore = new Date('2026-01-01T00:00:00Z');
const at = new Date('2026-06-01T00:00:00Z');
const dataGroups = new Map([[1, Uint8Array.of(0x61, 0x00)]]);
const masterLists = dataset(import.meta.url, 'emrtd/master_lists_and_csca', 'chip trust check of a national master list');

let pki: TestPki;
let forger: TestPki;
let rollover: Awaited<ReturnType<typeof generateLinkedCsca>>;
const dir = mkdtempSync(join(tmpdir(), 'booth-trust-'));
const file = (name: string) => join(dir, name);
beforeAll(async () => {
  [pki, forger] = await Promise.all([generateTestPki({ algorithm: 'ecdsa-p256', notBefore }), generateTestPki({ algorithm: 'ecdsa-p256', notBefore })]);
  rollover = await generateLinkedCsca(pki.csca, notBefore);
  writeFileSync(file('csca.der'), pki.csca.der);
  writeFileSync(file('link.der'), rollover.link.der);
  writeFileSync(file('ds.der'), pki.ds.der);
  writeFileSync(file('current.crl'), await buildCrl(pki.csca, [], new Date('2026-05-01'), new Date('2026-07-01')));
  writeFileSync(file('stale.crl'), await buildCrl(pki.csca, [], new Date('2026-04-01'), new Date('2026-05-01')));
  writeFileSync(file('forged.crl'), await buildCrl(forger.csca, [], new Date('2026-05-01'), new Date('2026-07-01')));
  writeFileSync(file('notes.pem'), 'not a certificate');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (files: readonly TrustFile[], name: string) => files.find((f) => f.file === file(name));

describe('trust store an agency can run', () => {
  it('loads CSCAs and link certificates, refuses Document Signers, unauthentic CRLs and junk, each with a reason', () => {
    const store = loadTrustStore([dir], at);
    expect(entry(store.files, 'csca.der')).toMatchObject({ kind: 'csca', status: 'loaded', note: 'self-signed', country: 'UT' });
    expect(entry(store.files, 'link.der')).toMatchObject({ kind: 'link_certificate', status: 'loaded', note: expect.stringMatching(/signed by the loaded CSCA/) });
    expect(entry(store.files, 'ds.der')).toMatchObject({ status: 'refused', reason: expect.stringMatching(/not a CSCA/) });
    expect(entry(store.files, 'current.crl')).toMatchObject({ kind: 'crl', status: 'loaded', nextUpdate: '2026-07-01' });
    expect(entry(store.files, 'stale.crl')).toMatchObject({ kind: 'crl', status: 'loaded', expired: true });
    expect(entry(store.files, 'forged.crl')).toMatchObject({ kind: 'crl', status: 'refused', reason: expect.stringMatching(/not signed by the CSCA/) });
    expect(entry(store.files, 'notes.pem')).toMatchObject({ status: 'refused', reason: expect.stringMatching(/neither a certificate/) });
    expect(store.anchors.map((a) => a.source).sort()).toEqual(['csca.der', 'link.der']);
  });

  it('a Document Signer issued after a key rollover chains through the link certificate', async () => {
    const sod = await buildSod({ dataGroups, ds: rollover.ds, hashAlgorithm: 'SHA-256' });
    const withLink = loadTrustStore([file('csca.der'), file('link.der')], at);
    expect(verifyPassiveAuthentication({ sod, dataGroups, anchors: withLink.anchors, at }).verdict).toBe('verified');
    const withoutLink = loadTrustStore([file('csca.der')], at);
    const result = verifyPassiveAuthentication({ sod, dataGroups, anchors: withoutLink.anchors, at });
    // The old CSCA has the right name but not the new key: the chain fails rather than passing on the name alone.
    expect(result.checks.find((c) => c.check === 'csca_chain')?.status).toBe('failed');
  });

  it('a loaded forged CRL makes that state\'s chips not verifiable (the real CRL might list the signer)', async () => {
    const store = loadTrustStore([file('csca.der'), file('forged.crl')], at);
    const sod = await buildSod({ dataGroups, ds: pki.ds, hashAlgorithm: 'SHA-256' });
    expect(verifyPassiveAuthentication({ sod, dataGroups, anchors: store.anchors, crls: store.crls, at }).verdict).toBe('not_verifiable');
  });
});

describe('booth chip trust list|check', () => {
  it('check: a usable file exits 0; a refused one exits 1 and says why', () => {
    expect(runChipTrustCheck(file('csca.der'), {}, at)).toMatchObject({ exitCode: 0, output: expect.stringMatching(/^LOADED {2}csca/) });
    const ds = runChipTrustCheck(file('ds.der'), {}, at);
    expect(ds.exitCode).toBe(1);
    expect(ds.output).toMatch(/REFUSED certificate .*ds\.der[\s\S]*why refused: not a CSCA/);
    const missing = runChipTrustCheck(file('absent.der'), { json: true }, at);
    expect(missing.exitCode).toBe(1);
    expect(JSON.parse(missing.output).files[0]).toMatchObject({ status: 'refused', reason: expect.stringMatching(/cannot be read/) });
  });

  it('list: shows every file, the stale CRL as past its next update, and exits 1 for the problems', () => {
    const outcome = runChipTrustList({ trust: [dir] }, at);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.output).toMatch(/next update 2026-05-01 \(PAST: revocation status unknown\)/);
    expect(outcome.output).toMatch(/2 CSCA\(s\) trusted, 3 CRL\(s\) read, 4 problem\(s\)$/);
  });

  it('list: an empty trust list is a usage error naming the setting', () => {
    const empty = mkdtempSync(join(tmpdir(), 'booth-data-'));
    try {
      expect(runChipTrustList({ dataDir: empty }, at)).toMatchObject({ exitCode: 2, output: expect.stringMatching(/chipTrust/) });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it.skipIf(!masterLists.present)('check: a national master list loads with its own signature checked', () => {
    const outcome = runChipTrustCheck(join(masterLists.path, 'DE_ML_2026-05-28-08-28-45.ml'), { json: true }, new Date('2026-11-23'));
    expect(outcome.exitCode).toBe(0);
    expect(JSON.parse(outcome.output).files[0]).toMatchObject({ kind: 'master_list', status: 'loaded', certificates: 588 });
  });
});
