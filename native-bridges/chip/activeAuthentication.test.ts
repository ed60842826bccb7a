import { constants, createHash, generateKeyPairSync, privateEncrypt, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeTlv } from '../../app/document/lds/tlv';
import { activeAuthenticationKey, performActiveAuthentication, verifyEcdsaSignature, verifyIso9796Signature } from './activeAuthentication.node.ts';
import type { EcdsaVerifier } from './activeAuthentication.node.ts';
import type { CommandApdu, ResponseApdu } from './apdu';
import { concatBytes } from './bytes';
import type { ChipSession } from './chipSession.node.ts';
import { oids } from './oid';

// Active Authentication proves the chip holds the private key of DG15: a clone (files copied, key not) must fail,
// and an answer that is not a signature over the booth's own challenge must never pass.

const rsa = generateKeyPairSync('rsa', { modulusLength: 1024, publicExponent: 65537 });
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const challenge = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
const spki = (key: KeyObject) => new Uint8Array(key.export({ type: 'spki', format: 'der' }));
const dg15Of = (key: KeyObject) => encodeTlv(0x6f, spki(key));

/** ISO 9796-2 scheme 1 as a chip answers: header, recoverable M1, hash of M1 || challenge, trailer. */
function iso9796(options: { hash?: string; trailer?: readonly number[]; header?: number; signedChallenge?: Uint8Array; privateKey?: KeyObject } = {}): Uint8Array {
  const hash = options.hash ?? 'sha1';
  const trailer = Uint8Array.from(options.trailer ?? [0xbc]);
  const digestLength = createHash(hash).digest().length;
  const m1 = Uint8Array.from({ length: 128 - 1 - digestLength - trailer.length }, (_, i) => (i * 7 + 3) & 0xff);
  const digest = new Uint8Array(createHash(hash).update(concatBytes(m1, options.signedChallenge ?? challenge)).digest());
  const f = concatBytes(Uint8Array.of(options.header ?? 0x6a), m1, digest, trailer);
  return new Uint8Array(privateEncrypt({ key: options.privateKey ?? rsa.privateKey, padding: constants.RSA_NO_PADDING }, f));
}

describe('Active Authentication with RSA (ISO 9796-2 scheme 1)', () => {
  it('passes a signature over our challenge with the implicit SHA-1 trailer BC', () => {
    expect(verifyIso9796Signature(rsa.publicKey, iso9796(), challenge)).toEqual({ status: 'passed', algorithm: 'RSA ISO 9796-2 SHA1' });
  });

  it.each([
    ['31', 'ripemd160'],
    ['33', 'sha1'],
    ['34', 'sha256'],
    ['35', 'sha512'],
    ['36', 'sha384'],
    ['38', 'sha224'],
    ['39', 'sha512-224'],
    ['3A', 'sha512-256'],
  ] as const)('reads the hash from an explicit trailer %s CC (%s)', (hex, hash) => {
    const hashByte = parseInt(hex, 16);
    // A genuine chip may sign with any ISO/IEC 10118-3 hash Booth can compute (RIPEMD-160 and the SHA-512 variants too).
    const result = verifyIso9796Signature(rsa.publicKey, iso9796({ hash, trailer: [hashByte, 0xcc] }), challenge);
    expect(result).toEqual({ status: 'passed', algorithm: `RSA ISO 9796-2 ${hash.toUpperCase()}` });
  });

  it('an explicit trailer naming a hash it does not use fails', () => {
    // SHA-256 digest, trailer says SHA-384 (36 CC): the digest is read from the wrong place.
    expect(verifyIso9796Signature(rsa.publicKey, iso9796({ hash: 'sha256', trailer: [0x36, 0xcc] }), challenge).status).toBe('failed');
  });

  it.each(['00', '30', '3B', 'FF'])('fails a trailer %s CC that names no hash (another key opens to random bytes)', (hex) => {
    expect(verifyIso9796Signature(rsa.publicKey, iso9796({ trailer: [parseInt(hex, 16), 0xcc] }), challenge)).toEqual({
      status: 'failed',
      reason: `ISO 9796-2 trailer ${hex} CC names no hash: the chip does not hold the DG15 private key (possible clone)`,
      algorithm: 'RSA ISO 9796-2',
    });
  });

  it.each([
    ['32', 'RIPEMD-128'],
    ['37', 'Whirlpool'],
  ])('an answer naming a hash Booth cannot compute (%s CC, %s) is not proven: failed, saying it could not be checked', (hex, name) => {
    // Failed rather than "not possible": with the DG15 public key alone, trying random answers soon finds one that
    // opens to this header and trailer, so a clone could send it whatever the challenge. The bytes in the digest
    // field (here SHA-512's) are what a genuine chip or such a forgery sends: nobody here can tell them apart.
    expect(verifyIso9796Signature(rsa.publicKey, iso9796({ hash: 'sha512', trailer: [parseInt(hex, 16), 0xcc] }), challenge)).toEqual({
      status: 'failed',
      reason: `the chip signs with ${name}, which Booth cannot compute: nothing proves the chip holds the DG15 private key (possible clone)`,
      algorithm: `RSA ISO 9796-2 ${name}`,
    });
  });

  it('fails a signature over another challenge (a replayed answer)', () => {
    const result = verifyIso9796Signature(rsa.publicKey, iso9796({ signedChallenge: Uint8Array.of(8, 7, 6, 5, 4, 3, 2, 1) }), challenge);
    expect(result).toEqual({ status: 'failed', reason: expect.stringMatching(/does not cover our challenge.*possible clone/), algorithm: 'RSA ISO 9796-2 SHA1' });
  });

  it('fails a signature made with another key (a clone), whatever it opens to', () => {
    const clone = generateKeyPairSync('rsa', { modulusLength: 1024, publicExponent: 65537 });
    const result = verifyIso9796Signature(rsa.publicKey, iso9796({ privateKey: clone.privateKey }), challenge);
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/possible clone/);
  });

  it('fails a message that ends in neither BC nor CC', () => {
    expect(verifyIso9796Signature(rsa.publicKey, iso9796({ trailer: [0xbd] }), challenge)).toEqual({
      status: 'failed',
      reason: expect.stringMatching(/^signature does not open to an ISO 9796-2 message/),
      algorithm: 'RSA ISO 9796-2',
    });
  });

  it.each([0x2a, 0x0a])('fails a header %s whose top bits are not 01 (a modulus-sized message cannot start 10 or 11)', (header) => {
    expect(verifyIso9796Signature(rsa.publicKey, iso9796({ header }), challenge)).toEqual({
      status: 'failed',
      reason: expect.stringMatching(/^ISO 9796-2 header is wrong/),
      algorithm: 'RSA ISO 9796-2',
    });
  });

  it('accepts every header with the top bits 01 (partial recovery 0x6A, full 0x4A)', () => {
    expect(verifyIso9796Signature(rsa.publicKey, iso9796({ header: 0x4a }), challenge).status).toBe('passed');
  });

  it('fails a signature that does not fit the key', () => {
    const tooLong = new Uint8Array(129).fill(0xff);
    expect(verifyIso9796Signature(rsa.publicKey, tooLong, challenge)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^RSA signature does not fit the DG15 key/), algorithm: 'RSA ISO 9796-2' });
  });
});

