import { z } from 'zod';
import { computeCheckDigit } from './checkDigit';

/** The three MRZ fields BAC and PACE derive their password from. Dates are YYMMDD as printed in the MRZ. */
export const mrzAccessKeySchema = z.object({
  documentNumber: z
    .string()
    .min(1)
    .max(22)
    .regex(/^[0-9A-Z<]+$/, 'document number may only contain 0-9, A-Z and <'),
  birthDate: z.string().regex(/^\d{6}$/, 'birth date must be YYMMDD'),
  expiryDate: z.string().regex(/^\d{6}$/, 'expiry date must be YYMMDD'),
});
export type MrzAccessKey = z.infer<typeof mrzAccessKeySchema>;

export const canSchema = z.string().regex(/^\d{6}$/, 'CAN must be 6 digits');

/** ICAO 9303-3 check digit of a field the schema already restricted to MRZ characters. */
export const mrzCheckDigit = (field: string): number => computeCheckDigit(field);

/** docNo+cd || dob+cd || doe+cd, the MRZ information both BAC and PACE hash (9303-11 9.7.2, 4.4.1). */
export function mrzInformation(key: MrzAccessKey): string {
  const doc = key.documentNumber.length < 9 ? key.documentNumber.padEnd(9, '<') : key.documentNumber;
  return `${doc}${mrzCheckDigit(doc)}${key.birthDate}${mrzCheckDigit(key.birthDate)}${key.expiryDate}${mrzCheckDigit(key.expiryDate)}`;
}

/**
 * Extracts the access key from TD3 (2x44), TD2 (2x36) or TD1 (3x30) MRZ lines by position, for callers that only
 * have raw lines. A long TD1 document number continues in the optional data field.
 */
export function accessKeyFromMrzLines(lines: readonly string[]): MrzAccessKey {
  const clean = lines.map((l) => l.trim().toUpperCase());
  const twoLine = clean.length === 2 && clean[0]!.length === clean[1]!.length && (clean[0]!.length === 44 || clean[0]!.length === 36);
  if (twoLine) {
    // TD3 and TD2 share the line-2 positions of the three fields; a TD2 document number longer than 9
    // characters has '<' as its check digit and continues (with its check digit) in the optional data,
    // up to the first filler: optional data may follow that filler.
    const l2 = clean[1]!;
    let documentNumber = l2.slice(0, 9);
    if (clean[0]!.length === 36 && l2[9] === '<') {
      const optional = l2.slice(28, 35).split('<')[0]!;
      documentNumber = documentNumber.replace(/<+$/, '') + optional.slice(0, -1);
    }
    return mrzAccessKeySchema.parse({ documentNumber, birthDate: l2.slice(13, 19), expiryDate: l2.slice(21, 27) });
  }
  if (clean.length === 3 && clean.every((l) => l.length === 30)) {
    const [l1, l2] = [clean[0]!, clean[1]!];
    let documentNumber = l1.slice(5, 14);
    if (l1[14] === '<') {
      const optional = l1.slice(15, 30).split('<')[0]!;
      documentNumber = documentNumber.replace(/<+$/, '') + optional.slice(0, -1);
    }
    return mrzAccessKeySchema.parse({ documentNumber, birthDate: l2.slice(0, 6), expiryDate: l2.slice(8, 14) });
  }
  throw new Error(`MRZ must be 2 lines of 44 (TD3) or 36 (TD2), or 3 lines of 30 (TD1) characters; got ${clean.map((l) => l.length).join('+')}`);
}
