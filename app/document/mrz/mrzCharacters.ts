/** The MRZ character set and the OCR confusions a check digit may prove. */

/** What a field position may hold; the parser and the correction search share it. */
export type MrzCharClass = 'digit' | 'alpha' | 'alnum';

export function isMrzChar(ch: string): boolean {
  return ch.length === 1 && ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '<');
}

export function fitsClass(ch: string, cls: MrzCharClass): boolean {
  const isDigit = ch.length === 1 && ch >= '0' && ch <= '9';
  const isLetterOrFiller = ch.length === 1 && ((ch >= 'A' && ch <= 'Z') || ch === '<');
  switch (cls) {
    case 'digit':
      // The filler stands in digit positions too: unknown dates, a check digit over empty data.
      return isDigit || ch === '<';
    case 'alpha':
      return isLetterOrFiller;
    case 'alnum':
      return isDigit || isLetterOrFiller;
  }
}

/**
 * Shapes OCR engines mix up in the OCR-B font. Deliberately small: every extra pair widens the
 * search and makes a wrong-but-check-digit-consistent reading more likely.
 */
const confusions: Readonly<Record<string, readonly string[]>> = {
  O: ['0'],
  Q: ['0'],
  D: ['0'],
  I: ['1'],
  L: ['1'],
  Z: ['2'],
  S: ['5'],
  G: ['6'],
  B: ['8'],
  '0': ['O', 'D', 'Q'],
  '1': ['I', 'L'],
  '2': ['Z'],
  '5': ['S'],
  '6': ['G'],
  '8': ['B'],
};

/** Characters `ch` is commonly misread for (or from). */
export function confusableWith(ch: string): readonly string[] {
  return confusions[ch] ?? [];
}

/** Printable description of a character for error messages ("'?'", "U+0009"). */
export function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x21 && code <= 0x7e ? `'${ch}'` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
