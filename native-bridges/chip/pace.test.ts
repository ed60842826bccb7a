import { createECDH } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesToBigint, bytesToHex, hexToBytes } from './bytes';
import type { CardChannel } from './cardChannel';
import { ChipSession } from './chipSession.node.ts';
import { aesCbcDecrypt } from './crypto/aes.node.ts';
import { curves, decodePoint, encodePoint, generator, multiply } from './crypto/ellipticCurve.node.ts';
import { icaoKdf } from './crypto/kdf.node.ts';
import { mapGenerator, pacePasswordBytes, paceSessionKeys, paceToken, paceTokenInput, performPace } from './pace.node.ts';
import { decodeOid } from './oid';
import { parseSecurityInfos } from './securityInfos.node.ts';
import type { PaceInfo } from './securityInfos.node.ts';
import { datasetsRoot } from './testSupport/datasets';

const file = path.join(datasetsRoot(), 'emrtd/icao9303_worked_examples/icao9303_p11_appendixG1_pace_ecdh_gm.json');
const present = existsSync(file);
if (!present) console.warn(`[skip] ICAO 9303 Appendix G.1 vector not found at ${file} (set BOOTH_DATASETS)`);

describe('curve parameters', () => {
  for (const curve of Object.values(curves)) {
    it(`${curve.name}: k·G matches node:crypto`, () => {
      const ecdh = createECDH(curve.nodeName);
      ecdh.generateKeys();
      const k = bytesToBigint(ecdh.getPrivateKey());
      expect(bytesToHex(encodePoint(curve, multiply(curve, generator(curve), k)!))).toBe(bytesToHex(ecdh.getPublicKey()));
      expect(multiply(curve, generator(curve), curve.n)).toBeUndefined();
    });
  }
});

describe.skipIf(!present)('ICAO 9303-11 Appendix G.1 (PACE ECDH-GM, brainpoolP256r1, AES-128)', () => {
  const v = present ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  const key = present ? { documentNumber: v.password.documentNumber, birthDate: v.password.dateOfBirth, expiryDate: v.password.dateOfExpiry } : undefined;
  const curve = curves.brainpoolP256r1;
  const point = (p: { x: string; y: string }) => bytesToHex(hexToBytes(`04${p.x}${p.y}`));

  it('parses EF.CardAccess into the PACEInfo', () => {
    const [info] = parseSecurityInfos(hexToBytes(v.efCardAccess));
    expect(info).toMatchObject({ type: 'pace', parameterId: 13, cipher: 'AES-128', supported: true, version: 2 });
  });

  it('decrypts the nonce, maps the generator and computes both tokens', () => {
    const kPi = icaoKdf(pacePasswordBytes({ kind: 'mrz', key: key! }), 3, 'AES-128');
    const s = aesCbcDecrypt(kPi, hexToBytes(v.encryptedNonce));
    expect(bytesToHex(s)).toBe(v.decryptedNonce_s);
    const terminalMapping = BigInt(`0x${v.terminalMappingKeyPair.private}`);
    expect(bytesToHex(encodePoint(curve, multiply(curve, generator(curve), terminalMapping)!))).toBe(point({ x: v.terminalMappingKeyPair.publicX, y: v.terminalMappingKeyPair.publicY }));
    // Chip mapping key from the GA2 response of the transcript.
    const chipMapping = decodePoint(curve, hexToBytes(v.apdus[2].response).subarray(4, 69));
    const h = multiply(curve, chipMapping, terminalMapping)!;
    expect(bytesToHex(encodePoint(curve, h))).toBe(point(v.mappingSharedPoint_H));
    const mapped = mapGenerator(curve, bytesToBigint(s), h);
    expect(bytesToHex(encodePoint(curve, mapped))).toBe(point(v.mappedGenerator));
    const eph = BigInt(`0x${v.terminalEphemeralPrivate}`);
    expect(bytesToHex(encodePoint(curve, multiply(curve, mapped, eph)!))).toBe(point(v.terminalEphemeralPublic));
    const chipEph = hexToBytes(point(v.chipEphemeralPublic));
    expect(bytesToHex(paceTokenInput(decodeOid(hexToBytes(v.paceOid)), chipEph))).toBe(v.authenticationTokenInput_chipPublicKeyTemplate);
    const secret = multiply(curve, decodePoint(curve, chipEph), eph)!;
    const { ksMac } = paceSessionKeys(hexToBytes(secret.x.toString(16).padStart(64, '0')), 'AES-128');
    expect(bytesToHex(paceToken(ksMac, '0.4.0.127.0.7.2.2.4.2.2', chipEph))).toBe('C2B0BD78D94BA866');
    expect(bytesToHex(paceToken(ksMac, '0.4.0.127.0.7.2.2.4.2.2', hexToBytes(point(v.terminalEphemeralPublic))))).toBe('3ABB9674BCE93C08');
  });

  it('performPace sends exactly the published APDU transcript and accepts the chip token', async () => {
    const transcript: { command: string; response: string }[] = v.apdus;
    let step = 0;
    const channel: CardChannel = {
      async transmit(command) {
        const expected = transcript[step];
        expect(expected, `unexpected extra APDU ${bytesToHex(command)}`).toBeDefined();
        expect(bytesToHex(command)).toBe(expected!.command);
        step++;
        return hexToBytes(expected!.response);
      },
    };
    const scalars = [BigInt(`0x${v.terminalMappingKeyPair.private}`), BigInt(`0x${v.terminalEphemeralPrivate}`)];
    const session = new ChipSession(channel);
    const [info] = parseSecurityInfos(hexToBytes(v.efCardAccess));
    await performPace(session, info as PaceInfo, { kind: 'mrz', key: key! }, { privateScalar: () => scalars.shift()! });
    expect(step).toBe(transcript.length);
    expect(session.secureMessaging?.cipher).toBe('AES-128');
  });

  it('rejects a tampered chip token as access denied', async () => {
    const transcript: { command: string; response: string }[] = v.apdus.map((a: { command: string; response: string }, i: number) => (i === 4 ? { ...a, response: '7C0A86083ABB9674BCE93C099000' } : a));
    let step = 0;
    const channel: CardChannel = { transmit: async () => hexToBytes(transcript[step++]!.response) };
    const scalars = [BigInt(`0x${v.terminalMappingKeyPair.private}`), BigInt(`0x${v.terminalEphemeralPrivate}`)];
    const [info] = parseSecurityInfos(hexToBytes(v.efCardAccess));
    await expect(performPace(new ChipSession(channel), info as PaceInfo, { kind: 'mrz', key: key! }, { privateScalar: () => scalars.shift()! })).rejects.toMatchObject({ code: 'access_denied' });
  });
});
