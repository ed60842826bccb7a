import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type * as pkijs from 'pkijs';
import type { ChipCheck } from '../../../app/document/lds/chipCheck';
import { countryOf, describeName, isoDate, mayIssueCertificates, parseCertificates, verifyCertificateSignature } from './certificates.node.ts';
import { crlSignedBy } from './crlCheck.node.ts';
import { parseMasterList } from './masterList.node.ts';
import { TrustAnchor } from './trustAnchor.node.ts';
import type { TrustFile } from './trustFile.node.ts';
import { isCrlFile, parseCrls } from './trustFile.node.ts';

/** CSCAs to chain Document Signers to, the CRLs of their states, and what loading each file gave. */
export interface TrustStore {
  readonly anchors: readonly TrustAnchor[];
  /** One check per master list (its own signature), passed into chip reports. */
  readonly checks: readonly ChipCheck[];
  /** Every CRL read, authentic or not: the crl check decides per chip (an unauthentic one makes it not verifiable). */
  readonly crls: readonly pkijs.CertificateRevocationList[];
  /** What was loaded or refused, file by file (for `booth chip trust list|check` and the host's notices). */
  readonly files: readonly TrustFile[];
}

const trustExtensions = new Set(['.der', '.cer', '.crt', '.pem', '.ml', '.ms', '.crl']);
const masterListExtensions = new Set(['.ml', '.ms']);

