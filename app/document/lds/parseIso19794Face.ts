import type { DeclaredImageFormat, FaceImageRecord, Gender } from './faceRecord';
import { declaredFormatWarning } from './faceRecord';
import { detectImageType } from './faceImageType';
import { LdsError } from './ldsError';

const file = 'ISO/IEC 19794-5 face block';
const generalHeaderLength = 14;
const facialInformationLength = 20;
const featurePointLength = 8;
const imageInformationLength = 12;

const genders: Readonly<Record<number, Gender>> = { 0: 'unspecified', 1: 'male', 2: 'female', 0xff: 'unknown' };
const faceImageTypes: Readonly<Record<number, string>> = { 0: 'basic', 1: 'full frontal', 2: 'token frontal' };
const colourSpaces: Readonly<Record<number, string>> = { 0: 'unspecified', 1: 'RGB 24 bit', 2: 'YUV 4:2:2', 3: 'greyscale 8 bit', 4: 'other' };
const sourceTypes: Readonly<Record<number, string>> = {
  0: 'unspecified',
  1: 'static photo, unknown source',
  2: 'static photo, digital camera',
  3: 'static photo, scanner',
  4: 'video frame, unknown source',
  5: 'video frame, analogue camera',
  6: 'video frame, digital camera',
  7: 'unknown',
};

class Reader {
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}
  need(n: number, what: string): void {
    if (this.at + n > this.bytes.length) {
      throw new LdsError('bad_structure', file, `truncated: ${what} needs ${n} bytes at offset ${this.at} but the block has ${this.bytes.length}`);
    }
  }
  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.at++]!;
  }
  u16(what: string): number {
    this.need(2, what);
    const v = (this.bytes[this.at]! << 8) | this.bytes[this.at + 1]!;
    this.at += 2;
    return v;
  }
  u24(what: string): number {
    this.need(3, what);
    const v = (this.bytes[this.at]! << 16) | (this.bytes[this.at + 1]! << 8) | this.bytes[this.at + 2]!;
    this.at += 3;
    return v;
  }
  u32(what: string): number {
    this.need(4, what);
    const v = this.bytes[this.at]! * 0x1000000 + ((this.bytes[this.at + 1]! << 16) | (this.bytes[this.at + 2]! << 8) | this.bytes[this.at + 3]!);
    this.at += 4;
    return v;
  }
  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const v = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return v;
  }
}

/**
 * Parses an ISO/IEC 19794-5:2005 facial record ('FAC\0' '010\0'), the biometric data block (5F2E) of
 * most issued passports. Returns every facial image it holds; each image must be JPEG or JPEG 2000.
 */
export function parseIso19794Face(bytes: Uint8Array): FaceImageRecord[] {
  const r = new Reader(bytes, 0);
  const magic = r.take(4, 'format identifier');
  if (magic[0] !== 0x46 || magic[1] !== 0x41 || magic[2] !== 0x43 || magic[3] !== 0x00) {
    throw new LdsError('bad_structure', file, "does not start with the format identifier 'FAC\\0'");
  }
  const version = String.fromCharCode(...r.take(4, 'version'));
  if (version !== '010\0') {
    throw new LdsError('unsupported', file, `version '${version.replace('\0', '\\0')}' is not supported (only 19794-5:2005 '010')`);
  }
  const recordLength = r.u32('record length');
  if (recordLength > bytes.length) {
    throw new LdsError('bad_structure', file, `record length ${recordLength} exceeds the ${bytes.length} bytes present`);
  }
  if (recordLength < generalHeaderLength) throw new LdsError('bad_structure', file, `record length ${recordLength} is shorter than the header`);
  const imageCount = r.u16('number of facial images');
  if (imageCount === 0) throw new LdsError('bad_value', file, 'holds no facial image');

  const faces: FaceImageRecord[] = [];
  for (let index = 0; index < imageCount; index++) {
    const start = r.at;
    const what = `facial image ${index + 1}`;
    const faceLength = r.u32(`${what} length`);
    const fixed = facialInformationLength + imageInformationLength;
    if (faceLength < fixed || start + faceLength > recordLength) {
      throw new LdsError('bad_structure', file, `${what} declares length ${faceLength}, outside the record (${recordLength} bytes)`);
    }
    const featurePoints = r.u16('number of feature points');
    const gender = r.u8('gender');
    const eyeColour = r.u8('eye colour');
    const hairColour = r.u8('hair colour');
    const featureMask = r.u24('feature mask');
    const expression = r.u16('expression');
    const pose = r.take(3, 'pose angle');
    r.take(3, 'pose angle uncertainty');
    const pointsLength = featurePoints * featurePointLength;
    if (fixed + pointsLength > faceLength) throw new LdsError('bad_structure', file, `${what}: ${featurePoints} feature points do not fit in ${faceLength} bytes`);
    r.take(pointsLength, 'feature points');
    const faceImageType = r.u8('face image type');
    const imageDataType = r.u8('image data type');
    const width = r.u16('width');
    const height = r.u16('height');
    const colourSpace = r.u8('colour space');
    const sourceType = r.u8('source type');
    const deviceType = r.u16('device type');
    const quality = r.u16('quality');
    const imageLength = faceLength - fixed - pointsLength;
    if (imageLength === 0) throw new LdsError('invalid_image', file, `${what} has no image data`);
    const image = r.take(imageLength, `${what} image data`);
    const mimeType = detectImageType(image, file, `${what} image data`);
    const declaredFormat: DeclaredImageFormat = imageDataType === 0 ? 'jpeg' : imageDataType === 1 ? 'jpeg2000' : 'unknown';
    faces.push({
      encoding: 'iso19794-5',
      image,
      mimeType,
      declaredFormat,
      width,
      height,
      gender: genders[gender] ?? 'unknown',
      details: {
        faceImageType: faceImageTypes[faceImageType] ?? `code ${faceImageType}`,
        colourSpace: colourSpaces[colourSpace] ?? `code ${colourSpace}`,
        sourceType: sourceTypes[sourceType] ?? `code ${sourceType}`,
        eyeColourCode: eyeColour,
        hairColourCode: hairColour,
        featureMask,
        expressionCode: expression,
        poseYawPitchRoll: Array.from(pose).join(','),
        featurePoints,
        deviceType,
        quality,
      },
      warnings: declaredFormatWarning(declaredFormat, mimeType),
    });
  }
  return faces;
}
