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

/** A hash an ISO 9796-2 trailer names: `hash` is the Node digest name, null where Booth has no implementation. */
interface TrailerHash {
  readonly name: string;
  readonly hash: string | null;
  readonly length: number;
}

const implicitSha1: TrailerHash = { name: 'SHA-1', hash: 'sha1', length: 20 };

/** The hash an explicit trailer (xx CC) names, by its ISO/IEC 10118-3 identifier xx. */
const iso9796HashByTrailer: Readonly<Record<number, TrailerHash>> = {
  0x31: { name: 'RIPEMD-160', hash: 'ripemd160', length: 20 },
  0x32: { name: 'RIPEMD-128', hash: null, length: 16 },
  0x33: { name: 'SHA-1', hash: 'sha1', length: 20 },
  0x34: { name: 'SHA-256', hash: 'sha256', length: 32 },
  0x35: { name: 'SHA-512', hash: 'sha512', length: 64 },
  0x36: { name: 'SHA-384', hash: 'sha384', length: 48 },
  0x37: { name: 'Whirlpool', hash: null, length: 64 },
  0x38: { name: 'SHA-224', hash: 'sha224', length: 28 },
  0x39: { name: 'SHA-512/224', hash: 'sha512-224', length: 28 },
  0x3a: { name: 'SHA-512/256', hash: 'sha512-256', length: 32 },
};

/** The digest, or null where this runtime's crypto library lacks the hash (Electron's BoringSSL lacks some). */
function digestOf(hash: string | null, data: Uint8Array): Uint8Array | null {
  if (!hash) return null;
  try {
    return new Uint8Array(createHash(hash).update(data).digest());
  } catch {
    return null;
  }
}

const ecdsaHashByOid: Readonly<Record<string, string>> = {
  [`${oids.ecdsaPlain}.1`]: 'sha1',
  [`${oids.ecdsaPlain}.2`]: 'sha224',
  [`${oids.ecdsaPlain}.3`]: 'sha256',
  [`${oids.ecdsaPlain}.4`]: 'sha384',
  [`${oids.ecdsaPlain}.5`]: 'sha512',
  [`${oids.ecdsaPlain}.6`]: 'ripemd160',
};

/** The DG15 public key (6F { SubjectPublicKeyInfo }). */
export function activeAuthenticationKey(dg15: Uint8Array): KeyObject {
  const outer = decodeOneTlv(dg15);
  return createPublicKey({ key: Buffer.from(outer.value), format: 'der', type: 'spki' });
}

const clone = 'the chip does not hold the DG15 private key (possible clone)';

/** ISO/IEC 9796-2 digital signature scheme 1 (message recovery) as eMRTD chips use for RSA AA (9303-11 6.1). */
export function verifyIso9796Signature(key: KeyObject, signature: Uint8Array, challenge: Uint8Array): ProtocolCheck {
  let f: Uint8Array;
  try {
    f = new Uint8Array(publicDecrypt({ key, padding: constants.RSA_NO_PADDING }, signature));
  } catch (e) {
    return { status: 'failed', reason: `RSA signature does not fit the DG15 key (${(e as Error).message}): ${clone}`, algorithm: 'RSA ISO 9796-2' };
  }
  if ((f[0]! & 0xc0) !== 0x40) return { status: 'failed', reason: `ISO 9796-2 header is wrong: ${clone}`, algorithm: 'RSA ISO 9796-2' };
  const last = f[f.length - 1];
  let trailer: TrailerHash | undefined;
  if (last === 0xbc) trailer = implicitSha1;
  else if (last === 0xcc) {
    const id = f[f.length - 2]!;
    trailer = iso9796HashByTrailer[id];
    // Another key opens to random bytes, which end in CC one time in 256: no genuine chip names an unregistered hash.
    if (!trailer) return { status: 'failed', reason: `ISO 9796-2 trailer ${id.toString(16).toUpperCase().padStart(2, '0')} CC names no hash: ${clone}`, algorithm: 'RSA ISO 9796-2' };
  } else {
    return { status: 'failed', reason: `signature does not open to an ISO 9796-2 message: ${clone}`, algorithm: 'RSA ISO 9796-2' };
  }
  const trailerLength = last === 0xbc ? 1 : 2;
  const digestStart = f.length - trailerLength - trailer.length;
  const m1 = f.subarray(1, digestStart);
  const digest = f.subarray(digestStart, f.length - trailerLength);
  const expected = digestOf(trailer.hash, concatBytes(m1, challenge));
  const algorithm = `RSA ISO 9796-2 ${trailer.hash ? trailer.hash.toUpperCase() : trailer.name}`;
  // Failed, not "not possible": anyone with the DG15 public key can make an answer that opens to any header and
  // trailer (try random answers until one does), so an answer we cannot check proves nothing and must not let a
  // clone through. The reason says it was not checked, so a genuine chip is not called a clone outright.
  if (!expected) return { status: 'failed', reason: `the chip signs with ${trailer.name}, which Booth cannot compute: nothing proves the chip holds the DG15 private key (possible clone)`, algorithm };
  return bytesEqual(expected, digest) ? { status: 'passed', algorithm } : { status: 'failed', reason: `signature does not cover our challenge: ${clone}`, algorithm };
}

