import { createCipheriv, createDecipheriv } from 'node:crypto';
import { concatBytes } from '../bytes';
import { padIso9797 } from './padding';

/**
 * 2-key 3DES (DES-EDE) as ICAO BAC uses it. OpenSSL 3 refuses single DES, so the single-DES steps of
 * ISO 9797-1 MAC algorithm 3 run as `des-ede-cbc` with the same 8-byte key twice (K,K,K = DES).
 */
const zeroIv = new Uint8Array(8);

function run(algorithm: string, key: Uint8Array, data: Uint8Array, encrypt: boolean, iv: Uint8Array = zeroIv): Uint8Array {
  const c = encrypt ? createCipheriv(algorithm, key, iv) : createDecipheriv(algorithm, key, iv);
  c.setAutoPadding(false);
  return concatBytes(c.update(data), c.final());
}

/** 3DES-CBC encryption with a 16-byte key, no padding added. */
export function tdesEncrypt(key16: Uint8Array, data: Uint8Array, iv: Uint8Array = zeroIv): Uint8Array {
  return run('des-ede-cbc', key16, data, true, iv);
}

export function tdesDecrypt(key16: Uint8Array, data: Uint8Array, iv: Uint8Array = zeroIv): Uint8Array {
  return run('des-ede-cbc', key16, data, false, iv);
}

function singleDes(key8: Uint8Array, block: Uint8Array, encrypt: boolean): Uint8Array {
  return run('des-ede-cbc', concatBytes(key8, key8), block, encrypt);
}

/**
 * ISO/IEC 9797-1 MAC algorithm 3 (retail MAC) with padding method 2: single-DES CBC with Ka over all
 * blocks, then decrypt with Kb and encrypt with Ka on the last block. Returns 8 bytes.
 */
export function retailMac(key16: Uint8Array, data: Uint8Array, alreadyPadded = false): Uint8Array {
  const padded = alreadyPadded ? data : padIso9797(data, 8);
  const ka = key16.subarray(0, 8);
  const kb = key16.subarray(8, 16);
  // Single-DES CBC over all blocks in one cipher call; the last ciphertext block is the chaining value.
  const chained = singleDes(ka, padded, true);
  const h = chained.subarray(chained.length - 8);
  return singleDes(ka, singleDes(kb, h, false), true);
}
