import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { UnsupportedAlgorithmError, describeScheme, hashNameOfOid, signatureSchemeOf } from './algorithms';
import { describeName, serialHex, spkiOf, subjectKeyIdentifier } from './certificates.node.ts';
import { importSpki, verifySignature } from './verifySignature.node.ts';

const idContentType = '1.2.840.113549.1.9.3';
const idMessageDigest = '1.2.840.113549.1.9.4';

export type SignedDataVerification =
  | { readonly ok: true; readonly signer: pkijs.Certificate; readonly algorithm: string }
  | { readonly ok: false; readonly signer?: pkijs.Certificate; readonly reason: string; readonly algorithm?: string; readonly unsupported?: boolean };

/** The certificate that the SignerInfo's sid names, among the embedded and the extra certificates. */
export function findSigner(signerInfo: pkijs.SignerInfo, certificates: readonly pkijs.Certificate[]): pkijs.Certificate | undefined {
  const sid = signerInfo.sid as unknown;
  const exact = certificates.find((cert) => {
    if (sid instanceof asn1js.Primitive) {
      // SubjectKeyIdentifier form: [0] IMPLICIT OCTET STRING.
      const keyId = Buffer.from(sid.valueBlock.valueHexView).toString('hex');
      return subjectKeyIdentifier(cert) === keyId;
    }
    const issuerAndSerial = sid as pkijs.IssuerAndSerialNumber;
    return cert.issuer.isEqual(issuerAndSerial.issuer) && serialHex(cert) === Buffer.from(issuerAndSerial.serialNumber.valueBlock.valueHexView).toString('hex');
  });
  if (exact || sid instanceof asn1js.Primitive) return exact;
  // Real Malaysian SODs name the issuer with its RDNs in another order than the certificate does: accept the
  // same serial and the same set of attributes. The signature check that follows decides in any case.
  const issuerAndSerial = sid as pkijs.IssuerAndSerialNumber;
  const serial = Buffer.from(issuerAndSerial.serialNumber.valueBlock.valueHexView).toString('hex');
  const wanted = sortedAttributes(issuerAndSerial.issuer);
  return certificates.find((cert) => serialHex(cert) === serial && sortedAttributes(cert.issuer) === wanted);
}

function sortedAttributes(name: pkijs.RelativeDistinguishedNames): string {
  return describeName(name).split(', ').sort().join('|');
}

function attributeValue(signerInfo: pkijs.SignerInfo, oid: string): asn1js.AsnType | undefined {
  return signerInfo.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0];
}

/**
 * Verifies the first SignerInfo of a CMS SignedData over `content` (the encapsulated content): the
 * messageDigest and contentType signed attributes, then the signature over the DER SET of signed attributes.
 * Signatures are checked with node:crypto, which handles brainpool curves and explicit EC parameters.
 */
export function verifySignedData(signedData: pkijs.SignedData, content: Uint8Array, eContentType: string, extraCertificates: readonly pkijs.Certificate[] = []): SignedDataVerification {
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) return { ok: false, reason: 'SignedData has no SignerInfo' };
  if (signedData.signerInfos.length > 1) return { ok: false, reason: `SignedData has ${signedData.signerInfos.length} SignerInfos; exactly one is expected` };
  const embedded = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => 'tbsView' in c);
  const signer = findSigner(signerInfo, [...embedded, ...extraCertificates]);
  if (!signer) return { ok: false, reason: 'the signing certificate named by the SignerInfo is neither embedded nor supplied' };
  let algorithm: string | undefined;
  try {
    const scheme = signatureSchemeOf(signerInfo.signatureAlgorithm, signerInfo.digestAlgorithm.algorithmId);
    algorithm = describeScheme(scheme);
    let signedBytes: Uint8Array = content;
    if (signerInfo.signedAttrs) {
      const digestName = hashNameOfOid(signerInfo.digestAlgorithm.algorithmId);
      if (!digestName) return { ok: false, signer, algorithm, unsupported: true, reason: `digest algorithm ${signerInfo.digestAlgorithm.algorithmId} is not supported` };
      const messageDigest = attributeValue(signerInfo, idMessageDigest);
      if (!(messageDigest instanceof asn1js.OctetString)) return { ok: false, signer, algorithm, reason: 'signed attributes have no messageDigest' };
      const actual = createHash(digestName).update(content).digest();
      if (!actual.equals(Buffer.from(messageDigest.valueBlock.valueHexView))) {
        return { ok: false, signer, algorithm, reason: 'messageDigest attribute does not match the hash of the security object (content was altered)' };
      }
      const contentType = attributeValue(signerInfo, idContentType);
      if (contentType instanceof asn1js.ObjectIdentifier && contentType.valueBlock.toString() !== eContentType) {
        return { ok: false, signer, algorithm, reason: `contentType attribute ${contentType.valueBlock.toString()} differs from eContentType ${eContentType}` };
      }
      // pkijs keeps the attributes exactly as received, with the [0] tag already replaced by SET (0x31) as CMS requires.
      signedBytes = new Uint8Array(signerInfo.signedAttrs.encodedValue);
    }
    const ok = verifySignature(signedBytes, signerInfo.signature.valueBlock.valueHexView, importSpki(spkiOf(signer)), scheme);
    if (!ok) return { ok: false, signer, algorithm, reason: `${algorithm} signature does not verify with the key of ${describeName(signer.subject)}` };
    return { ok: true, signer, algorithm };
  } catch (error) {
    const unsupported = error instanceof UnsupportedAlgorithmError;
    return { ok: false, signer, ...(algorithm ? { algorithm } : {}), ...(unsupported ? { unsupported } : {}), reason: error instanceof Error ? error.message : String(error) };
  }
}
