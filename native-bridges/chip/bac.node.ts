import { randomBytes } from 'node:crypto';
import { swHex } from './apdu';
import { bytesEqual, concatBytes, xorBytes } from './bytes';
import type { ChipSession } from './chipSession.node.ts';
import { ChipReadError } from './chipReadError';
import { icaoKdf, kdfCounter, sha1 } from './crypto/kdf.node.ts';
import { retailMac, tdesDecrypt, tdesEncrypt } from './crypto/tripleDes.node.ts';
import { mrzInformation } from '../../app/document/mrz/mrzAccessKey';
import type { MrzAccessKey } from '../../app/document/mrz/mrzAccessKey';
import { SecureMessaging } from './secureMessaging.node.ts';

/** Basic Access Control (ICAO 9303-11 section 4.3, Appendix D). */

export interface BacKeys {
  readonly kEnc: Uint8Array;
  readonly kMac: Uint8Array;
}

/** Kseed = first 16 bytes of SHA-1(MRZ information). */
export function bacKeySeed(key: MrzAccessKey): Uint8Array {
  return sha1(new TextEncoder().encode(mrzInformation(key))).subarray(0, 16);
}

export function bacKeysFromSeed(seed: Uint8Array): BacKeys {
  return { kEnc: icaoKdf(seed, kdfCounter.enc, '3DES'), kMac: icaoKdf(seed, kdfCounter.mac, '3DES') };
}

/** Session keys and SSC from the two key halves and challenges (D.3). */
export function bacSessionFromKeyMaterial(kIfd: Uint8Array, kIcc: Uint8Array, rndIcc: Uint8Array, rndIfd: Uint8Array): SecureMessaging {
  const seed = xorBytes(kIfd, kIcc);
  const ssc = concatBytes(rndIcc.subarray(4, 8), rndIfd.subarray(4, 8));
  return new SecureMessaging('3DES', icaoKdf(seed, kdfCounter.enc, '3DES'), icaoKdf(seed, kdfCounter.mac, '3DES'), ssc);
}

/** Builds the EXTERNAL AUTHENTICATE cryptogram E.IFD || M.IFD. */
export function bacTerminalCryptogram(keys: BacKeys, rndIfd: Uint8Array, rndIcc: Uint8Array, kIfd: Uint8Array): Uint8Array {
  const eIfd = tdesEncrypt(keys.kEnc, concatBytes(rndIfd, rndIcc, kIfd));
  return concatBytes(eIfd, retailMac(keys.kMac, eIfd));
}

export type Random = (length: number) => Uint8Array;
export const secureRandom: Random = (n) => new Uint8Array(randomBytes(n));

/** Runs BAC as the terminal; on success the session switches to 3DES secure messaging. */
export async function performBac(session: ChipSession, key: MrzAccessKey, random: Random = secureRandom): Promise<void> {
  const keys = bacKeysFromSeed(bacKeySeed(key));
  const challenge = await session.sendPlain({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 8 });
  if (challenge.sw !== 0x9000 || challenge.data.length !== 8) {
    throw new ChipReadError('protocol', `GET CHALLENGE failed (SW ${swHex(challenge.sw)}, ${challenge.data.length} bytes)`);
  }
  const rndIcc = challenge.data;
  const rndIfd = random(8);
  const kIfd = random(16);
  const response = await session.sendPlain({ cla: 0, ins: 0x82, p1: 0, p2: 0, data: bacTerminalCryptogram(keys, rndIfd, rndIcc, kIfd), le: 40 });
  if (response.sw !== 0x9000) {
    throw new ChipReadError('access_denied', `BAC refused by the chip (SW ${swHex(response.sw)}): the MRZ document number, birth date or expiry date does not match this chip`);
  }
  if (response.data.length !== 40) throw new ChipReadError('protocol', `EXTERNAL AUTHENTICATE returned ${response.data.length} bytes, expected 40`);
  const eIcc = response.data.subarray(0, 32);
  if (!bytesEqual(retailMac(keys.kMac, eIcc), response.data.subarray(32))) throw new ChipReadError('access_denied', 'BAC: chip cryptogram MAC does not verify (wrong MRZ keys)');
  const r = tdesDecrypt(keys.kEnc, eIcc);
  if (!bytesEqual(r.subarray(0, 8), rndIcc) || !bytesEqual(r.subarray(8, 16), rndIfd)) throw new ChipReadError('access_denied', 'BAC: chip did not return our challenge');
  session.startSecureMessaging(bacSessionFromKeyMaterial(kIfd, r.subarray(16, 32), rndIcc, rndIfd));
}
