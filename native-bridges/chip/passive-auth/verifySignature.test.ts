import { constants, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UnsupportedAlgorithmError } from './algorithms';
import { importSpki, verifySignature } from './verifySignature.node.ts';

// Signature checks as Passive Authentication needs them: a wrong signature is false, a scheme this booth cannot
// check exactly is an unsupported algorithm (a check not made), never a pass and never a forgery.

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const rsaKey = importSpki(new Uint8Array(rsa.publicKey.export({ type: 'spki', format: 'der' })));
const ecKey = importSpki(new Uint8Array(ec.publicKey.export({ type: 'spki', format: 'der' })));
const message = Uint8Array.from({ length: 300 }, (_, i) => (i * 31) & 0xff);

/** `bytes` as a view into the middle of a larger buffer (as pkijs hands out tbsView and signature values). */
function viewInside(bytes: Uint8Array): Uint8Array {
  const backing = new Uint8Array(bytes.length + 20).fill(0xee);
  backing.set(bytes, 7);
  return backing.subarray(7, 7 + bytes.length);
}
const flipped = (bytes: Uint8Array, at: number) => {
  const copy = bytes.slice();
  copy[at]! ^= 0x01;
  return copy;
};

describe('verifySignature', () => {
  it('RSA PKCS#1 v1.5: the right signature verifies, one over other data does not', () => {
    const signature = new Uint8Array(sign('sha256', message, { key: rsa.privateKey, padding: constants.RSA_PKCS1_PADDING }));
    expect(verifySignature(viewInside(message), viewInside(signature), rsaKey, { scheme: 'rsa-pkcs1', hash: 'sha256' })).toBe(true);
    expect(verifySignature(flipped(message, 150), signature, rsaKey, { scheme: 'rsa-pkcs1', hash: 'sha256' })).toBe(false);
    expect(verifySignature(message, signature, rsaKey, { scheme: 'rsa-pkcs1', hash: 'sha384' })).toBe(false);
  });

  it('RSA-PSS: verifies with the declared salt length, not with another', () => {
    const signature = new Uint8Array(sign('sha256', message, { key: rsa.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }));
    expect(verifySignature(viewInside(message), viewInside(signature), rsaKey, { scheme: 'rsa-pss', hash: 'sha256', saltLength: 32, mgfHash: 'sha256' })).toBe(true);
    expect(verifySignature(message, signature, rsaKey, { scheme: 'rsa-pss', hash: 'sha256', saltLength: 20, mgfHash: 'sha256' })).toBe(false);
    // A PKCS#1 v1.5 signature is not a PSS signature.
    const pkcs1 = new Uint8Array(sign('sha256', message, { key: rsa.privateKey, padding: constants.RSA_PKCS1_PADDING }));
    expect(verifySignature(message, pkcs1, rsaKey, { scheme: 'rsa-pss', hash: 'sha256', saltLength: 32, mgfHash: 'sha256' })).toBe(false);
  });

  it('RSA-PSS whose MGF1 hash differs from the message hash is an unsupported algorithm, not a verdict', () => {
    const signature = new Uint8Array(sign('sha256', message, { key: rsa.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }));
    const check = () => verifySignature(message, signature, rsaKey, { scheme: 'rsa-pss', hash: 'sha256', saltLength: 32, mgfHash: 'sha1' });
    expect(check).toThrow(UnsupportedAlgorithmError);
    expect(check).toThrow('RSA-PSS with MGF1-sha1 different from the message hash sha256 is not supported');
  });

  it('ECDSA in DER and in plain r||s encoding', () => {
    const der = new Uint8Array(sign('sha256', message, { key: ec.privateKey, dsaEncoding: 'der' }));
    const plain = new Uint8Array(sign('sha256', message, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }));
    expect(verifySignature(viewInside(message), viewInside(der), ecKey, { scheme: 'ecdsa', hash: 'sha256', encoding: 'der' })).toBe(true);
    expect(verifySignature(message, plain, ecKey, { scheme: 'ecdsa', hash: 'sha256', encoding: 'ieee-p1363' })).toBe(true);
    expect(verifySignature(message, plain, ecKey, { scheme: 'ecdsa', hash: 'sha384', encoding: 'ieee-p1363' })).toBe(false);
  });

  it('a malformed DER ECDSA signature (a flipped length byte) is a wrong signature, not an error', () => {
    const der = new Uint8Array(sign('sha256', message, { key: ec.privateKey, dsaEncoding: 'der' }));
    expect(verifySignature(message, flipped(der, 1), ecKey, { scheme: 'ecdsa', hash: 'sha256', encoding: 'der' })).toBe(false);
    expect(verifySignature(message, Uint8Array.of(0x30, 0x02, 0x02), ecKey, { scheme: 'ecdsa', hash: 'sha256', encoding: 'der' })).toBe(false);
  });

  it('a key that cannot check the scheme is an error the caller reports, not a wrong signature', () => {
    const der = new Uint8Array(sign('sha256', message, { key: ec.privateKey, dsaEncoding: 'der' }));
    const x25519 = generateKeyPairSync('x25519').publicKey;
    expect(() => verifySignature(message, der, x25519, { scheme: 'ecdsa', hash: 'sha256', encoding: 'der' })).toThrow(/not supported for this keytype/);
  });

  it('importSpki refuses bytes that are no public key', () => {
    expect(() => importSpki(Uint8Array.of(0x30, 0x00))).toThrow();
  });
});
