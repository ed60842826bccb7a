import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signatureSchemeOf } from './algorithms';
import { importSpki, verifySignature } from './verifySignature.node.ts';

const attributeNames: Readonly<Record<string, string>> = {
  '2.5.4.6': 'C',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

/** 'C=DE, O=bund, OU=bsi, CN=csca-germany' for display and for the detail of a check. */
export function describeName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues.map((tv) => `${attributeNames[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`).join(', ');
}

/** The country (C=) of a name, upper-cased, or undefined. */
export function countryOf(name: pkijs.RelativeDistinguishedNames): string | undefined {
  const c = name.typesAndValues.find((tv) => tv.type === '2.5.4.6');
  return c ? String(c.value.valueBlock.value).toUpperCase() : undefined;
}

export function parseCertificateDer(der: Uint8Array): pkijs.Certificate {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1) throw new Error(`not DER: ${parsed.result.error}`);
  return new pkijs.Certificate({ schema: parsed.result });
}

/** Accepts DER or PEM (one or more BEGIN CERTIFICATE blocks; a PEM holding only CRLs yields none). */
export function parseCertificates(bytes: Uint8Array): pkijs.Certificate[] {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64)));
  if (!text.includes('-----BEGIN')) return [parseCertificateDer(bytes)];
  const pem = new TextDecoder('latin1').decode(bytes);
  const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  // CSCA folders often hold the state's CRLs too (PEM 'X509 CRL'): those are not certificates, and not an error.
  if (blocks.length === 0 && !pem.includes('-----BEGIN X509 CRL-----')) throw new Error('PEM file holds no CERTIFICATE block');
  return blocks.map((m) => parseCertificateDer(Uint8Array.from(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'))));
}

export function spkiOf(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER(false));
}

function extensionValue(cert: pkijs.Certificate, oid: string): unknown {
  return cert.extensions?.find((e) => e.extnID === oid)?.parsedValue;
}

export function subjectKeyIdentifier(cert: pkijs.Certificate): string | undefined {
  const ski = extensionValue(cert, '2.5.29.14');
  return ski instanceof asn1js.OctetString ? Buffer.from(ski.valueBlock.valueHexView).toString('hex') : undefined;
}

export function authorityKeyIdentifier(cert: pkijs.Certificate): string | undefined {
  const aki = extensionValue(cert, '2.5.29.35');
  return aki instanceof pkijs.AuthorityKeyIdentifier && aki.keyIdentifier ? Buffer.from(aki.keyIdentifier.valueBlock.valueHexView).toString('hex') : undefined;
}

/**
 * False when the certificate itself says it may not sign certificates (basicConstraints cA false, or a keyUsage
 * without keyCertSign). Old CSCAs without these extensions are given the benefit of the doubt.
 */
export function mayIssueCertificates(cert: pkijs.Certificate): boolean {
  const constraints = extensionValue(cert, '2.5.29.19');
  if (constraints instanceof pkijs.BasicConstraints && !constraints.cA) return false;
  const usage = extensionValue(cert, '2.5.29.15');
  if (usage instanceof asn1js.BitString) {
    const bits = new Uint8Array(usage.valueBlock.valueHexView);
    // keyCertSign is bit 5: 0x04 of the first byte.
    if (((bits[0] ?? 0) & 0x04) === 0) return false;
  }
  return true;
}

/** Serial number as lower-case hex, for matching against CRL entries and for display. */
export function serialHex(cert: pkijs.Certificate): string {
  return Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex');
}

/** True when `issuer` could have issued `cert` by name (and by key identifier when both carry one). */
export function mayHaveIssued(issuer: pkijs.Certificate, cert: pkijs.Certificate): boolean {
  if (!issuer.subject.isEqual(cert.issuer)) {
    // Some states encode names differently in CSCA and DSC (PrintableString vs UTF8String): fall back to the key identifier.
    const aki = authorityKeyIdentifier(cert);
    return aki !== undefined && aki === subjectKeyIdentifier(issuer);
  }
  const aki = authorityKeyIdentifier(cert);
  const ski = subjectKeyIdentifier(issuer);
  return aki === undefined || ski === undefined || aki === ski;
}

/** Checks the certificate's signature with the issuer's public key. Returns a reason on failure. */
export function verifyCertificateSignature(cert: pkijs.Certificate, issuer: pkijs.Certificate): { ok: true } | { ok: false; reason: string } {
  try {
    const scheme = signatureSchemeOf(cert.signatureAlgorithm);
    const ok = verifySignature(cert.tbsView, cert.signatureValue.valueBlock.valueHexView, importSpki(spkiOf(issuer)), scheme);
    return ok ? { ok: true } : { ok: false, reason: 'certificate signature does not verify with the issuer key' };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export function isValidAt(cert: pkijs.Certificate, at: Date): boolean {
  return cert.notBefore.value.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.value.getTime();
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
