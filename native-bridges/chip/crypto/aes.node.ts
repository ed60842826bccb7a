import { createCipheriv, createDecipheriv } from 'node:crypto';
import { concatBytes } from '../bytes';
import { padIso9797 } from './padding';

/** AES primitives for PACE/CA secure messaging: CBC without padding, ECB for the SM IV, CMAC (RFC 4493). */

function algorithm(key: Uint8Array, mode: 'cbc' | 'ecb'): string {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) throw new Error(`AES key must be 16/24/32 bytes, got ${key.length}`);
  return `aes-${key.length * 8}-${mode}`;
}

export function aesCbcEncrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = new Uint8Array(16)): Uint8Array {
  const c = createCipheriv(algorithm(key, 'cbc'), key, iv);
  c.setAutoPadding(false);
  return concatBytes(c.update(data), c.final());
}

export function aesCbcDecrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = new Uint8Array(16)): Uint8Array {
  const c = createDecipheriv(algorithm(key, 'cbc'), key, iv);
  c.setAutoPadding(false);
  return concatBytes(c.update(data), c.final());
}

export function aesEcbEncryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  const c = createCipheriv(algorithm(key, 'ecb'), key, null);
  c.setAutoPadding(false);
  return concatBytes(c.update(block), c.final());
}

function shiftLeft(block: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = ((block[i]! << 1) | (i < 15 ? block[i + 1]! >> 7 : 0)) & 0xff;
  if (block[0]! & 0x80) out[15] = out[15]! ^ 0x87;
  return out;
}

/** AES-CMAC (RFC 4493), full 16 bytes; ICAO truncates to 8. */
export function aesCmac(key: Uint8Array, message: Uint8Array): Uint8Array {
  const l = aesEcbEncryptBlock(key, new Uint8Array(16));
  const k1 = shiftLeft(l);
  const k2 = shiftLeft(k1);
  const complete = message.length > 0 && message.length % 16 === 0;
  const padded = complete ? Uint8Array.from(message) : padIso9797(message, 16);
  const last = padded.length - 16;
  const subkey = complete ? k1 : k2;
  for (let i = 0; i < 16; i++) padded[last + i] = padded[last + i]! ^ subkey[i]!;
  const mac = aesCbcEncrypt(key, padded);
  return mac.subarray(mac.length - 16);
}