describe('Active Authentication with ECDSA (plain r||s)', () => {
  const signEc = (hash: string, data = challenge) => new Uint8Array(sign(hash, data, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }));

  it('uses the hash DG14 declares', () => {
    expect(verifyEcdsaSignature(ec.publicKey, signEc('sha384'), challenge, `${oids.ecdsaPlain}.4`)).toEqual({ status: 'passed', algorithm: 'ECDSA SHA384' });
    // Signed with SHA-384 where DG14 declares SHA-256: not the declared scheme, failed.
    expect(verifyEcdsaSignature(ec.publicKey, signEc('sha384'), challenge, `${oids.ecdsaPlain}.3`)).toEqual({
      status: 'failed',
      reason: expect.stringMatching(/does not verify.*possible clone/),
      algorithm: 'ECDSA SHA256',
    });
  });

  it.each([
    ['sha1', 1],
    ['sha224', 2],
    ['sha256', 3],
    ['sha384', 4],
    ['sha512', 5],
    ['ripemd160', 6],
  ] as const)('knows the declared %s (ecdsa-plain arc %s)', (hash, arc) => {
    expect(verifyEcdsaSignature(ec.publicKey, signEc(hash), challenge, `${oids.ecdsaPlain}.${arc}`)).toEqual({ status: 'passed', algorithm: `ECDSA ${hash.toUpperCase()}` });
  });

  it.each(['sha256', 'sha1', 'sha384', 'sha512', 'sha224'])('without a declared hash, tries the usual ones (%s)', (hash) => {
    expect(verifyEcdsaSignature(ec.publicKey, signEc(hash), challenge, undefined)).toEqual({ status: 'passed', algorithm: `ECDSA ${hash.toUpperCase()}` });
  });

  it('an undeclared or unknown algorithm that matches no usual hash fails, naming no hash', () => {
    const other = signEc('sha256', Uint8Array.of(9, 9, 9, 9, 9, 9, 9, 9));
    expect(verifyEcdsaSignature(ec.publicKey, other, challenge, undefined)).toEqual({ status: 'failed', reason: expect.stringMatching(/possible clone/), algorithm: 'ECDSA' });
    expect(verifyEcdsaSignature(ec.publicKey, other, challenge, '1.2.3.4')).toEqual({ status: 'failed', reason: expect.stringMatching(/possible clone/), algorithm: 'ECDSA' });
  });

  // Electron's BoringSSL has no RIPEMD-160: its verify throws "Invalid digest" where Node's OpenSSL checks.
  const withoutRipemd: EcdsaVerifier = (hash, data, key, signature) => {
    if (hash === 'ripemd160') throw new Error('Invalid digest: ripemd160');
    return verify(hash, data, key, signature);
  };

  it('a declared hash the runtime cannot compute is not possible (not checked), never a pass, a clone verdict or a lost read', () => {
    const expected = { status: 'not_possible', reason: 'ECDSA with RIPEMD160 (Invalid digest: ripemd160) cannot be computed by this booth: Active Authentication not checked', algorithm: 'ECDSA RIPEMD160' };
    expect(verifyEcdsaSignature(ec.publicKey, signEc('ripemd160'), challenge, `${oids.ecdsaPlain}.6`, withoutRipemd)).toEqual(expected);
    // A clone's answer cannot be told apart either: the same "not checked", not a pass.
    expect(verifyEcdsaSignature(ec.publicKey, Uint8Array.from({ length: 64 }, (_, i) => i), challenge, `${oids.ecdsaPlain}.6`, withoutRipemd)).toEqual(expected);
    // The hashes the runtime has are still checked: a bad answer under SHA-384 stays failed.
    expect(verifyEcdsaSignature(ec.publicKey, signEc('ripemd160'), challenge, `${oids.ecdsaPlain}.4`, withoutRipemd).status).toBe('failed');
  });
});

