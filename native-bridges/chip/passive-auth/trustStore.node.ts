import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import * as pkijs from 'pkijs';
import type { ChipCheck } from '../../../app/document/lds/chipCheck';
import { parseCertificates } from './certificates.node.ts';
import { parseMasterList } from './masterList.node.ts';
import { TrustAnchor } from './trustAnchor.node.ts';

/** CSCAs to chain Document Signers to, plus the checks that loading them produced (one per master list). */
export interface TrustStore {
  readonly anchors: readonly TrustAnchor[];
  readonly checks: readonly ChipCheck[];
}

const certificateExtensions = new Set(['.der', '.cer', '.crt', '.pem']);
const masterListExtensions = new Set(['.ml', '.ms']);

function looksLikeMasterList(path: string, bytes: Uint8Array): boolean {
  if (masterListExtensions.has(extname(path).toLowerCase())) return true;
  // A ContentInfo (30 ..) whose first element is the signedData OID: a CMS file, not a certificate.
  const head = Buffer.from(bytes.subarray(0, 24)).toString('hex');
  return head.includes('06092a864886f70d010702');
}

/**
 * Loads trust anchors from paths: CSCA master lists (whose own signature is verified; an unverifiable list
 * contributes no CSCA and yields a failed master_list check), certificate files (DER or PEM), or folders of
 * them. `roots` are extra certificates allowed to have issued a Master List Signer (the publishing state's CSCA).
 */
export function loadTrustStore(paths: readonly string[], at: Date, roots: readonly pkijs.Certificate[] = []): TrustStore {
  const anchors: TrustAnchor[] = [];
  const checks: ChipCheck[] = [];
  const files = paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((name) => certificateExtensions.has(extname(name).toLowerCase()) || masterListExtensions.has(extname(name).toLowerCase()))
          .sort()
          .map((name) => join(p, name))
      : [p],
  );
  const loaded = files.map((file) => ({ file, bytes: new Uint8Array(readFileSync(file)) }));
  // Certificate files are read first so that a state's CSCA given beside its master list anchors the list's signer.
  const certificateFiles = loaded.filter(({ file, bytes }) => !looksLikeMasterList(file, bytes));
  const certificatesOf = (file: string, bytes: Uint8Array) => {
    try {
      return parseCertificates(bytes);
    } catch (error) {
      throw new Error(`trust file ${file} is neither a certificate nor a master list: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
  const givenCertificates = certificateFiles.flatMap(({ file, bytes }) => certificatesOf(file, bytes));
  for (const { file, bytes } of loaded) {
    if (looksLikeMasterList(file, bytes)) {
      try {
        const list = parseMasterList(bytes, basename(file), at, [...roots, ...givenCertificates]);
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
        } else {
          checks.push({ check: 'master_list', status: 'failed', reason: list.reason ?? 'signature not valid', detail });
        }
      } catch (error) {
        checks.push({ check: 'master_list', status: 'failed', reason: error instanceof Error ? error.message : String(error), detail: { file: basename(file) } });
      }
      continue;
    }
    for (const cert of certificatesOf(file, bytes)) anchors.push(new TrustAnchor(new Uint8Array(cert.toSchema().toBER(false)), basename(file)));
  }
  return { anchors, checks };
}

/** Reads CRL files (DER or PEM). */
export function loadCrls(paths: readonly string[]): pkijs.CertificateRevocationList[] {
  return paths.map((path) => {
    const bytes = readFileSync(path);
    const text = bytes.subarray(0, 64).toString('latin1');
    const der = text.includes('-----BEGIN') ? Buffer.from(bytes.toString('latin1').replace(/-----[^-]+-----|\s+/g, ''), 'base64') : bytes;
    return pkijs.CertificateRevocationList.fromBER(new Uint8Array(der));
  });
}
