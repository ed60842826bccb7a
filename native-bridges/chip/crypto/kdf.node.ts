import { createHash } from 'node:crypto';
import { concatBytes } from '../bytes';

/** Cipher families ICAO 9303 Part 11 uses for secure messaging. */
export type SmCipher = '3DES' | 'AES-128' | 'AES-192' | 'AES-256';

/** KDF counters (9303-11 9.7.1). */
export const kdfCounter = { enc: 1, mac: 2, pace: 3 } as const;

/** KDF(K, c) = H(K || c) truncated to the cipher's key size (SHA-1 for 3DES and AES-128, SHA-256 above). */
export function icaoKdf(secret: Uint8Array, counter: number, cipher: SmCipher): Uint8Array {
  const c = Uint8Array.of(0, 0, 0, counter);
  const hash = cipher === '3DES' || cipher === 'AES-128' ? 'sha1' : 'sha256';
  const digest = new Uint8Array(createHash(hash).update(concatBytes(secret, c)).digest());
  switch (cipher) {
    case '3DES':
      return adjustDesParity(digest.subarray(0, 16));
    case 'AES-128':
      return digest.subarray(0, 16);
    case 'AES-192':
      return digest.subarray(0, 24);
    case 'AES-256':
      return digest.subarray(0, 32);
  }
}

/** Sets the odd-parity bit of each DES key byte (ICAO derived 3DES keys are parity-adjusted). */
export function adjustDesParity(key: Uint8Array): Uint8Array {
  const out = Uint8Array.from(key);
  for (let i = 0; i < out.length; i++) {
    const b = out[i]! & 0xfe;
    let ones = 0;
    for (let bit = 1; bit < 0x100; bit <<= 1) if (b & bit) ones++;
    out[i] = b | (ones % 2 === 0 ? 1 : 0);
  }
  return out;
}

export function sha1(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(data).digest());
}
