import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

const hashByOid: Readonly<Record<string, HashName>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export const hashOidByName: Readonly<Record<HashName, string>> = {
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};

export function hashNameOfOid(oid: string): HashName | undefined {
  return hashByOid[oid];
}

/** How to check a signature with node:crypto: scheme, hash and (for PSS) salt length. */
export type SignatureScheme =
  | { readonly scheme: 'rsa-pkcs1'; readonly hash: HashName }
  | { readonly scheme: 'rsa-pss'; readonly hash: HashName; readonly saltLength: number; readonly mgfHash: HashName }
  /** ecdsaEncoding: 'der' for X9.62 signatures, 'ieee-p1363' for BSI TR-03111 plain r||s. */
  | { readonly scheme: 'ecdsa'; readonly hash: HashName; readonly encoding: 'der' | 'ieee-p1363' };

const rsaPkcs1: Readonly<Record<string, HashName>> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.3.14.3.2.29': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};
const ecdsaDer: Readonly<Record<string, HashName>> = {
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
// BSI TR-03111 ecdsa-plain-signatures: r||s instead of a DER SEQUENCE.
const ecdsaPlain: Readonly<Record<string, HashName>> = {
  '0.4.0.127.0.7.1.1.4.1.1': 'sha1',
  '0.4.0.127.0.7.1.1.4.1.2': 'sha224',
  '0.4.0.127.0.7.1.1.4.1.3': 'sha256',
  '0.4.0.127.0.7.1.1.4.1.4': 'sha384',
  '0.4.0.127.0.7.1.1.4.1.5': 'sha512',
};
const rsaEncryption = '1.2.840.113549.1.1.1';
const rsassaPss = '1.2.840.113549.1.1.10';
const ecPublicKey = '1.2.840.10045.2.1';
const mgf1 = '1.2.840.113549.1.1.8';

export class UnsupportedAlgorithmError extends Error {
  override readonly name = 'UnsupportedAlgorithmError';
  readonly code = 'unsupported_algorithm';
}

function pssScheme(parameters: unknown): SignatureScheme {
  // RFC 4055 defaults: SHA-1, MGF1 with SHA-1, salt 20.
  if (!(parameters instanceof asn1js.Sequence)) return { scheme: 'rsa-pss', hash: 'sha1', saltLength: 20, mgfHash: 'sha1' };
  const params = new pkijs.RSASSAPSSParams({ schema: parameters });
  const hash = hashNameOfOid(params.hashAlgorithm.algorithmId);
  if (!hash) throw new UnsupportedAlgorithmError(`RSA-PSS hash ${params.hashAlgorithm.algorithmId} is not supported`);
  let mgfHash: HashName = hash;
  if (params.maskGenAlgorithm.algorithmId === mgf1 && params.maskGenAlgorithm.algorithmParams instanceof asn1js.Sequence) {
    const mgfHashId = new pkijs.AlgorithmIdentifier({ schema: params.maskGenAlgorithm.algorithmParams });
    mgfHash = hashNameOfOid(mgfHashId.algorithmId) ?? hash;
  } else if (params.maskGenAlgorithm.algorithmId !== mgf1) {
    mgfHash = 'sha1';
  }
  return { scheme: 'rsa-pss', hash, saltLength: params.saltLength, mgfHash };
}

/**
 * The scheme for a signature AlgorithmIdentifier. `digestOid` is the CMS digest algorithm, used when the
 * signature algorithm names only the key type (rsaEncryption, id-ecPublicKey), as some issuing states do.
 */
export function signatureSchemeOf(algorithm: pkijs.AlgorithmIdentifier, digestOid?: string): SignatureScheme {
  const oid = algorithm.algorithmId;
  const fromDigest = () => {
    const hash = digestOid ? hashNameOfOid(digestOid) : undefined;
    if (!hash) throw new UnsupportedAlgorithmError(`signature algorithm ${oid} needs a digest algorithm, and ${digestOid ?? 'none'} is not supported`);
    return hash;
  };
  if (rsaPkcs1[oid]) return { scheme: 'rsa-pkcs1', hash: rsaPkcs1[oid] };
  if (ecdsaDer[oid]) return { scheme: 'ecdsa', hash: ecdsaDer[oid], encoding: 'der' };
  if (ecdsaPlain[oid]) return { scheme: 'ecdsa', hash: ecdsaPlain[oid], encoding: 'ieee-p1363' };
  if (oid === rsassaPss) return pssScheme(algorithm.algorithmParams);
  if (oid === rsaEncryption) return { scheme: 'rsa-pkcs1', hash: fromDigest() };
  if (oid === ecPublicKey) return { scheme: 'ecdsa', hash: fromDigest(), encoding: 'der' };
  throw new UnsupportedAlgorithmError(`signature algorithm ${oid} is not supported`);
}

/** A short human name, e.g. 'ECDSA with SHA-384' or 'RSA-PSS with SHA-256 (salt 32)'. */
export function describeScheme(s: SignatureScheme): string {
  const hash = s.hash.toUpperCase().replace('SHA', 'SHA-');
  switch (s.scheme) {
    case 'rsa-pkcs1':
      return `RSA PKCS#1 v1.5 with ${hash}`;
    case 'rsa-pss':
      return `RSA-PSS with ${hash} (salt ${s.saltLength})`;
    case 'ecdsa':
      return `ECDSA with ${hash}${s.encoding === 'ieee-p1363' ? ' (plain)' : ''}`;
  }
}
