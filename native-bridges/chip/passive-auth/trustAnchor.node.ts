import type * as pkijs from 'pkijs';
import { decodeOneTlv } from '../../../app/document/lds/tlv';
import { parseCertificateDer } from './certificates.node.ts';

/**
 * A CSCA certificate known only by its DER until it is needed. Master lists hold hundreds of certificates and
 * fully decoding each with pkijs costs seconds; the subject's raw DER is enough to pick the few candidates
 * that may have issued a given Document Signer.
 */
export class TrustAnchor {
  private parsed: pkijs.Certificate | undefined;
  /** Hex of the subject Name's DER, compared with a DSC's issuer DER. */
  readonly subjectKey: string;

  constructor(
    readonly der: Uint8Array,
    /** Where it came from, e.g. 'DE_ML_2026-05-28-08-28-45.ml' or 'csca/AT.der', for the check detail. */
    readonly source: string,
  ) {
    this.subjectKey = Buffer.from(subjectDer(der)).toString('hex');
  }

  get certificate(): pkijs.Certificate {
    this.parsed ??= parseCertificateDer(this.der);
    return this.parsed;
  }
}

/** The subject Name DER of a certificate: Certificate > tbsCertificate > (skip [0] version, serial, signature, issuer, validity) > subject. */
export function subjectDer(certificateDer: Uint8Array): Uint8Array {
  const cert = decodeOneTlv(certificateDer, 0);
  const tbs = cert.children[0];
  if (!tbs || tbs.tag !== 0x30) throw new Error('certificate has no tbsCertificate');
  const fields = tbs.children[0]?.tag === 0xa0 ? tbs.children.slice(1) : tbs.children;
  const subject = fields[4];
  if (!subject || subject.tag !== 0x30) throw new Error('certificate has no subject');
  // value is a view into certificateDer, so its byteOffset locates the whole TLV whatever Tlv.offset is relative to.
  const start = subject.value.byteOffset - certificateDer.byteOffset - subject.headerLength;
  return certificateDer.subarray(start, start + subject.length);
}

/** Hex of a pkijs Name's DER as it was received (for a DSC issuer lookup). */
export function nameKey(name: pkijs.RelativeDistinguishedNames): string {
  return Buffer.from(name.valueBeforeDecode).toString('hex');
}
