import { LdsError } from './ldsError';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a UTF-8 text element of a data group (ICAO 9303-10 allows UTF-8 in DG11/DG12). */
export function decodeLdsText(bytes: Uint8Array, file: string, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new LdsError('bad_value', file, `${what} is not valid UTF-8`);
  }
}

/** Decodes a text element that must be printable ASCII (MRZ, version numbers). */
export function decodeAscii(bytes: Uint8Array, file: string, what: string): string {
  for (const b of bytes) {
    if (b < 0x20 || b > 0x7e) throw new LdsError('bad_value', file, `${what} contains non-ASCII byte 0x${b.toString(16).padStart(2, '0')}`);
  }
  return String.fromCharCode(...bytes);
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
