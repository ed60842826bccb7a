import { inputLimits } from '../../shared/inputLimits';
import { LdsError } from './ldsError';

/** Text elements are short; one over the limit is refused before it is decoded. */
function refuseOversized(bytes: Uint8Array, file: string, what: string): void {
  const limit = inputLimits.lds.maxTextElementBytes;
  if (bytes.length > limit) throw new LdsError('bad_value', file, `${what} is ${bytes.length} bytes, over the ${limit}-byte limit for a text element`);
}

/**
 * Decodes a UTF-8 text element of a data group (ICAO 9303-10 allows UTF-8 in DG11/DG12). Written out because
 * app/ compiles against ES2022 only, where TextDecoder is not declared; invalid sequences are rejected.
 */
export function decodeLdsText(bytes: Uint8Array, file: string, what: string): string {
  refuseOversized(bytes, file, what);
  const bad = () => new LdsError('bad_value', file, `${what} is not valid UTF-8`);
  // Built a character at a time: spreading every code point into one call overflows the stack on long input.
  let text = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0 || i + extra >= bytes.length) throw bad();
    let cp = extra === 0 ? b : b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) throw bad();
      cp = (cp << 6) | (c & 0x3f);
    }
    const minimum = [0, 0x80, 0x800, 0x10000][extra]!;
    if (cp < minimum || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw bad();
    text += String.fromCodePoint(cp);
    i += extra + 1;
  }
  return text;
}

/** Decodes a text element that must be printable ASCII (MRZ, version numbers). */
export function decodeAscii(bytes: Uint8Array, file: string, what: string): string {
  refuseOversized(bytes, file, what);
  let text = '';
  for (const b of bytes) {
    if (b < 0x20 || b > 0x7e) throw new LdsError('bad_value', file, `${what} contains non-ASCII byte 0x${b.toString(16).padStart(2, '0')}`);
    text += String.fromCharCode(b);
  }
  return text;
}

/**
 * An ICAO 9303 date element 'YYYYMMDD' (DG11 full date of birth, DG12 date of issue) as ISO 'YYYY-MM-DD'.
 * Unknown parts may be given as '00' or 'XX'; those are kept as they are rather than invented.
 */
export function ldsDateToIso(text: string): string {
  const digits = text.trim();
  if (/^\d{8}$/.test(digits) || /^[\dX]{8}$/i.test(digits)) return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return digits;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
