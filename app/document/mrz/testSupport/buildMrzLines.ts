/**
 * Builds MRZ lines from their fields for tests and simulators, with check digits computed by its own
 * small implementation (deliberately not the parser's), so a shared bug cannot hide in both.
 */

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ICAO 9303-3 check digit; '<' counts as 0. */
export function checkDigitOf(text: string): string {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const value = ch === '<' ? 0 : alphabet.indexOf(ch);
    if (value < 0) throw new Error(`not an MRZ character: ${ch}`);
    sum += value * [7, 3, 1][i % 3]!;
  }
  return String(sum % 10);
}

export const pad = (text: string, length: number): string => {
  if (text.length > length) throw new Error(`'${text}' is longer than ${length}`);
  return text + '<'.repeat(length - text.length);
};

/** Fields in MRZ form: names already joined with '<' and '<<', dates YYMMDD, codes unpadded. */
export type MrzParts = {
  readonly documentCode: string;
  readonly issuingState: string;
  /** 'ERIKSSON<<ANNA<MARIA' */
  readonly name: string;
  readonly documentNumber: string;
  readonly nationality: string;
  readonly birthDate: string;
  readonly sex: 'M' | 'F' | '<' | 'X';
  readonly expirationDate: string;
  /** TD3 personal number, or TD2/MRV/TD1 first optional data. */
  readonly optional1?: string;
  /** TD1 second optional data. */
  readonly optional2?: string;
};

/** Names longer than the field are cut, as issuers do. */
const nameField = (name: string, length: number): string => pad(name.slice(0, length), length);

export function td3Lines(p: MrzParts): [string, string] {
  const line1 = pad(p.documentCode, 2) + pad(p.issuingState, 3) + nameField(p.name, 39);
  const personal = pad(p.optional1 ?? '', 14);
  const personalCheck = /^<*$/.test(personal) ? '<' : checkDigitOf(personal);
  const number = pad(p.documentNumber, 9);
  const head = number + checkDigitOf(number);
  const birth = p.birthDate + checkDigitOf(p.birthDate);
  const expiry = p.expirationDate + checkDigitOf(p.expirationDate);
  const composite = checkDigitOf(head + birth + expiry + personal + personalCheck);
  return [line1, head + pad(p.nationality, 3) + birth + p.sex + expiry + personal + personalCheck + composite];
}

/** A number over 9 characters: its first 9 and '<' for the check digit; the rest, its check digit and '<' open the optional data. */
function longNumber(documentNumber: string, optional: string | undefined): { head: string; optional: string } {
  if (documentNumber.length <= 9) {
    const number = pad(documentNumber, 9);
    return { head: number + checkDigitOf(number), optional: optional ?? '' };
  }
  return { head: documentNumber.slice(0, 9) + '<', optional: documentNumber.slice(9) + checkDigitOf(documentNumber) + '<' + (optional ?? '') };
}

/** TD2; a document number over 9 characters continues in the optional data, as on TD1. */
export function td2Lines(p: MrzParts): [string, string] {
  const line1 = pad(p.documentCode, 2) + pad(p.issuingState, 3) + nameField(p.name, 31);
  const { head, optional: opening } = longNumber(p.documentNumber, p.optional1);
  const birth = p.birthDate + checkDigitOf(p.birthDate);
  const expiry = p.expirationDate + checkDigitOf(p.expirationDate);
  const optional = pad(opening, 7);
  const composite = checkDigitOf(head + birth + expiry + optional);
  return [line1, head + pad(p.nationality, 3) + birth + p.sex + expiry + optional + composite];
}

/** Visas: no composite check digit; the optional data runs to the end of the line. */
export function visaLines(p: MrzParts, length: 44 | 36): [string, string] {
  const line1 = pad(p.documentCode, 2) + pad(p.issuingState, 3) + nameField(p.name, length - 5);
  const number = pad(p.documentNumber, 9);
  const birth = p.birthDate + checkDigitOf(p.birthDate);
  const expiry = p.expirationDate + checkDigitOf(p.expirationDate);
  const line2 = number + checkDigitOf(number) + pad(p.nationality, 3) + birth + p.sex + expiry + pad(p.optional1 ?? '', length - 28);
  return [line1, line2];
}

/** TD1; a document number over 9 characters continues in the optional field (ICAO full-number check digit). */
export function td1Lines(p: MrzParts): [string, string, string] {
  const number = longNumber(p.documentNumber, p.optional1);
  const line1 = pad(p.documentCode, 2) + pad(p.issuingState, 3) + pad(number.head + number.optional, 25);
  const birth = p.birthDate + checkDigitOf(p.birthDate);
  const expiry = p.expirationDate + checkDigitOf(p.expirationDate);
  const optional2 = pad(p.optional2 ?? '', 11);
  const composite = checkDigitOf(line1.slice(5, 30) + birth + expiry + optional2);
  return [line1, birth + p.sex + expiry + pad(p.nationality, 3) + optional2 + composite, nameField(p.name, 30)];
}

/** The Dutch specimen passport (Willeke De Bruijn, public ICAO/RvIG specimen data), shared by the MRZ tests. */
export const specimenPassport: MrzParts = {
  documentCode: 'P',
  issuingState: 'NLD',
  name: 'DE<BRUIJN<<WILLEKE<LISELOTTE',
  documentNumber: 'SPECI2014',
  nationality: 'NLD',
  birthDate: '650310',
  sex: 'F',
  expirationDate: '240309',
  optional1: '999999990',
};

/** The pre-2021 French identity card (2 x 36, not ICAO): the parts it has beyond the ICAO ones. */
export type FrenchIdParts = {
  readonly lastName: string;
  /** Given names joined with '<<' ('JEAN<<PAUL'). */
  readonly firstName: string;
  /** YYMM, then the issuing office (3) and a serial (5): the twelve-character card number. */
  readonly cardNumber: string;
  readonly administrativeCode: string;
  readonly birthDate: string;
  readonly sex: 'M' | 'F';
};

export function frenchIdLines(p: FrenchIdParts): [string, string] {
  const line1 = 'IDFRA' + pad(p.lastName, 25) + pad(p.administrativeCode, 6);
  const head = p.cardNumber + checkDigitOf(p.cardNumber) + pad(p.firstName, 14) + p.birthDate + checkDigitOf(p.birthDate) + p.sex;
  return [line1, head + checkDigitOf(line1 + head)];
}
