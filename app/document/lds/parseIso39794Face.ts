import type { DeclaredImageFormat, FaceImageRecord, Gender } from './faceRecord';
import { declaredFormatWarning } from './faceRecord';
import { detectImageType } from './faceImageType';
import { LdsError, withTlvErrors } from './ldsError';
import type { Tlv } from './tlv';
import { decodeTlv } from './tlv';

const file = 'ISO/IEC 39794-5 face block';

// Context tags of the 39794-5 module (IMPLICIT TAGS): [n] primitive = 0x80+n, [n] constructed = 0xA0+n.
const ctx = (n: number) => 0x80 + n;
const ctxC = (n: number) => 0xa0 + n;
const faceImageDataBlockTag = 0x65; // [APPLICATION 5] SEQUENCE

const imageDataFormats: Readonly<Record<number, DeclaredImageFormat>> = { 2: 'jpeg', 3: 'jpeg2000', 4: 'jpeg2000-lossless' };
const genderCodes: Readonly<Record<number, Gender>> = { 1: 'other', 2: 'male', 3: 'female' };
const colourSpaces: Readonly<Record<number, string>> = { 2: 'RGB 24 bit', 3: 'RGB 48 bit', 4: 'YUV 4:2:2', 5: 'greyscale 8 bit', 6: 'greyscale 16 bit' };

function child(parent: Tlv, tag: number): Tlv | undefined {
  return parent.children.find((c) => c.tag === tag);
}

function required(parent: Tlv, tag: number, what: string): Tlv {
  const found = child(parent, tag);
  if (!found) throw new LdsError('missing_field', file, `${what} (tag 0x${tag.toString(16).toUpperCase()}) is missing`);
  return found;
}

/** DER INTEGER/ENUMERATED content (two's complement, big-endian). */
function integer(tlv: Tlv, what: string): number {
  const v = tlv.value;
  if (v.length === 0 || v.length > 6) throw new LdsError('bad_value', file, `${what} has an integer of ${v.length} bytes`);
  let n = v[0]! & 0x80 ? -1 : 0;
  for (const b of v) n = n * 256 + b;
  return n;
}

function optionalInteger(parent: Tlv | undefined, tag: number, what: string): number | undefined {
  const found = parent ? child(parent, tag) : undefined;
  return found ? integer(found, what) : undefined;
}

/** Reads a CHOICE { extensionBlock [1] SEQUENCE { fallback [0] ENUMERATED } } coded value, the 39794 pattern for extensible enums. */
function extensibleCode(choice: Tlv | undefined, what: string): number | undefined {
  const extension = choice ? child(choice, ctxC(1)) : undefined;
  const fallback = extension ? child(extension, ctx(0)) : undefined;
  return fallback ? integer(fallback, what) : undefined;
}

function findFaceImageDataBlock(tlvs: readonly Tlv[]): Tlv {
  const [first] = tlvs;
  if (!first) throw new LdsError('bad_structure', file, 'is empty');
  if (first.tag === faceImageDataBlockTag) return first;
  // DG2 (and the ICAO application profile samples) wrap the block in a [1] choice.
  const inner = first.tag === ctxC(1) ? first.children.find((c) => c.tag === faceImageDataBlockTag) : undefined;
  if (inner) return inner;
  throw new LdsError('bad_structure', file, `expected FaceImageDataBlock ([APPLICATION 5], tag 0x65), found tag 0x${first.tag.toString(16).toUpperCase()}`);
}

function captureDate(block: Tlv | undefined): string | undefined {
  if (!block) return undefined;
  const year = optionalInteger(block, ctx(0), 'capture year');
  if (year === undefined) return undefined;
  const two = (n: number | undefined) => (n === undefined ? undefined : String(n).padStart(2, '0'));
  const parts = [String(year).padStart(4, '0'), two(optionalInteger(block, ctx(1), 'month')), two(optionalInteger(block, ctx(2), 'day'))];
  const date = parts.filter((p) => p !== undefined).join('-');
  const hour = two(optionalInteger(block, ctx(3), 'hour'));
  const minute = two(optionalInteger(block, ctx(4), 'minute'));
  const second = two(optionalInteger(block, ctx(5), 'second'));
  return hour === undefined ? date : `${date}T${hour}:${minute ?? '00'}:${second ?? '00'}Z`;
}

