import { extname } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** What loading one trust file gave: shown by `booth chip trust list|check`, and read for the host's notices. */
export interface TrustFile {
  readonly file: string;
  readonly kind: 'master_list' | 'csca' | 'link_certificate' | 'certificate' | 'crl' | 'unknown';
  readonly status: 'loaded' | 'refused';
  /** Why it was refused, in words an administrator can act on. */
  readonly reason?: string;
  /** Why a loaded certificate is trusted (self-signed, signed by a loaded CSCA, or as given). */
  readonly note?: string;
  /** Subject of the certificate, signer of the master list, or issuer of the CRL. */
  readonly subject?: string;
  readonly country?: string;
  /** CSCAs a master list holds. */
  readonly certificates?: number;
  readonly validUntil?: string;
  /** CRLs: the date by which a newer one was due, and whether that date has passed. */
  readonly nextUpdate?: string;
  readonly expired?: boolean;
  readonly revoked?: number;
}

const pemCrl = /-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/g;

/** A .crl file, or PEM holding only CRLs (a CSCA folder often keeps the state's CRL beside its certificate). */
export function isCrlFile(path: string, bytes: Uint8Array): boolean {
  if (extname(path).toLowerCase() === '.crl') return true;
  const text = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 4096))).toString('latin1');
  return text.includes('-----BEGIN X509 CRL-----') && !text.includes('-----BEGIN CERTIFICATE-----');
}

/** Every CRL of a DER or PEM file; throws when there is none or one is malformed. */
export function parseCrls(bytes: Uint8Array): pkijs.CertificateRevocationList[] {
  const text = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  const ders = text.includes('-----BEGIN')
    ? [...Buffer.from(bytes).toString('latin1').matchAll(pemCrl)].map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')))
    : [bytes];
  if (ders.length === 0) throw new Error('PEM file holds no X509 CRL block');
  return ders.map((der) => {
    const parsed = asn1js.fromBER(der);
    if (parsed.offset === -1) throw new Error(`not DER: ${parsed.result.error}`);
    return new pkijs.CertificateRevocationList({ schema: parsed.result });
  });
}
