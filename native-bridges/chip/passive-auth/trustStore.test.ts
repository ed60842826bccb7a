import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PkiEntity, TestPki } from '../pki/testPki.node.ts';
import { buildMasterList } from '../pki/buildMasterList.node.ts';
import { buildCrl, generateLinkedCsca, generateMasterListSigner, generateTestPki } from '../pki/testPki.node.ts';
import { loadCrls, loadTrustStore } from './trustStore.node.ts';

// The trust store as an agency administrator fills it: a folder of CSCA certificates, link certificates and CRLs.
// What may anchor a chain is decided here: a self-signed CSCA, a link certificate a loaded CSCA signed, a CSCA
// given as is; never a Document Signer. A file that cannot be used is refused with a reason and never stops the rest.

const notBefore = new Date('2026-01-01T00:00:00Z');
const at = new Date('2026-06-01T00:00:00Z');
const cscaName = 'C=UT, O=Booth Test PKI, CN=Booth Test CSCA';

let real: TestPki;
let lookalike: TestPki;
let rollover: { link: PkiEntity; ds: PkiEntity };
let secondRollover: { link: PkiEntity; ds: PkiEntity };
let dir: string;
beforeAll(async () => {
  [real, lookalike] = await Promise.all([generateTestPki({ algorithm: 'ecdsa-p256', notBefore }), generateTestPki({ algorithm: 'ecdsa-p256', notBefore })]);
  rollover = await generateLinkedCsca(real.csca, notBefore);
  secondRollover = await generateLinkedCsca(rollover.link, notBefore);
  dir = mkdtempSync(join(tmpdir(), 'booth-trust-store-'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder holding the given files. */
function folder(files: Readonly<Record<string, Uint8Array | string>>): string {
  const path = join(dir, `case-${folders++}`);
  mkdirSync(path);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(path, name), content);
  return path;
}
const pem = (label: string, der: Uint8Array) => `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;
const crl = (issuer: PkiEntity, nextUpdate = new Date('2026-07-01'), revoked: number[] = [5, 6]) => buildCrl(issuer, revoked, new Date('2026-05-01'), nextUpdate);

describe('loading CSCA certificates', () => {
  it('trusts a self-signed CSCA and refuses a Document Signer as an anchor', () => {
    const store = loadTrustStore([folder({ 'csca.cer': real.csca.der, 'ds.der': real.ds.der })], at);
    expect(store.anchors.map((a) => a.source)).toEqual(['csca.cer']);
    expect(store.anchors[0]!.der).toEqual(real.csca.der);
    expect(store.files).toEqual([
      { file: expect.stringMatching(/csca\.cer$/), kind: 'csca', status: 'loaded', note: 'self-signed', subject: cscaName, country: 'UT', validUntil: '2035-12-30' },
      {
        file: expect.stringMatching(/ds\.der$/),
        kind: 'certificate',
        status: 'refused',
        subject: 'C=UT, O=Booth Test PKI, CN=Booth Test Document Signer',
        reason: 'not a CSCA: the certificate may not sign certificates (a Document Signer is not a trust anchor)',
      },
    ]);
    expect(store.checks).toEqual([]);
    expect(store.crls).toEqual([]);
  });

  it('trusts a link certificate the loaded CSCA signed, also through a chain of links in any file order', () => {
    // Sorted by name, the second link comes first: it can only be accepted once the first link is.
    const store = loadTrustStore([folder({ 'a-link2.der': secondRollover.link.der, 'b-link1.der': rollover.link.der, 'c-csca.der': real.csca.der })], at);
    expect(store.files.map((f) => [f.file.slice(f.file.lastIndexOf('/') + 1), f.kind, f.note])).toEqual([
      ['c-csca.der', 'csca', 'self-signed'],
      ['b-link1.der', 'link_certificate', `signed by the loaded CSCA ${cscaName}`],
      ['a-link2.der', 'link_certificate', `signed by the loaded CSCA ${cscaName}`],
    ]);
    expect(store.anchors.map((a) => a.source)).toEqual(['c-csca.der', 'b-link1.der', 'a-link2.der']);
  });

  it('trusts a CSCA link certificate as given when the CSCA that signed it is not loaded', () => {
    const store = loadTrustStore([folder({ 'link.der': rollover.link.der })], at);
    expect(store.files).toEqual([expect.objectContaining({ kind: 'link_certificate', status: 'loaded', note: 'trusted as given: the CSCA that signed it is not loaded' })]);
    expect(store.anchors).toHaveLength(1);
  });

  it('a link certificate whose signature does not verify with the loaded CSCA of that name is trusted only as given', () => {
    // The look-alike CSCA has the same name but another key: it did not sign the link.
    const store = loadTrustStore([folder({ 'csca.der': lookalike.csca.der, 'link.der': rollover.link.der })], at);
    expect(store.files.find((f) => f.file.endsWith('link.der'))).toMatchObject({ note: 'trusted as given: the CSCA that signed it is not loaded' });
  });

  it('reads PEM certificates, and one PEM file may hold several', () => {
    const store = loadTrustStore([folder({ 'both.pem': pem('CERTIFICATE', real.csca.der) + pem('CERTIFICATE', lookalike.csca.der) })], at);
    expect(store.anchors).toHaveLength(2);
    expect(store.files.every((f) => f.kind === 'csca' && f.status === 'loaded')).toBe(true);
  });
});

describe('which files are read', () => {
  it('reads a folder\'s trust files in name order, whatever the case of their extension, and single files given directly', () => {
    const path = folder({ 'c.DER': real.csca.der, 'a.cer': lookalike.csca.der, 'b.crt': rollover.link.der });
    expect(loadTrustStore([path], at).anchors.map((a) => a.source)).toEqual(['a.cer', 'c.DER', 'b.crt']);
    expect(loadTrustStore([join(path, 'c.DER')], at).anchors.map((a) => a.source)).toEqual(['c.DER']);
  });

  it('reads only trust files from a folder: a note beside them is not refused, it is not read', () => {
    const store = loadTrustStore([folder({ 'csca.der': real.csca.der, 'README.txt': 'CSCAs of the agency', 'notes.json': '{}' })], at);
    expect(store.files.map((f) => [f.kind, f.status])).toEqual([['csca', 'loaded']]);
  });

  it('refuses a trust-file name that cannot be read as a file (a folder named like one)', () => {
    const path = folder({ 'csca.der': real.csca.der });
    mkdirSync(join(path, 'nested.der'));
    const store = loadTrustStore([path], at);
    expect(store.files).toEqual([
      { file: join(path, 'nested.der'), kind: 'unknown', status: 'refused', reason: expect.stringMatching(/^cannot be read: /) },
      expect.objectContaining({ file: join(path, 'csca.der'), status: 'loaded' }),
    ]);
  });

  it('refuses a PEM file whose certificate blocks are missing (its CRL block beyond the part read to classify it)', () => {
    const padding = `-----BEGIN COMMENT-----\n${'x'.repeat(5000)}\n-----END COMMENT-----\n`;
    const store = loadTrustStore([folder({ 'late.pem': `${padding}-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n` })], at);
    expect(store.files).toEqual([expect.objectContaining({ kind: 'certificate', status: 'refused', reason: 'holds no certificate' })]);
  });
});

describe('files that cannot be used are refused, and the rest still loads', () => {
  it('refuses a file that is no certificate, master list or CRL, and a path that cannot be read', () => {
    const path = folder({ 'csca.der': real.csca.der, 'junk.der': Uint8Array.of(1, 2, 3), 'notes.txt': 'ignored: not a trust file' });
    const missing = join(dir, 'no-such-file.der');
    const store = loadTrustStore([path, missing], at);
    expect(store.anchors).toHaveLength(1);
    expect(store.files).toEqual([
      { file: missing, kind: 'unknown', status: 'refused', reason: expect.stringMatching(/^cannot be read: /) },
      { file: join(path, 'junk.der'), kind: 'unknown', status: 'refused', reason: expect.stringMatching(/^neither a certificate, a master list nor a CRL: /) },
      expect.objectContaining({ file: join(path, 'csca.der'), status: 'loaded' }),
    ]);
  });

  it('refuses a PEM file that holds no certificate', () => {
    const store = loadTrustStore([folder({ 'empty.pem': '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n' })], at);
    expect(store.files).toEqual([expect.objectContaining({ status: 'refused', reason: expect.stringMatching(/holds no CERTIFICATE/) })]);
  });

  it('refuses a master list that is not one, as a failed master-list check the chip reports carry', () => {
    const store = loadTrustStore([folder({ 'broken.ml': Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00) })], at);
    expect(store.checks).toEqual([expect.objectContaining({ check: 'master_list', status: 'failed', detail: expect.objectContaining({ file: 'broken.ml' }) })]);
    expect(store.files).toEqual([expect.objectContaining({ kind: 'master_list', status: 'refused' })]);
    expect(store.anchors).toEqual([]);
  });

  it('takes a .ms file (a master list\'s other extension) from a folder for a master list, even one too broken to show it is CMS', async () => {
    const list = await buildMasterList(await generateMasterListSigner(real.csca, notBefore), [lookalike.csca.certificate]);
    const store = loadTrustStore([folder({ 'csca.cer': real.csca.der, 'list.ms': list, 'broken.ms': 'not CMS at all' })], at);
    expect(store.files.filter((f) => f.kind === 'master_list').map((f) => [basename(f.file), f.status])).toEqual([
      ['broken.ms', 'refused'],
      ['list.ms', 'loaded'],
    ]);
    expect(store.anchors.map((a) => a.der)).toContainEqual(lookalike.csca.der);
  });

  it('takes a CMS file without the .ml extension for a master list, not a certificate', () => {
    // ContentInfo { signedData OID ... }: the head of every master list.
    const cms = Uint8Array.from(Buffer.from('308203e806092a864886f70d010702a08203d9300000', 'hex'));
    const store = loadTrustStore([folder({ 'list.der': cms })], at);
    expect(store.files).toEqual([expect.objectContaining({ kind: 'master_list', status: 'refused' })]);
    expect(store.checks).toEqual([expect.objectContaining({ check: 'master_list', status: 'failed' })]);
  });
});

describe('master lists', () => {
  it('trusts a master list whose signer a loaded CSCA certified, and never one whose signer a refused Document Signer certified', async () => {
    const byCsca = loadTrustStore([folder({ 'csca.cer': real.csca.der, 'list.ml': await buildMasterList(await generateMasterListSigner(real.csca, notBefore), [lookalike.csca.certificate]) })], at);
    expect(byCsca.files.find((f) => f.kind === 'master_list')).toMatchObject({ status: 'loaded', certificates: 1 });
    expect(byCsca.anchors.map((a) => a.der)).toContainEqual(lookalike.csca.der);

    const byDs = loadTrustStore([folder({ 'ds.der': real.ds.der, 'list.ml': await buildMasterList(await generateMasterListSigner(real.ds, notBefore), [lookalike.csca.certificate]) })], at);
    expect(byDs.files.find((f) => f.file.endsWith('ds.der'))).toMatchObject({ status: 'refused' });
    expect(byDs.files.find((f) => f.kind === 'master_list')).toMatchObject({ status: 'refused', reason: expect.stringMatching(/does not chain to a known CSCA/) });
    expect(byDs.anchors).toEqual([]);
  });
});

describe('loading CRLs', () => {
  it('loads a CRL signed by the loaded CSCA it names, with its next update and revoked count', async () => {
    const store = loadTrustStore([folder({ 'csca.der': real.csca.der, 'ut.crl': await crl(real.csca) })], at);
    expect(store.crls).toHaveLength(1);
    expect(store.files.find((f) => f.kind === 'crl')).toEqual({ file: expect.stringMatching(/ut\.crl$/), kind: 'crl', status: 'loaded', subject: cscaName, country: 'UT', nextUpdate: '2026-07-01', revoked: 2 });
  });

  it('marks a loaded CRL past its next update as expired (chips of that state are then not verifiable)', async () => {
    const store = loadTrustStore([folder({ 'csca.der': real.csca.der, 'ut.crl': await crl(real.csca, new Date('2026-05-15'), []) })], at);
    expect(store.files.find((f) => f.kind === 'crl')).toMatchObject({ status: 'loaded', expired: true, nextUpdate: '2026-05-15', revoked: 0 });
    // Up to and including its next update it is not expired.
    const current = loadTrustStore([folder({ 'csca.der': real.csca.der, 'ut.crl': await crl(real.csca, at) })], at);
    expect(current.files.find((f) => f.kind === 'crl')).not.toHaveProperty('expired');
  });

  it('refuses a CRL not signed by the CSCA it names, and one whose CSCA is not loaded, but keeps both for the chip check', async () => {
    const forged = loadTrustStore([folder({ 'csca.der': real.csca.der, 'forged.crl': await crl(lookalike.csca) })], at);
    expect(forged.files.find((f) => f.kind === 'crl')).toMatchObject({ status: 'refused', reason: 'not signed by the CSCA it names: chips of that state are not verifiable while it is loaded' });
    expect(forged.crls).toHaveLength(1);
    const orphan = loadTrustStore([folder({ 'ut.crl': await crl(real.csca) })], at);
    expect(orphan.files).toEqual([expect.objectContaining({ kind: 'crl', status: 'refused', reason: `no loaded CSCA named ${cscaName} to authenticate it` })]);
    expect(orphan.crls).toHaveLength(1);
  });

  it('reads a PEM file holding only CRLs as CRLs, whatever its extension', async () => {
    const store = loadTrustStore([folder({ 'csca.der': real.csca.der, 'ut-crl.pem': pem('X509 CRL', await crl(real.csca)) })], at);
    expect(store.files.find((f) => f.file.endsWith('ut-crl.pem'))).toMatchObject({ kind: 'crl', status: 'loaded' });
  });

  it('refuses a .crl file that is not a CRL', () => {
    const store = loadTrustStore([folder({ 'bad.crl': Uint8Array.of(0x04, 0x01, 0x00) })], at);
    expect(store.files).toEqual([expect.objectContaining({ kind: 'crl', status: 'refused', reason: expect.stringMatching(/^not a CRL: /) })]);
  });

  it('loadCrls reads CRL files and names the file that is not one', async () => {
    const path = folder({ 'ut.crl': await crl(real.csca), 'bad.crl': 'not a crl' });
    expect(loadCrls([join(path, 'ut.crl')])).toHaveLength(1);
    expect(() => loadCrls([join(path, 'bad.crl')])).toThrow(`${join(path, 'bad.crl')} is not a CRL: `);
    // The parse error stays attached, for the log.
    expect(() => loadCrls([join(path, 'bad.crl')])).toThrow(expect.objectContaining({ cause: expect.any(Error) }));
  });
});
