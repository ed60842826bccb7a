/**
 * BER-TLV as used by the ICAO 9303 LDS (data groups, EF.COM, secure messaging objects, PACE/CA dynamic
 * authentication data). Chip bytes are untrusted: every read is bounds-checked and malformed input
 * raises a TlvError naming what was wrong and where, never an out-of-range read.
 */
import { inputLimits } from '../../shared/inputLimits';

export type TlvErrorCode =
  /** The input ends inside a tag, a length or a value. */
  | 'truncated'
  /** A length field that BER does not allow here (indefinite form, more than 4 length bytes, reserved 0xFF). */
  | 'bad_length'
  /** A tag longer than 4 bytes, or a tag made only of padding. */
  | 'bad_tag'
  /** requireTlv did not find the tag it was asked for. */
  | 'missing_tag'
  /** encodeTlv was given a tag number or length that cannot be written in BER. */
  | 'bad_argument'
  /** Constructed TLVs nested deeper than inputLimits.tlv.maxDepth. */
  | 'too_deep'
  /** A declared value length over inputLimits.tlv.maxValueBytes. */
  | 'too_large';

export class TlvError extends Error {
  override readonly name = 'TlvError';
  constructor(
    readonly code: TlvErrorCode,
    message: string,
    /** Byte offset in the input where the problem was found. */
    readonly offset: number,
  ) {
    super(message);
  }
}

export interface Tlv {
  /** The tag bytes read as one big-endian number, e.g. 0x61, 0x5F1F, 0x7F61. */
  readonly tag: number;
  /** Bit 6 of the first tag byte: the value is itself a sequence of TLVs. */
  readonly constructed: boolean;
  /** The value bytes (a view into the input, not a copy). */
  readonly value: Uint8Array;
  /** Children, decoded eagerly for constructed TLVs; empty for primitive ones. */
  readonly children: readonly Tlv[];
  /** Offset of the first tag byte in the buffer that was decoded. */
  readonly offset: number;
  /** Total encoded size: tag + length + value bytes. */
  readonly length: number;
  /** Size of tag plus length fields, so value starts at offset + headerLength. */
  readonly headerLength: number;
}

const maxTagBytes = 4;
const maxLengthBytes = 4;

interface Header {
  readonly tag: number;
  readonly constructed: boolean;
  readonly headerLength: number;
  readonly valueLength: number;
}

function readHeader(bytes: Uint8Array, offset: number): Header {
  if (offset >= bytes.length) throw new TlvError('truncated', `TLV truncated: no tag byte at offset ${offset}`, offset);
  const first = bytes[offset]!;
  const constructed = (first & 0x20) !== 0;
  let tag = first;
  let pos = offset + 1;
  if ((first & 0x1f) === 0x1f) {
    // Multi-byte tag: subsequent bytes carry 7 bits each while bit 8 is set.
    for (;;) {
      if (pos >= bytes.length) throw new TlvError('truncated', `TLV truncated inside multi-byte tag at offset ${offset}`, pos);
      if (pos - offset >= maxTagBytes) throw new TlvError('bad_tag', `TLV tag at offset ${offset} is longer than ${maxTagBytes} bytes`, pos);
      const b = bytes[pos]!;
      tag = tag * 256 + b;
      pos++;
      if ((b & 0x80) === 0) break;
    }
  }
  if (pos >= bytes.length) throw new TlvError('truncated', `TLV truncated: no length byte for tag ${hexTag(tag)} at offset ${offset}`, pos);
  const lengthByte = bytes[pos]!;
  pos++;
  let valueLength: number;
  if (lengthByte < 0x80) {
    valueLength = lengthByte;
  } else if (lengthByte === 0x80) {
    throw new TlvError('bad_length', `TLV tag ${hexTag(tag)} at offset ${offset} uses indefinite length, which the LDS does not allow`, pos - 1);
  } else {
    const count = lengthByte & 0x7f;
    if (count > maxLengthBytes) {
      throw new TlvError('bad_length', `TLV tag ${hexTag(tag)} at offset ${offset} has a ${count}-byte length field (max ${maxLengthBytes})`, pos - 1);
    }
    if (pos + count > bytes.length) throw new TlvError('truncated', `TLV truncated inside length of tag ${hexTag(tag)} at offset ${offset}`, pos);
    valueLength = 0;
    for (let i = 0; i < count; i++) valueLength = valueLength * 256 + bytes[pos + i]!;
    pos += count;
  }
  if (valueLength > inputLimits.tlv.maxValueBytes) {
    throw new TlvError('too_large', `TLV tag ${hexTag(tag)} at offset ${offset} declares ${valueLength} value bytes, over the ${inputLimits.tlv.maxValueBytes}-byte limit`, offset);
  }
  return { tag, constructed, headerLength: pos - offset, valueLength };
}

/** Decodes the single TLV starting at `offset` (children of constructed TLVs included; offsets are into `bytes`). */
export function decodeOneTlv(bytes: Uint8Array, offset = 0): Tlv {
  return decodeWithin(bytes, offset, bytes.length, 0);
}

