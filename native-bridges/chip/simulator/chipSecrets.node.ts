import { createECDH, createHash, constants, generateKeyPairSync, privateEncrypt, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { concatBytes } from '../bytes';
import { curves } from '../crypto/ellipticCurve.node.ts';
import type { CurveName } from '../crypto/ellipticCurve.node.ts';
import { encodeOid, oids } from '../oid';
import { encodeTlv } from '../../../app/document/lds/tlv';

/** The simulated chip's private keys for Active and Chip Authentication (generated per chip, never stored). */

export type AaKeyKind = 'rsa' | 'ec';

export interface AaKeyPair {
  readonly kind: AaKeyKind;
  readonly publicSpki: Uint8Array;
  readonly privateKey: KeyObject;
}

export interface CaKeyPair {
  readonly curve: CurveName;
  readonly publicSpki: Uint8Array;
  /** Raw private scalar for ECDH. */
  readonly privateScalar: Uint8Array;
}

export function generateAaKey(kind: AaKeyKind): AaKeyPair {
  const pair = kind === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 1024, publicExponent: 65537 }) : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { kind, publicSpki: new Uint8Array(pair.publicKey.export({ type: 'spki', format: 'der' })), privateKey: pair.privateKey };
}

export function generateCaKey(curve: CurveName = 'brainpoolP256r1'): CaKeyPair {
  // node:crypto cannot export brainpool keys as JWK, so the raw ECDH key pair is used and the SPKI built here.
  const ecdh = createECDH(curves[curve].nodeName);
  const publicPoint = new Uint8Array(ecdh.generateKeys());
  const d = new Uint8Array(ecdh.getPrivateKey());
  const algorithm = encodeTlv(0x30, concatBytes(encodeTlv(0x06, encodeOid(oids.ecPublicKey)), encodeTlv(0x06, encodeOid(curveOids[curve]))));
  const publicSpki = encodeTlv(0x30, concatBytes(algorithm, encodeTlv(0x03, concatBytes(Uint8Array.of(0), publicPoint))));
  return { curve, publicSpki, privateScalar: concatBytes(new Uint8Array(curves[curve].size - d.length), d) };
}

const curveOids: Readonly<Record<CurveName, string>> = { 'P-256': oids.curveP256, brainpoolP256r1: oids.curveBrainpoolP256r1, brainpoolP384r1: oids.curveBrainpoolP384r1 };

/** ECDH shared secret (x-coordinate) of the chip's static CA key with the terminal's ephemeral key. */
export function caSharedSecret(key: CaKeyPair, terminalPublic: Uint8Array): Uint8Array {
  const ecdh = createECDH(curves[key.curve].nodeName);
  ecdh.setPrivateKey(key.privateScalar);
  return new Uint8Array(ecdh.computeSecret(terminalPublic));
}

/** INTERNAL AUTHENTICATE answer: ISO 9796-2 scheme 1 (SHA-1, trailer BC) for RSA, plain ECDSA-SHA256 for EC. */
export function signChallenge(key: AaKeyPair, challenge: Uint8Array, random: (n: number) => Uint8Array): Uint8Array {
  if (key.kind === 'ec') return new Uint8Array(sign('sha256', challenge, { key: key.privateKey, dsaEncoding: 'ieee-p1363' }));
  const modulusBytes = (key.privateKey.asymmetricKeyDetails?.modulusLength ?? 1024) / 8;
  const m1 = random(modulusBytes - 20 - 2);
  const digest = new Uint8Array(createHash('sha1').update(concatBytes(m1, challenge)).digest());
  const f = concatBytes(Uint8Array.of(0x6a), m1, digest, Uint8Array.of(0xbc));
  return new Uint8Array(privateEncrypt({ key: key.privateKey, padding: constants.RSA_NO_PADDING }, f));
}

