import { z } from 'zod';
import { computeCheckDigit } from './checkDigit';
import { td1Layout, td2Layout, td3Layout } from './icaoLayouts';
import { findLongDocumentNumber } from './longDocumentNumber';
import type { MrzLayout } from './mrzLayout';
import type { MrzFieldName } from './mrzTypes';

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
  // A longer number is kept whole (padEnd never shortens).
  const doc = key.documentNumber.padEnd(9, '<');
  return `${doc}${mrzCheckDigit(doc)}${key.birthDate}${mrzCheckDigit(key.birthDate)}${key.expiryDate}${mrzCheckDigit(key.expiryDate)}`;
}

/** The ICAO layouts a chip is opened from, by shape; null for any other shape. */
function chipLayoutOf(lines: readonly string[]): MrzLayout | null {
  const lengths = lines.map((l) => l.length).join('+');
  if (lengths === '44+44') return td3Layout;
  if (lengths === '36+36') return td2Layout;
  if (lengths === '30+30+30') return td1Layout;
  return null;
}

/**
 * Extracts the access key from TD3 (2x44), TD2 (2x36) or TD1 (3x30) MRZ lines by position, for callers that only
 * have raw lines. The fields are read where the parser reads them, a long TD1/TD2 document number by the parser's
 * own rule (longDocumentNumber.ts), so the chip is opened with the number the officer sees. Check digits are not
 * judged here: the parser reports them, and a misread field simply fails to open the chip.
 */
export function accessKeyFromMrzLines(lines: readonly string[]): MrzAccessKey {
  const clean = lines.map((l) => l.trim().toUpperCase());
  const layout = chipLayoutOf(clean);
  if (!layout) throw new Error(`MRZ must be 2 lines of 44 (TD3) or 36 (TD2), or 3 lines of 30 (TD1) characters; got ${clean.map((l) => l.length).join('+')}`);
  const printed = (name: MrzFieldName): string => {
    const spec = layout.fields.find((f) => f.name === name)!;
    return clean[spec.line]!.slice(spec.start, spec.end);
  };
  const documentNumber = findLongDocumentNumber(layout, clean)?.value ?? printed('documentNumber');
  return mrzAccessKeySchema.parse({ documentNumber, birthDate: printed('birthDate'), expiryDate: printed('expirationDate') });
}