function looksLikeMasterList(path: string, bytes: Uint8Array): boolean {
  if (masterListExtensions.has(extname(path).toLowerCase())) return true;
  // A ContentInfo (30 ..) whose first element is the signedData OID: a CMS file, not a certificate.
  const head = Buffer.from(bytes.subarray(0, 24)).toString('hex');
  return head.includes('06092a864886f70d010702');
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function expand(paths: readonly string[], files: TrustFile[]): string[] {
  return paths.flatMap((p) => {
    try {
      if (!statSync(p).isDirectory()) return [p];
      return readdirSync(p)
        .filter((name) => trustExtensions.has(extname(name).toLowerCase()))
        .sort()
        .map((name) => join(p, name));
    } catch (error) {
      files.push({ file: p, kind: 'unknown', status: 'refused', reason: `cannot be read: ${message(error)}` });
      return [];
    }
  });
}

const selfSigned = (cert: pkijs.Certificate) => cert.subject.isEqual(cert.issuer) && verifyCertificateSignature(cert, cert).ok;

/**
 * Loads trust from paths (files or folders): CSCA master lists (trusted only when their own CMS signature
 * verifies and their signer chains to a CSCA), CSCA certificates (self-signed roots), link certificates
 * (trusted only when a loaded CSCA signed them), and CRLs. A file that cannot be used is refused with a reason
 * and never stops the rest loading: an agency's folder with one bad file still protects the booth.
 * `roots` are extra certificates allowed to have issued a Master List Signer (the publishing state's CSCA).
 */
export function loadTrustStore(paths: readonly string[], at: Date, roots: readonly pkijs.Certificate[] = []): TrustStore {
  const anchors: TrustAnchor[] = [];
  const checks: ChipCheck[] = [];
  const crls: pkijs.CertificateRevocationList[] = [];
  const files: TrustFile[] = [];
  const loaded: { file: string; bytes: Uint8Array }[] = [];
  for (const file of expand(paths, files)) {
    try {
      loaded.push({ file, bytes: new Uint8Array(readFileSync(file)) });
    } catch (error) {
      files.push({ file, kind: 'unknown', status: 'refused', reason: `cannot be read: ${message(error)}` });
    }
  }

  // Certificates first: a state's CSCA given beside its master list anchors the list's signer, and link certificates need their old CSCA.
  const certificates: { file: string; cert: pkijs.Certificate }[] = [];
  for (const { file, bytes } of loaded) {
    if (looksLikeMasterList(file, bytes) || isCrlFile(file, bytes)) continue;
    try {
      const parsed = parseCertificates(bytes);
      if (parsed.length === 0) files.push({ file, kind: 'certificate', status: 'refused', reason: 'holds no certificate' });
      certificates.push(...parsed.map((cert) => ({ file, cert })));
    } catch (error) {
      files.push({ file, kind: 'unknown', status: 'refused', reason: `neither a certificate, a master list nor a CRL: ${message(error)}` });
    }
  }
  const trusted: pkijs.Certificate[] = [];
  const accept = (file: string, cert: pkijs.Certificate, kind: 'csca' | 'link_certificate', note: string) => {
    trusted.push(cert);
    anchors.push(new TrustAnchor(new Uint8Array(cert.toSchema().toBER(false)), basename(file)));
    files.push({ file, kind, status: 'loaded', note, subject: describeName(cert.subject), country: countryOf(cert.subject) ?? '', validUntil: isoDate(cert.notAfter.value) });
  };
  // Self-signed CSCAs first, then link certificates (new CSCA key signed with the old one) through them, repeating for chains of links.
  let pending = certificates.filter(({ file, cert }) => (selfSigned(cert) ? (accept(file, cert, 'csca', 'self-signed'), false) : true));
  for (let progress = true; progress && pending.length > 0; ) {
    const before = pending.length;
    pending = pending.filter(({ file, cert }) => {
      const issuer = mayIssueCertificates(cert) ? trusted.find((t) => t.subject.isEqual(cert.issuer) && verifyCertificateSignature(cert, t).ok) : undefined;
      if (issuer) accept(file, cert, 'link_certificate', `signed by the loaded CSCA ${describeName(issuer.subject)}`);
      return !issuer;
    });
    progress = pending.length < before;
  }
  for (const { file, cert } of pending) {
    // A certificate the agency put in the trust list is trusted as given (a state's current CSCA is often a link
    // certificate whose older key is not published), but only if it may sign certificates: a Document Signer never is an anchor.
    if (mayIssueCertificates(cert)) {
      accept(file, cert, 'link_certificate', 'trusted as given: the CSCA that signed it is not loaded');
    } else {
      files.push({ file, kind: 'certificate', status: 'refused', subject: describeName(cert.subject), reason: 'not a CSCA: the certificate may not sign certificates (a Document Signer is not a trust anchor)' });
    }
  }

  for (const { file, bytes } of loaded) {
    if (isCrlFile(file, bytes) && !looksLikeMasterList(file, bytes)) {
      try {
        for (const crl of parseCrls(bytes)) {
          crls.push(crl);
          const issuer = trusted.find((t) => t.subject.isEqual(crl.issuer));
          const signed = issuer !== undefined && crlSignedBy(crl, issuer);
          const nextUpdate = crl.nextUpdate?.value;
          const facts = { subject: describeName(crl.issuer), country: countryOf(crl.issuer) ?? '', ...(nextUpdate ? { nextUpdate: isoDate(nextUpdate) } : {}), revoked: crl.revokedCertificates?.length ?? 0 };
          if (!signed) {
            files.push({ file, kind: 'crl', status: 'refused', ...facts, reason: issuer ? 'not signed by the CSCA it names: chips of that state are not verifiable while it is loaded' : `no loaded CSCA named ${facts.subject} to authenticate it` });
          } else {
            const expired = nextUpdate !== undefined && nextUpdate.getTime() < at.getTime();
            files.push({ file, kind: 'crl', status: 'loaded', ...facts, ...(expired ? { expired: true } : {}) });
          }
        }
      } catch (error) {
        files.push({ file, kind: 'crl', status: 'refused', reason: `not a CRL: ${message(error)}` });
      }
      continue;
    }
    if (!looksLikeMasterList(file, bytes)) continue;
    try {
      // Only certificates this store trusts may anchor a list's signer: one refused above (a Document Signer) never does.
      const list = parseMasterList(bytes, basename(file), at, [...roots, ...trusted]);
      const detail = {
        file: basename(file),
        certificates: list.anchors.length,
        ...(list.signerSubject ? { signer: list.signerSubject } : {}),
        ...(list.signerIssuer ? { signerIssuer: list.signerIssuer } : {}),
        ...(list.signerAnchor ? { signerIssuerFrom: list.signerAnchor === 'given' ? 'a separately given certificate' : 'the master list itself' } : {}),
      };
      if (list.signatureValid) {
        anchors.push(...list.anchors);
        checks.push({ check: 'master_list', status: 'passed', detail });
        files.push({ file, kind: 'master_list', status: 'loaded', certificates: list.anchors.length, ...(list.signerSubject ? { subject: list.signerSubject } : {}) });
      } else {
        checks.push({ check: 'master_list', status: 'failed', reason: list.reason ?? 'signature not valid', detail });
        files.push({ file, kind: 'master_list', status: 'refused', reason: list.reason ?? 'its signature is not valid' });
      }
    } catch (error) {
      checks.push({ check: 'master_list', status: 'failed', reason: message(error), detail: { file: basename(file) } });
      files.push({ file, kind: 'master_list', status: 'refused', reason: message(error) });
    }
  }
  return { anchors, checks, crls, files };
}

/** Reads CRL files (DER or PEM); throws naming the file that is not one. */
export function loadCrls(paths: readonly string[]): pkijs.CertificateRevocationList[] {
  return paths.flatMap((path) => {
    try {
      return parseCrls(new Uint8Array(readFileSync(path)));
    } catch (error) {
      throw new Error(`${path} is not a CRL: ${message(error)}`, { cause: error });
    }
  });
}
