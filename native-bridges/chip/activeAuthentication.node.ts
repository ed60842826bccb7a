import { constants, createHash, createPublicKey, publicDecrypt, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { swHex } from './apdu';
import { bytesEqual, concatBytes } from './bytes';
import type { ChipSession } from './chipSession.node.ts';
import type { Random } from './bac.node.ts';
import { decodeOneTlv } from '../../app/document/lds/tlv';
import { oids } from './oid';

/** Outcome of one protocol check, in the shape the officer's chip badge lists. */
export interface ProtocolCheck {
  readonly status: 'passed' | 'failed' | 'not_possible';
  readonly reason?: string;
  readonly algorithm?: string;
}

const iso9796HashByTrailer: Readonly<Record<number, { hash: string; length: number }>> = {
  0x33: { hash: 'sha1', length: 20 },
  0x34: { hash: 'sha256', length: 32 },
  0x35: { hash: 'sha512', length: 64 },
  0x36: { hash: 'sha384', length: 48 },
  0x38: { hash: 'sha224', length: 28 },
};

const ecdsaHashByOid: Readonly<Record<string, string>> = {
  [`${oids.ecdsaPlain}.1`]: 'sha1',
  [`${oids.ecdsaPlain}.2`]: 'sha224',
  [`${oids.ecdsaPlain}.3`]: 'sha256',
  [`${oids.ecdsaPlain}.4`]: 'sha384',
  [`${oids.ecdsaPlain}.5`]: 'sha512',
};

/** The DG15 public key (6F { SubjectPublicKeyInfo }). */
export function activeAuthenticationKey(dg15: Uint8Array): KeyObject {
  const outer = decodeOneTlv(dg15);
  return createPublicKey({ key: Buffer.from(outer.value), format: 'der', type: 'spki' });
}

/** ISO/IEC 9796-2 digital signature scheme 1 (message recovery) as eMRTD chips use for RSA AA (9303-11 6.1). */
export function verifyIso9796Signature(key: KeyObject, signature: Uint8Array, challenge: Uint8Array): ProtocolCheck {
  let f: Uint8Array;
  try {
    f = new Uint8Array(publicDecrypt({ key, padding: constants.RSA_NO_PADDING }, signature));
  } catch (e) {
    return { status: 'failed', reason: `RSA signature does not fit the DG15 key (${(e as Error).message}): the chip does not hold the DG15 private key (possible clone)`, algorithm: 'RSA ISO 9796-2' };
  }
  const last = f[f.length - 1];
  let hash = 'sha1';
  let hashLength = 20;
  let trailer = 1;
  if (last === 0xcc) {
    const known = iso9796HashByTrailer[f[f.length - 2]!];
    // A signature made with another key opens to random bytes, which end in 0xCC one time in 256: the officer must
    // still read "possible clone" (a cloned chip read in CI got this reason without it).
    if (!known) return { status: 'failed', reason: 'unknown hash in ISO 9796-2 trailer: the chip does not hold the DG15 private key (possible clone)', algorithm: 'RSA ISO 9796-2' };
    ({ hash, length: hashLength } = known);
    trailer = 2;
  } else if (last !== 0xbc) {
    return { status: 'failed', reason: 'signature does not open to an ISO 9796-2 message: the chip does not hold the DG15 private key (possible clone)', algorithm: 'RSA ISO 9796-2' };
  }
  if ((f[0]! & 0xc0) !== 0x40) return { status: 'failed', reason: 'ISO 9796-2 header is wrong: the chip does not hold the DG15 private key (possible clone)', algorithm: 'RSA ISO 9796-2' };
  const digestStart = f.length - trailer - hashLength;
  const m1 = f.subarray(1, digestStart);
  const digest = f.subarray(digestStart, f.length - trailer);
  const expected = new Uint8Array(createHash(hash).update(concatBytes(m1, challenge)).digest());
  const algorithm = `RSA ISO 9796-2 ${hash.toUpperCase()}`;
  return bytesEqual(expected, digest) ? { status: 'passed', algorithm } : { status: 'failed', reason: 'signature does not cover our challenge: the chip does not hold the DG15 private key (possible clone)', algorithm };
}

export function verifyEcdsaSignature(key: KeyObject, signature: Uint8Array, challenge: Uint8Array, signatureAlgorithmOid: string | undefined): ProtocolCheck {
  const declared = signatureAlgorithmOid ? ecdsaHashByOid[signatureAlgorithmOid] : undefined;
  // Without DG14's ActiveAuthenticationInfo the hash is not stated; try the usual ones.
  const candidates = declared ? [declared] : ['sha256', 'sha1', 'sha384', 'sha512', 'sha224'];
  for (const hash of candidates) {
    if (verify(hash, challenge, { key, dsaEncoding: 'ieee-p1363' }, signature)) return { status: 'passed', algorithm: `ECDSA ${hash.toUpperCase()}` };
  }
  return { status: 'failed', reason: 'ECDSA signature over our challenge does not verify: the chip does not hold the DG15 private key (possible clone)', algorithm: `ECDSA ${declared?.toUpperCase() ?? ''}`.trim() };
}

/** Runs Active Authentication: INTERNAL AUTHENTICATE with a fresh 8-byte challenge, verified against DG15. */
export async function performActiveAuthentication(session: ChipSession, dg15: Uint8Array, random: Random, signatureAlgorithmOid?: string): Promise<ProtocolCheck> {
  let key: KeyObject;
  try {
    key = activeAuthenticationKey(dg15);
  } catch (e) {
    return { status: 'not_possible', reason: `DG15 public key cannot be read: ${(e as Error).message}` };
  }
  const challenge = random(8);
  const r = await session.send({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: challenge, le: 256 });
  if (r.sw !== 0x9000 || r.data.length === 0) return { status: 'failed', reason: `chip refused INTERNAL AUTHENTICATE (SW ${swHex(r.sw)})` };
  return key.asymmetricKeyType === 'rsa' ? verifyIso9796Signature(key, r.data, challenge) : verifyEcdsaSignature(key, r.data, challenge, signatureAlgorithmOid);
}
