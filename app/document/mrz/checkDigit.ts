/**
 * ICAO 9303 Part 3 check digit: characters weighted 7, 3, 1 repeating, summed modulo 10, where
 * digits count as themselves, A-Z as 10-35 and the filler '<' as 0.
 */

/** The numeric value of an MRZ character, or -1 for a character that is not legal in an MRZ. */
export function mrzCharValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z
  if (code === 60) return 0; // <
  return -1;
}

const weights = [7, 3, 1] as const;

/**
 * Check digit over `text[start, end)`, or -1 when the range holds an illegal character
 * (a check cannot be verified over characters that are not MRZ characters).
 */
export function computeCheckDigit(text: string, start = 0, end = text.length): number {
  let sum = 0;
  for (let i = start, w = 0; i < end; i++, w = w === 2 ? 0 : w + 1) {
    const value = mrzCharValue(text.charCodeAt(i));
    if (value < 0) return -1;
    sum += value * weights[w]!;
  }
  return sum % 10;
}

/** Check digit over several ranges concatenated (composite check digits). */
export function computeCheckDigitOverRanges(parts: readonly string[]): number {
  let sum = 0;
  let w = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const value = mrzCharValue(part.charCodeAt(i));
      if (value < 0) return -1;
      sum += value * weights[w]!;
      w = w === 2 ? 0 : w + 1;
    }
  }
  return sum % 10;
}

/** Check digit over ranges of `lines` without copying them: the hot path of every parse. */
export function computeCheckDigitOverPositions(
  covers: readonly { readonly line: number; readonly start: number; readonly end: number }[],
  lines: readonly string[],
): number {
  let sum = 0;
  let w = 0;
  for (const r of covers) {
    const text = lines[r.line];
    if (text === undefined || text.length < r.end) return -1;
    for (let i = r.start; i < r.end; i++) {
      const value = mrzCharValue(text.charCodeAt(i));
      if (value < 0) return -1;
      sum += value * weights[w]!;
      w = w === 2 ? 0 : w + 1;
    }
  }
  return sum % 10;
}
