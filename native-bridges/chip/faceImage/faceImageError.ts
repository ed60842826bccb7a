export type FaceImageErrorCode =
  /** The bytes are not a JP2 file or a JPEG 2000 codestream. */
  | 'not_jpeg2000'
  /** The codestream is corrupt or truncated; the message quotes OpenJPEG's reason where it gave one. */
  | 'decode_failed'
  /** A well-formed image this project does not show (signed samples, 2 or 5+ components, over 16 bits). */
  | 'unsupported_layout'
  /** Declared dimensions or decoded size over inputLimits.faceImage: refused before any allocation. */
  | 'too_large'
  /** The decode ran past inputLimits.faceImage.maxDecodeMilliseconds or its worker's memory bound. */
  | 'decoder_stopped';

/** A face (or signature) image from a chip could not be turned into pixels; the message says why. */
export class FaceImageError extends Error {
  override readonly name = 'FaceImageError';
  constructor(
    readonly code: FaceImageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