/**
 * Node's `verify` as the ECDSA check calls it. It throws only for what the runtime cannot do (a hash its crypto
 * library lacks: Electron's BoringSSL has no RIPEMD-160; a key type that does not sign), never for the chip's
 * answer: any bytes there give false. So a throw means "not checked", never "failed" and never a lost read.
 */
export type EcdsaVerifier = (hash: string, data: Uint8Array, key: { readonly key: KeyObject; readonly dsaEncoding: 'ieee-p1363' }, signature: Uint8Array) => boolean;

const nodeVerify: EcdsaVerifier = (hash, data, key, signature) => verify(hash, data, key, signature);

export function verifyEcdsaSignature(key: KeyObject, signature: Uint8Array, challenge: Uint8Array, signatureAlgorithmOid: string | undefined, verifyWith: EcdsaVerifier = nodeVerify): ProtocolCheck {
  const declared = signatureAlgorithmOid ? ecdsaHashByOid[signatureAlgorithmOid] : undefined;
  // Without DG14's ActiveAuthenticationInfo the hash is not stated; try the usual ones.
  const candidates = declared ? [declared] : ['sha256', 'sha1', 'sha384', 'sha512', 'sha224'];
  const uncomputable: string[] = [];
  for (const hash of candidates) {
    try {
      if (verifyWith(hash, challenge, { key, dsaEncoding: 'ieee-p1363' }, signature)) return { status: 'passed', algorithm: `ECDSA ${hash.toUpperCase()}` };
    } catch (e) {
      uncomputable.push(`${hash.toUpperCase()} (${(e as Error).message})`);
    }
  }
  // Not possible, not failed: unlike RSA's trailer, the hash is the issuer's choice (DG14, hash-checked by Passive
  // Authentication), so a clone cannot steer the booth here; a genuine chip is not called a clone for our runtime's gap.
  if (uncomputable.length === candidates.length) {
    return { status: 'not_possible', reason: `ECDSA with ${uncomputable.join(', ')} cannot be computed by this booth: Active Authentication not checked`, algorithm: `ECDSA ${declared?.toUpperCase() ?? ''}`.trim() };
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
  if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'ec') {
    return { status: 'not_possible', reason: `DG15 holds a ${key.asymmetricKeyType ?? 'unknown'} key: Active Authentication signs with RSA or ECDSA, so it was not checked` };
  }
  const challenge = random(8);
  const r = await session.send({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: challenge, le: 256 });
  if (r.sw !== 0x9000 || r.data.length === 0) return { status: 'failed', reason: `chip refused INTERNAL AUTHENTICATE (SW ${swHex(r.sw)})` };
  return key.asymmetricKeyType === 'rsa' ? verifyIso9796Signature(key, r.data, challenge) : verifyEcdsaSignature(key, r.data, challenge, signatureAlgorithmOid);
}