/** A session that answers INTERNAL AUTHENTICATE with `answer(challenge)` and records the command. */
function chipAnswering(answer: (command: CommandApdu) => ResponseApdu): { session: ChipSession; sent: CommandApdu[] } {
  const sent: CommandApdu[] = [];
  const session = {
    send: async (command: CommandApdu) => {
      sent.push(command);
      return answer(command);
    },
  } as unknown as ChipSession;
  return { session, sent };
}

describe('performActiveAuthentication', () => {
  const random = (n: number) => challenge.subarray(0, n);

  it('sends INTERNAL AUTHENTICATE with a fresh 8-byte challenge and verifies an RSA answer', async () => {
    const { session, sent } = chipAnswering(() => ({ data: iso9796(), sw: 0x9000 }));
    expect(await performActiveAuthentication(session, dg15Of(rsa.publicKey), random)).toEqual({ status: 'passed', algorithm: 'RSA ISO 9796-2 SHA1' });
    expect(sent).toEqual([{ cla: 0, ins: 0x88, p1: 0, p2: 0, data: challenge, le: 256 }]);
  });

  it('verifies an EC answer with the hash DG14 declares', async () => {
    const { session } = chipAnswering((command) => ({ data: new Uint8Array(sign('sha384', command.data!, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' })), sw: 0x9000 }));
    expect(await performActiveAuthentication(session, dg15Of(ec.publicKey), random, `${oids.ecdsaPlain}.4`)).toEqual({ status: 'passed', algorithm: 'ECDSA SHA384' });
  });

  it('a chip that refuses, or answers nothing, fails', async () => {
    expect(await performActiveAuthentication(chipAnswering(() => ({ data: new Uint8Array(0), sw: 0x6982 })).session, dg15Of(rsa.publicKey), random)).toEqual({
      status: 'failed',
      reason: 'chip refused INTERNAL AUTHENTICATE (SW 6982)',
    });
    expect(await performActiveAuthentication(chipAnswering(() => ({ data: iso9796(), sw: 0x6982 })).session, dg15Of(rsa.publicKey), random)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/SW 6982/) });
    expect(await performActiveAuthentication(chipAnswering(() => ({ data: new Uint8Array(0), sw: 0x9000 })).session, dg15Of(rsa.publicKey), random)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/SW 9000/) });
  });

  it('a DG15 whose key cannot be read is not possible, and the chip is not asked', async () => {
    const { session, sent } = chipAnswering(() => ({ data: iso9796(), sw: 0x9000 }));
    const result = await performActiveAuthentication(session, encodeTlv(0x6f, Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00)), random);
    expect(result).toMatchObject({ status: 'not_possible', reason: expect.stringMatching(/^DG15 public key cannot be read: /) });
    expect(sent).toEqual([]);
  });

  it('a DG15 key that is neither RSA nor EC is not possible (not checked), and the chip is not asked', async () => {
    const { session, sent } = chipAnswering(() => ({ data: iso9796(), sw: 0x9000 }));
    const result = await performActiveAuthentication(session, dg15Of(generateKeyPairSync('ed25519').publicKey), random, `${oids.ecdsaPlain}.3`);
    expect(result).toEqual({ status: 'not_possible', reason: 'DG15 holds a ed25519 key: Active Authentication signs with RSA or ECDSA, so it was not checked' });
    expect(sent).toEqual([]);
  });

  it('reads the key inside the DG15 template', () => {
    expect(activeAuthenticationKey(dg15Of(rsa.publicKey)).export({ type: 'spki', format: 'der' })).toEqual(rsa.publicKey.export({ type: 'spki', format: 'der' }));
  });
});
