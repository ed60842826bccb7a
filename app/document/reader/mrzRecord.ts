import { mrzReadError, type MrzReadError } from './mrzReadError';

/** The MRZ line lengths (TD1 30, TD2 and MRV-B 36, TD3 and MRV-A 44) and how many lines each layout has. */
export const mrzLineCounts: Readonly<Record<number, number>> = { 30: 3, 36: 2, 44: 2 };

const mrzText = /^[A-Z0-9<]+$/;
/** Every ICAO first line opens with a document code letter, then a letter or filler. */
const firstLineStart = /^[PIACV][A-Z<]/;

export function isMrzText(text: string): boolean {
  return mrzText.test(text);
}

/** How many lines a record whose lines have this length must have, or undefined for no MRZ length. */
export function expectedLineCount(lineLength: number): number | undefined {
  return mrzLineCounts[lineLength];
}

/**
 * Checks that a finished line is usable as line `index` (0-based) of a record whose earlier lines are
 * `previous`. Character content is checked by the caller (it knows where the noise came from).
 */
export function checkNextLine(previous: readonly string[], line: string): MrzReadError | null {
  const index = previous.length;
  if (expectedLineCount(line.length) === undefined) {
    return mrzReadError('line_length', `Line ${index + 1} has ${line.length} characters; an MRZ line has 30, 36 or 44.`);
  }
  if (index === 0) {
    if (!firstLineStart.test(line)) {
      return mrzReadError('line_order', `Line 1 does not start like an MRZ (a document code P, I, A, C or V, then a letter or <): "${line.slice(0, 5)}...".`);
    }
    return null;
  }
  const first = previous[0]!;
  if (line.length !== first.length) {
    return mrzReadError('line_length', `Line ${index + 1} has ${line.length} characters but line 1 has ${first.length}; the lines of one MRZ have equal length.`);
  }
  const expected = expectedLineCount(first.length)!;
  if (index >= expected) {
    return mrzReadError('line_count', `A ${first.length}-character MRZ has ${expected} lines; a line ${index + 1} arrived in the same read.`);
  }
  return null;
}

/** True when `lines` (each already accepted by checkNextLine) make a whole MRZ. */
export function isCompleteRecord(lines: readonly string[]): boolean {
  return lines.length > 0 && expectedLineCount(lines[0]!.length) === lines.length;
}

/** Describes how far an unfinished record got, for partial-read messages. */
export function describeProgress(lines: readonly string[], unfinishedLineLength: number): string {
  const expected = lines.length > 0 ? expectedLineCount(lines[0]!.length) : undefined;
  const parts = [expected ? `${lines.length} of ${expected} lines` : `${lines.length} complete line${lines.length === 1 ? '' : 's'}`];
  if (unfinishedLineLength > 0) parts.push(`${unfinishedLineLength} characters of the next`);
  return parts.join(' and ');
}

/** Checks a whole record at once (lines already cleaned of noise). */
export function checkRecord(lines: readonly string[]): MrzReadError | null {
  if (lines.length === 0) return mrzReadError('line_count', 'The read held no MRZ lines.');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!isMrzText(line)) return mrzReadError('garbage', `Line ${index + 1} holds characters that are not MRZ text (only A-Z, 0-9 and < are).`);
    const problem = checkNextLine(lines.slice(0, index), line);
    if (problem) return problem;
  }
  if (!isCompleteRecord(lines)) {
    return mrzReadError('line_count', `A ${lines[0]!.length}-character MRZ has ${expectedLineCount(lines[0]!.length)} lines; the read had ${lines.length}.`);
  }
  return null;
}
