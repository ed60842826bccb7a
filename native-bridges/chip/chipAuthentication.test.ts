import { beforeAll, describe, expect, it } from 'vitest';
import { decodeTlv, encodeTlv, findTlv } from '../../app/document/lds/tlv';
import type { CommandApdu, ResponseApdu } from './apdu';
import { performBac } from './bac.node.ts';
import { ChipSession } from './chipSession.node.ts';
import { performChipAuthentication } from './chipAuthentication.node.ts';
import type { SmCipher } from './crypto/kdf.node.ts';
import { fileIds, readFile, selectApplication } from './fileReader.node.ts';
import { decodeOid, oids } from './oid';
import { encodeInteger, encodeSecurityInfo } from './securityInfos.node.ts';
import { generateCaKey, type CaKeyPair } from './simulator/chipSecrets.node.ts';
import { createSimulatedPassport, type SimulatedPassport } from './simulator/createSimulatedPassport.node.ts';
import { SimulatedPassportChip } from './simulator/SimulatedPassportChip.node.ts';

// Chip Authentication proves the chip holds the private key of its DG14 key: only then can it continue secure
// messaging under the agreed keys. A clone (files copied, private key not) fails; DG14 offering nothing this
// reader can run is "not possible", never passed.

const erika = ['I<D<<T220001293<<<<<<<<<<<<<<<', '6408125F3110315D<<<<<<<<<<<<<2', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<'];
const caAes128 = `${oids.caEcdh}.2`;
const ca3des = `${oids.caEcdh}.1`;

/** DG14 with the given CA public keys (SPKI, keyId) and one ChipAuthenticationInfo (protocol, keyId). */
function dg14(keys: readonly { spki: Uint8Array; keyId?: number }[], protocol: string, keyId?: number): Uint8Array {
  const infos = [
    ...keys.map((k) => encodeSecurityInfo(oids.caPublicKeyEcdh, k.spki, k.keyId === undefined ? undefined : encodeInteger(k.keyId))),
    encodeSecurityInfo(protocol, encodeInteger(1), keyId === undefined ? undefined : encodeInteger(keyId)),
  ];
  return encodeTlv(0x6e, encodeTlv(0x31, Uint8Array.from(infos.flatMap((i) => [...i]))));
}

let passport: SimulatedPassport;
let chipKey: CaKeyPair;
beforeAll(async () => {
  passport = await createSimulatedPassport({ mrz: erika, accessControl: 'BAC', activeAuthentication: 'none' });
  chipKey = passport.contents.caKey!;
});

/** A BAC session with a chip holding `caKey` and switching to `caCipher` after CA. */
async function sessionWith(options: { caKey?: CaKeyPair; caCipher?: SmCipher } = {}): Promise<ChipSession> {
  const { caKey: _genuine, ...rest } = passport.contents;
  const caKey = 'caKey' in options ? options.caKey : chipKey;
  const chip = new SimulatedPassportChip({ ...rest, ...(caKey ? { caKey } : {}), caCipher: options.caCipher ?? 'AES-128' });
  const session = new ChipSession({ transmit: async (command) => chip.process(command) });
  await selectApplication(session);
  await performBac(session, passport.contents.mrz);
  return session;
}

const readCom = (session: ChipSession) => readFile(session, fileIds.com, { chunkSize: 223 }, 'EF.COM');

describe('Chip Authentication against the simulated chip', () => {
  it('passes with AES secure messaging (CA version 2), and the session goes on under the new keys', async () => {
    const session = await sessionWith();
    const bacKeys = session.secureMessaging;
    const result = await performChipAuthentication(session, dg14([{ spki: chipKey.publicSpki, keyId: 1 }], caAes128, 1));
    expect(result).toEqual({ status: 'passed', algorithm: 'CA ECDH brainpoolP256r1 AES-128' });
    expect(session.secureMessaging).not.toBe(bacKeys);
    expect(await readCom(session)).toEqual(passport.contents.applicationFiles.get(fileIds.com));
  });

  it('passes with 3DES secure messaging (CA version 1, MSE:Set KAT)', async () => {
    const session = await sessionWith({ caCipher: '3DES' });
    const result = await performChipAuthentication(session, dg14([{ spki: chipKey.publicSpki }], ca3des));
    expect(result).toEqual({ status: 'passed', algorithm: 'CA ECDH brainpoolP256r1 3DES' });
    expect(await readCom(session)).toEqual(passport.contents.applicationFiles.get(fileIds.com));
  });

  it('fails a clone: DG14 holds the genuine key, the chip another private key', async () => {
    const session = await sessionWith({ caKey: generateCaKey('brainpoolP256r1') });
    const result = await performChipAuthentication(session, dg14([{ spki: chipKey.publicSpki, keyId: 1 }], caAes128, 1));
    expect(result).toEqual({
      status: 'failed',
      reason: 'chip could not continue secure messaging with the DG14 key: it does not hold the private key (possible clone)',
      algorithm: 'CA ECDH brainpoolP256r1 AES-128',
    });
  });

  it('uses the public key whose keyId the ChipAuthenticationInfo names', async () => {
    const other = generateCaKey('brainpoolP256r1');
    const keys = [
      { spki: other.publicSpki, keyId: 1 },
      { spki: chipKey.publicSpki, keyId: 2 },
    ];
    expect((await performChipAuthentication(await sessionWith(), dg14(keys, caAes128, 2))).status).toBe('passed');
    // Naming key 1 (not the chip's): the agreement fails, as it must.
    expect((await performChipAuthentication(await sessionWith(), dg14(keys, caAes128, 1))).status).toBe('failed');
  });

  it('a key without keyId matches an info with one, and an info without keyId matches any key', async () => {
    expect((await performChipAuthentication(await sessionWith(), dg14([{ spki: chipKey.publicSpki }], caAes128, 7))).status).toBe('passed');
    expect((await performChipAuthentication(await sessionWith(), dg14([{ spki: chipKey.publicSpki, keyId: 7 }], caAes128))).status).toBe('passed');
  });

  it('a chip without Chip Authentication refuses the set-up: failed, naming the status word', async () => {
    expect(await performChipAuthentication(await sessionWith({ caKey: undefined }), dg14([{ spki: chipKey.publicSpki }], caAes128))).toEqual({
      status: 'failed',
      reason: 'chip refused MSE:Set AT for CA (SW 6D00)',
      algorithm: 'CA ECDH brainpoolP256r1 AES-128',
    });
    expect(await performChipAuthentication(await sessionWith({ caKey: undefined, caCipher: '3DES' }), dg14([{ spki: chipKey.publicSpki }], ca3des))).toEqual({
      status: 'failed',
      reason: 'chip refused MSE:Set KAT (SW 6D00)',
      algorithm: 'CA ECDH brainpoolP256r1 3DES',
    });
  });
});

describe('Chip Authentication that cannot be run', () => {
  const unused = {} as ChipSession;

  it('a DG14 that cannot be parsed is not possible', async () => {
    expect(await performChipAuthentication(unused, Uint8Array.of(0x6e, 0x02, 0x04, 0x00))).toMatchObject({ status: 'not_possible', reason: expect.stringMatching(/^DG14 cannot be parsed: /) });
  });

  it.each([
    ['DH key agreement', `${oids.caDh}.2`],
    ['an unknown cipher', `${oids.caEcdh}.9`],
  ])('a DG14 offering only %s is not possible', async (_what, protocol) => {
    expect(await performChipAuthentication(unused, dg14([{ spki: chipKey.publicSpki }], protocol))).toEqual({
      status: 'not_possible',
      reason: 'DG14 offers no ECDH Chip Authentication this reader supports (DH CA is not implemented)',
    });
  });

  it('a ChipAuthenticationInfo without a public key of its keyId is not possible', async () => {
    expect((await performChipAuthentication(unused, dg14([{ spki: chipKey.publicSpki, keyId: 1 }], caAes128, 2))).status).toBe('not_possible');
    expect((await performChipAuthentication(unused, dg14([], caAes128))).status).toBe('not_possible');
  });

  it('skips an unsupported info and runs the next one', async () => {
    const bytes = encodeTlv(
      0x6e,
      encodeTlv(0x31, Uint8Array.from([...encodeSecurityInfo(oids.caPublicKeyEcdh, chipKey.publicSpki), ...encodeSecurityInfo(`${oids.caDh}.2`, encodeInteger(1)), ...encodeSecurityInfo(caAes128, encodeInteger(1))])),
    );
    expect(await performChipAuthentication(await sessionWith(), bytes)).toEqual({ status: 'passed', algorithm: 'CA ECDH brainpoolP256r1 AES-128' });
  });

  it('finds the public key wherever DG14 lists it (after the ChipAuthenticationInfo)', async () => {
    const bytes = encodeTlv(0x6e, encodeTlv(0x31, Uint8Array.from([...encodeSecurityInfo(caAes128, encodeInteger(1)), ...encodeSecurityInfo(oids.caPublicKeyEcdh, chipKey.publicSpki)])));
    expect(await performChipAuthentication(await sessionWith(), bytes)).toEqual({ status: 'passed', algorithm: 'CA ECDH brainpoolP256r1 AES-128' });
  });

  it('a public key on a curve this reader does not know is not possible', async () => {
    const rsaLike = encodeTlv(0x30, Uint8Array.from([...encodeTlv(0x30, Uint8Array.from([...encodeTlv(0x06, Uint8Array.of(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01))])), ...encodeTlv(0x03, Uint8Array.of(0, 1, 2))]));
    expect(await performChipAuthentication(unused, dg14([{ spki: rsaLike }], caAes128))).toEqual({ status: 'not_possible', reason: 'not an EC SubjectPublicKeyInfo' });
  });
});

describe('Chip Authentication commands', () => {
  /** A session that records commands and answers each with `answer`; secure messaging is only recorded. */
  function scripted(answer: (command: CommandApdu) => ResponseApdu) {
    const sent: CommandApdu[] = [];
    const session = {
      send: async (command: CommandApdu) => (sent.push(command), answer(command)),
      startSecureMessaging: () => undefined,
    } as unknown as ChipSession;
    return { session, sent };
  }

  it('CA version 2 sends MSE:Set AT (protocol OID, key reference) then General Authenticate (ephemeral key)', async () => {
    const { session, sent } = scripted(() => ({ data: new Uint8Array(0), sw: 0x9000 }));
    expect((await performChipAuthentication(session, dg14([{ spki: chipKey.publicSpki, keyId: 3 }], caAes128, 3))).status).toBe('passed');
    const [setAt, ga, select] = sent;
    expect(setAt).toMatchObject({ cla: 0, ins: 0x22, p1: 0x41, p2: 0xa4 });
    const at = decodeTlv(setAt!.data!);
    expect(decodeOid(findTlv(at, 0x80)!.value)).toBe(caAes128);
    expect([...findTlv(at, 0x84)!.value]).toEqual([3]);
    expect(ga).toMatchObject({ cla: 0, ins: 0x86, p1: 0, p2: 0, le: 256 });
    const ephemeral = findTlv(findTlv(decodeTlv(ga!.data!), 0x7c)!.children, 0x80)!.value;
    expect(ephemeral).toHaveLength(65); // an uncompressed brainpoolP256r1 point
    expect(ephemeral[0]).toBe(0x04);
    expect(select).toMatchObject({ ins: 0xa4, p1: 0x02, data: Uint8Array.of(0x01, 0x1e) });
  });

  it('without a keyId no key reference is sent', async () => {
    const { session, sent } = scripted(() => ({ data: new Uint8Array(0), sw: 0x9000 }));
    await performChipAuthentication(session, dg14([{ spki: chipKey.publicSpki }], caAes128));
    expect(findTlv(decodeTlv(sent[0]!.data!), 0x84)).toBeUndefined();
    await performChipAuthentication(session, dg14([{ spki: chipKey.publicSpki }], ca3des));
    const kat = decodeTlv(sent[3]!.data!);
    expect(sent[3]).toMatchObject({ ins: 0x22, p1: 0x41, p2: 0xa6 });
    expect(findTlv(kat, 0x91)!.value).toHaveLength(65);
    expect(findTlv(kat, 0x84)).toBeUndefined();
  });

  it('a chip that refuses General Authenticate fails, naming the status word', async () => {
    const { session } = scripted((command) => ({ data: new Uint8Array(0), sw: command.ins === 0x86 ? 0x6a80 : 0x9000 }));
    expect(await performChipAuthentication(session, dg14([{ spki: chipKey.publicSpki }], caAes128))).toEqual({
      status: 'failed',
      reason: 'chip refused CA General Authenticate (SW 6A80)',
      algorithm: 'CA ECDH brainpoolP256r1 AES-128',
    });
  });

  it('an error other than secure messaging in the proof is not taken for a clone: it is raised', async () => {
    const { session } = scripted((command) => ({ data: new Uint8Array(0), sw: command.ins === 0xa4 ? 0x6982 : 0x9000 }));
    await expect(performChipAuthentication(session, dg14([{ spki: chipKey.publicSpki }], caAes128))).rejects.toMatchObject({ name: 'ChipReadError', code: 'access_denied' });
  });
});