function representation(block: Tlv, index: number): FaceImageRecord {
  const what = `representation ${index + 1}`;
  const imageRepresentation = required(block, ctxC(1), `${what} imageRepresentation`);
  const base = child(imageRepresentation, ctxC(0));
  if (!base) throw new LdsError('unsupported', file, `${what} uses an image representation extension block, not a 2D image`);
  const image2d = required(base, ctxC(0), `${what} imageRepresentation2DBlock`);
  const data = required(image2d, ctx(0), `${what} representationData2D`);
  const info = required(image2d, ctxC(1), `${what} imageInformation2DBlock`);
  const format = required(info, ctxC(0), `${what} imageDataFormat`);
  const formatCode = child(format, ctx(0));
  const declaredFormat: DeclaredImageFormat = formatCode ? (imageDataFormats[integer(formatCode, 'imageDataFormat')] ?? 'unknown') : 'unknown';
  const size = child(info, ctxC(7));
  const width = optionalInteger(size, ctx(0), 'image width');
  const height = optionalInteger(size, ctx(1), 'image height');
  if (data.value.length === 0) throw new LdsError('invalid_image', file, `${what} has no image data`);
  const mimeType = detectImageType(data.value, file, `${what} image data`);

  const details: Record<string, string | number | boolean> = {};
  const representationId = optionalInteger(block, ctx(0), 'representationId');
  if (representationId !== undefined) details.representationId = representationId;
  const captured = captureDate(child(block, ctxC(2)));
  if (captured) details.captureDateTime = captured;
  const colourSpace = extensibleCode(child(info, ctxC(9)), 'imageColourSpace');
  if (colourSpace !== undefined) details.colourSpace = colourSpaces[colourSpace] ?? `code ${colourSpace}`;
  const faceKind = extensibleCode(child(info, ctxC(1)), 'faceImageKind2D');
  if (faceKind !== undefined) details.faceImageKindCode = faceKind;
  const identity = child(block, ctxC(8));
  const genderCode = extensibleCode(identity ? child(identity, ctxC(0)) : undefined, 'gender');
  const eye = extensibleCode(identity ? child(identity, ctxC(1)) : undefined, 'eyeColour');
  if (eye !== undefined) details.eyeColourCode = eye;
  const hair = extensibleCode(identity ? child(identity, ctxC(2)) : undefined, 'hairColour');
  if (hair !== undefined) details.hairColourCode = hair;
  const subjectHeight = optionalInteger(identity, ctx(3), 'subjectHeight');
  if (subjectHeight !== undefined) details.subjectHeight = subjectHeight;

  return {
    encoding: 'iso39794-5',
    image: data.value,
    mimeType,
    declaredFormat,
    ...(width !== undefined ? { width } : {}),
    ...(height !== undefined ? { height } : {}),
    ...(genderCode !== undefined ? { gender: genderCodes[genderCode] ?? 'unknown' } : {}),
    details,
    warnings: declaredFormatWarning(declaredFormat, mimeType),
  };
}

/**
 * Parses an ISO/IEC 39794-5 (ICAO application profile) face image data block: the DER encoding of
 * FaceImageDataBlock, optionally wrapped in the [1] choice used inside DG2's 7F2E.
 */
export function parseIso39794Face(bytes: Uint8Array): FaceImageRecord[] {
  const tlvs = withTlvErrors(file, () => decodeTlv(bytes));
  const top = findFaceImageDataBlock(tlvs);
  const version = required(top, ctxC(0), 'versionBlock');
  const generation = optionalInteger(version, ctx(0), 'version generation');
  const year = optionalInteger(version, ctx(1), 'version year');
  const blocks = required(top, ctxC(1), 'representationBlocks');
  const representations = blocks.children.filter((c) => c.tag === 0x30);
  if (representations.length === 0) throw new LdsError('missing_field', file, 'holds no representation block');
  return representations.map((block, i) => {
    const face = representation(block, i);
    return { ...face, details: { ...face.details, ...(generation !== undefined ? { versionGeneration: generation } : {}), ...(year !== undefined ? { versionYear: year } : {}) } };
  });
}
