import { encodeConstructedTlv, encodeTlv } from '../../../app/document/lds/tlv';
import { bigintToBytes, concatBytes } from '../bytes';
import { encodeOid, oids } from '../oid';
import { encodeInteger, encodeSecurityInfo } from '../securityInfos.node.ts';

/** Builds the LDS files of the simulated chip (ICAO 9303-10 layouts). */

const dataGroupTags: Readonly<Record<number, number>> = { 1: 0x61, 2: 0x75, 3: 0x63, 4: 0x76, 5: 0x65, 6: 0x66, 7: 0x67, 8: 0x68, 9: 0x69, 10: 0x6a, 11: 0x6b, 12: 0x6c, 13: 0x6d, 14: 0x6e, 15: 0x6f, 16: 0x70 };
const ascii = (s: string) => new TextEncoder().encode(s);

export function buildCom(dataGroups: readonly number[]): Uint8Array {
  const tags = Uint8Array.from(dataGroups.map((dg) => dataGroupTags[dg]!));
  return encodeConstructedTlv(0x60, [encodeTlv(0x5f01, ascii('0107')), encodeTlv(0x5f36, ascii('040000')), encodeTlv(0x5c, tags)]);
}

export function buildDg1(mrzLines: readonly string[]): Uint8Array {
  return encodeConstructedTlv(0x61, [encodeTlv(0x5f1f, ascii(mrzLines.join('')))]);
}

export type FaceImageFormat = 'jpeg' | 'jpeg2000';

/** Width and height from a JPEG's SOF marker or a JP2 'ihdr' box; zeros when not found. */
export function imageSize(image: Uint8Array, format: FaceImageFormat): { width: number; height: number } {
  if (format === 'jpeg') {
    let i = 2;
    while (i + 9 < image.length) {
      if (image[i] !== 0xff) return { width: 0, height: 0 };
      const marker = image[i + 1]!;
      const length = (image[i + 2]! << 8) | image[i + 3]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: (image[i + 5]! << 8) | image[i + 6]!, width: (image[i + 7]! << 8) | image[i + 8]! };
      }
      i += 2 + length;
    }
    return { width: 0, height: 0 };
  }
  for (let i = 0; i + 12 < image.length; i++) {
    if (image[i] === 0x69 && image[i + 1] === 0x68 && image[i + 2] === 0x64 && image[i + 3] === 0x72) {
      const u32 = (o: number) => ((image[o]! << 24) | (image[o + 1]! << 16) | (image[o + 2]! << 8) | image[o + 3]!) >>> 0;
      return { height: u32(i + 4), width: u32(i + 8) };
    }
  }
  return { width: 0, height: 0 };
}

/** DG2 with one ISO/IEC 19794-5:2005 facial record wrapping the image; `groupTemplate` false leaves out 7F61 (seen on deployed chips). */
export function buildDg2(image: Uint8Array, format: FaceImageFormat, groupTemplate = true): Uint8Array {
  const { width, height } = imageSize(image, format);
  const u16 = (v: number) => Uint8Array.of((v >> 8) & 0xff, v & 0xff);
  const u32 = (v: number) => bigintToBytes(BigInt(v), 4);
  const blockLength = 20 + 12 + image.length;
  const facialInfo = concatBytes(u32(blockLength), u16(0), Uint8Array.of(0, 0, 0), Uint8Array.of(0, 0, 0), u16(0), Uint8Array.of(0, 0, 0), Uint8Array.of(0, 0, 0));
  // Full-frontal image, JPEG (0) or JPEG 2000 (1), 24-bit RGB, captured by a digital still camera.
  const imageInfo = concatBytes(Uint8Array.of(1, format === 'jpeg' ? 0 : 1), u16(width), u16(height), Uint8Array.of(1, 2), u16(0), u16(0));
  const record = concatBytes(ascii('FAC\0'), ascii('010\0'), u32(14 + blockLength), u16(1), facialInfo, imageInfo, image);
  const header = encodeConstructedTlv(0xa1, [encodeTlv(0x80, Uint8Array.of(1, 1)), encodeTlv(0x81, Uint8Array.of(2)), encodeTlv(0x87, Uint8Array.of(1, 1)), encodeTlv(0x88, Uint8Array.of(0, 8))]);
  const template = encodeConstructedTlv(0x7f60, [header, encodeTlv(0x5f2e, record)]);
  return encodeConstructedTlv(0x75, [groupTemplate ? encodeConstructedTlv(0x7f61, [encodeTlv(0x02, Uint8Array.of(1)), template]) : template]);
}

/** EF.CardAccess with one PACEInfo (version 2). */
export function buildCardAccess(paceProtocol: string, parameterId: number): Uint8Array {
  return encodeTlv(0x31, encodeSecurityInfo(paceProtocol, encodeInteger(2), encodeInteger(parameterId)));
}

/** DG14: ChipAuthenticationPublicKeyInfo + ChipAuthenticationInfo (+ ActiveAuthenticationInfo for ECDSA AA). */
export function buildDg14(caPublicKeySpki: Uint8Array, caProtocol: string, aaSignatureOid?: string): Uint8Array {
  const keyId = 1;
  const infos = [
    encodeSecurityInfo(oids.caPublicKeyEcdh, caPublicKeySpki, encodeInteger(keyId)),
    encodeSecurityInfo(caProtocol, encodeInteger(1), encodeInteger(keyId)),
  ];
  if (aaSignatureOid) infos.push(encodeSecurityInfo(oids.activeAuthentication, encodeInteger(1), encodeTlv(0x06, encodeOid(aaSignatureOid))));
  return encodeTlv(0x6e, encodeTlv(0x31, concatBytes(...infos)));
}

export function buildDg15(aaPublicKeySpki: Uint8Array): Uint8Array {
  return encodeTlv(0x6f, aaPublicKeySpki);
}
