import { TlvError } from './tlv';

export type LdsErrorCode =
  /** The bytes are not the TLV/ASN.1 structure this elementary file must have (wrong tag, truncated, malformed). */
  | 'bad_structure'
  /** A mandatory element is absent. */
  | 'missing_field'
  /** An element is present but its value is not allowed (wrong length, bad characters, out of range). */
  | 'bad_value'
  /** An embedded image (face, signature) is not a JPEG or JPEG 2000 image. */
  | 'invalid_image'
  /** A well-formed encoding this parser does not handle (e.g. a 39794 extension block instead of a base value). */
  | 'unsupported';

/** A data group or biometric block could not be parsed; `file` names what was being parsed (e.g. 'DG2'). */
export class LdsError extends Error {
  override readonly name = 'LdsError';
  constructor(
    readonly code: LdsErrorCode,
    readonly file: string,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
  }
}

/** Runs a TLV-level decode and re-raises TlvErrors as LdsErrors naming the file, so callers handle one error type. */
export function withTlvErrors<T>(file: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof TlvError) throw new LdsError('bad_structure', file, error.message, { cause: error });
    throw error;
  }
}

/**
 * Runs a decode that goes through a third-party ASN.1 library (asn1js), which throws plain Errors from deep
 * inside on malformed input (e.g. "Wrong input string for conversion" for a bad GeneralizedTime): any error
 * that is not already an LdsError becomes one naming the file, the library's message kept as the cause.
 */
export function withAsn1Errors<T>(file: string, what: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof LdsError) throw error;
    throw new LdsError('bad_structure', file, `${what} could not be decoded: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