/** `depth` is how many constructed TLVs enclose this one: chip bytes must not choose how deep the stack goes. */
function decodeWithin(bytes: Uint8Array, offset: number, end: number, depth: number): Tlv {
  if (depth >= inputLimits.tlv.maxDepth) {
    throw new TlvError('too_deep', `TLV at offset ${offset} is nested more than ${inputLimits.tlv.maxDepth} levels deep`, offset);
  }
  const header = readHeader(bytes.subarray(0, end), offset);
  const valueStart = offset + header.headerLength;
  const valueEnd = valueStart + header.valueLength;
  if (valueEnd > end) {
    throw new TlvError(
      'truncated',
      `TLV tag ${hexTag(header.tag)} at offset ${offset} declares ${header.valueLength} value bytes but only ${end - valueStart} remain`,
      valueStart,
    );
  }
  const value = bytes.subarray(valueStart, valueEnd);
  const children = header.constructed ? decodeSequence(bytes, valueStart, valueEnd, depth + 1) : [];
  return { tag: header.tag, constructed: header.constructed, value, children, offset, length: valueEnd - offset, headerLength: header.headerLength };
}

function decodeSequence(bytes: Uint8Array, start: number, end: number, depth: number): Tlv[] {
  const result: Tlv[] = [];
  let offset = start;
  while (offset < end) {
    const b = bytes[offset]!;
    if (b === 0x00 || b === 0xff) {
      offset++;
      continue;
    }
    const tlv = decodeWithin(bytes, offset, end, depth);
    result.push(tlv);
    offset += tlv.length;
  }
  return result;
}

/**
 * Decodes a sequence of TLVs filling the whole input. Padding bytes 0x00 and 0xFF between TLVs
 * (allowed by ISO 7816-4 and present at the end of some EF reads) are skipped.
 */
export function decodeTlv(bytes: Uint8Array): Tlv[] {
  return decodeSequence(bytes, 0, bytes.length, 0);
}

/**
 * Size in bytes of the complete TLV whose first bytes are given (header only needs to be present).
 * Used to learn how much of an elementary file to read from its first few bytes.
 */
export function tlvTotalLength(header: Uint8Array, offset = 0): number {
  const h = readHeader(header, offset);
  return h.headerLength + h.valueLength;
}

/** Encodes a BER length field. */
export function encodeLength(length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > 0xffffffff) {
    throw new TlvError('bad_argument', `cannot encode TLV length ${length}`, 0);
  }
  if (length < 0x80) return Uint8Array.of(length);
  const out: number[] = [];
  let rest = length;
  while (rest > 0) {
    out.unshift(rest & 0xff);
    rest = Math.floor(rest / 256);
  }
  return Uint8Array.from([0x80 | out.length, ...out]);
}

/** Encodes a tag number (as returned in Tlv.tag) into its bytes. */
export function encodeTag(tag: number): Uint8Array {
  if (!Number.isInteger(tag) || tag <= 0 || tag > 0xffffffff) throw new TlvError('bad_argument', `cannot encode TLV tag ${tag}`, 0);
  const out: number[] = [];
  let rest = tag;
  while (rest > 0) {
    out.unshift(rest & 0xff);
    rest = Math.floor(rest / 256);
  }
  const first = out[0]!;
  const multiByte = (first & 0x1f) === 0x1f;
  if (multiByte !== out.length > 1) throw new TlvError('bad_argument', `tag ${hexTag(tag)} is not a well-formed BER tag`, 0);
  for (let i = 1; i < out.length; i++) {
    const continues = (out[i]! & 0x80) !== 0;
    if (continues !== i < out.length - 1) throw new TlvError('bad_argument', `tag ${hexTag(tag)} is not a well-formed BER tag`, 0);
  }
  return Uint8Array.from(out);
}

/** Encodes one TLV: tag bytes, minimal length field, value. */
export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  const t = encodeTag(tag);
  const l = encodeLength(value.length);
  const out = new Uint8Array(t.length + l.length + value.length);
  out.set(t, 0);
  out.set(l, t.length);
  out.set(value, t.length + l.length);
  return out;
}

/** Encodes a constructed TLV from already-encoded children. */
export function encodeConstructedTlv(tag: number, children: readonly Uint8Array[]): Uint8Array {
  return encodeTlv(tag, concatBytes(children));
}

/** First TLV with `tag` in `tlvs`, searching depth-first into constructed children. */
export function findTlv(tlvs: readonly Tlv[], tag: number): Tlv | undefined {
  for (const tlv of tlvs) {
    if (tlv.tag === tag) return tlv;
    const inChild = findTlv(tlv.children, tag);
    if (inChild) return inChild;
  }
  return undefined;
}

/** Like findTlv but throws a TlvError naming the missing tag. */
export function requireTlv(tlvs: readonly Tlv[], tag: number, what = 'TLV'): Tlv {
  const found = findTlv(tlvs, tag);
  if (!found) throw new TlvError('missing_tag', `${what}: tag ${hexTag(tag)} not found`, 0);
  return found;
}

export function hexTag(tag: number): string {
  return `0x${tag.toString(16).toUpperCase().padStart(2, '0')}`;
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
