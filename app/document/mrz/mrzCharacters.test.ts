import { describe, expect, it } from 'vitest';
import { confusableWith, describeChar, fitsClass, isMrzChar } from './mrzCharacters';

// The MRZ character set (ICAO 9303-3: A-Z, 0-9 and the filler '<') and how a character is named in a message.

describe('MRZ characters', () => {
  it.each([
    // [character, an MRZ character, fits a digit position, a letter position, a letter-or-digit position]
    ['0', true, true, false, true],
    ['5', true, true, false, true],
    ['9', true, true, false, true],
    ['A', true, false, true, true],
    ['M', true, false, true, true],
    ['Z', true, false, true, true],
    // The filler stands anywhere: an unknown date, a check digit over empty data, padding.
    ['<', true, true, true, true],
    // The neighbours of each range in ASCII, lowercase, a space, a letter with an accent, no character, two.
    ...['/', ':', ';', '=', '@', '[', 'a', 'z', ' ', 'É', '', '00', 'AB'].map((ch) => [ch, false, false, false, false] as const),
  ] as const)('%j: MRZ character %s, fits digit %s, letter %s, letter-or-digit %s', (ch, mrz, digit, alpha, alnum) => {
    expect([isMrzChar(ch), fitsClass(ch, 'digit'), fitsClass(ch, 'alpha'), fitsClass(ch, 'alnum')]).toEqual([mrz, digit, alpha, alnum]);
  });

  it('names printable characters as themselves and any other by its code point', () => {
    expect(['!', '?', '~', ' ', '\u007F', '\t', 'É', '\u{1F600}', ''].map(describeChar)).toEqual([
      "'!'",
      "'?'",
      "'~'",
      'U+0020',
      'U+007F',
      'U+0009',
      'U+00C9',
      'U+1F600',
      'U+0000',
    ]);
  });
});

describe('OCR-B confusions', () => {
  it('pair each look-alike letter with its digit, both ways, and nothing else', () => {
    const pairs = { O: '0', Q: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8' };
    for (const [letter, digit] of Object.entries(pairs)) expect(confusableWith(letter)).toEqual([digit]);
    for (const digit of '0123456789') {
      const letters = Object.entries(pairs).filter(([, d]) => d === digit).map(([l]) => l);
      expect([...confusableWith(digit)].sort()).toEqual(letters.sort());
    }
    for (const ch of 'ACEFHJKMNPRTUVWXY3479<') expect(confusableWith(ch)).toEqual([]);
  });
});
