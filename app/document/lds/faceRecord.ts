import type { FaceImageMimeType } from './faceImageType';

/** The image format a biometric header declares (not necessarily what the bytes are: see warnings). */
export type DeclaredImageFormat = 'jpeg' | 'jpeg2000' | 'jpeg2000-lossless' | 'unknown';

export type Gender = 'unspecified' | 'male' | 'female' | 'other' | 'unknown';

/** One face image from DG2, whatever its encoding, with the metadata an officer view or matcher needs. */
export interface FaceImageRecord {
  readonly encoding: 'iso19794-5' | 'iso39794-5';
  /** The encoded image exactly as stored (JPEG or JPEG 2000 bytes). */
  readonly image: Uint8Array;
  /** From the image's own magic bytes. */
  readonly mimeType: FaceImageMimeType;
  readonly declaredFormat: DeclaredImageFormat;
  /** Width and height declared in the biometric header (the decoded image may differ on bad chips). */
  readonly width?: number;
  readonly height?: number;
  readonly gender?: Gender;
  /** Encoding-specific fields (face image type, colour space, capture date, pose, ...), for display and audit. */
  readonly details: Readonly<Record<string, string | number | boolean>>;
  /** Inconsistencies that do not prevent using the image, e.g. a header declaring JPEG 2000 around a JPEG. */
  readonly warnings: readonly string[];
}

export function declaredFormatWarning(declared: DeclaredImageFormat, actual: FaceImageMimeType): string[] {
  const actualIsJp2 = actual === 'image/jp2';
  const declaredIsJp2 = declared === 'jpeg2000' || declared === 'jpeg2000-lossless';
  if (declared === 'unknown' || actualIsJp2 === declaredIsJp2) return [];
  return [`header declares ${declared} but the image data is ${actualIsJp2 ? 'JPEG 2000' : 'JPEG'}`];
}
