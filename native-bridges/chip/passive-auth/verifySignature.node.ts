import { constants, createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { SignatureScheme } from './algorithms';
import { UnsupportedAlgorithmError } from './algorithms';

/** Imports a SubjectPublicKeyInfo. node:crypto (OpenSSL 3) accepts brainpool curves and explicit EC domain parameters, which WebCrypto does not. */
export function importSpki(spki: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
}

/**
 * Verifies `signature` over `data` with node:crypto. Returns false for a wrong signature; throws only
 * when the key cannot be used (e.g. unparsable key), which callers report as a failed check with the reason.
 */
export function verifySignature(data: Uint8Array, signature: Uint8Array, key: KeyObject, scheme: SignatureScheme): boolean {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const sig = Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
  switch (scheme.scheme) {
    case 'rsa-pkcs1':
      return verify(scheme.hash, buffer, { key, padding: constants.RSA_PKCS1_PADDING }, sig);
    case 'rsa-pss':
      // node:crypto applies MGF1 with the message hash: checking another MGF1 hash that way would be checking a different scheme.
      if (scheme.mgfHash !== scheme.hash) throw new UnsupportedAlgorithmError(`RSA-PSS with MGF1-${scheme.mgfHash} different from the message hash ${scheme.hash} is not supported`);
      return verify(scheme.hash, buffer, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: scheme.saltLength }, sig);
    case 'ecdsa':
      try {
        return verify(scheme.hash, buffer, { key, dsaEncoding: scheme.encoding }, sig);
      } catch (error) {
        // OpenSSL throws on a malformed DER signature (e.g. a flipped length byte): that is a wrong signature, not a key problem.
        if (error instanceof Error && /asn1|nested asn1|wrong tag|too long|header/i.test(error.message)) return false;
        throw error;
      }
  }
}
