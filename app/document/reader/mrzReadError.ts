/**
 * Why a document reader's output did not become a read. Only `{code, message}` crosses a process or
 * worker boundary, so the message must say everything an officer or support needs.
 */
export type MrzReadErrorCode =
  /** The reader stopped in the middle of a read (timed out); what arrived was discarded. */
  | 'partial_read'
  /** The reader was unplugged or the port closed in the middle of a read; what arrived was discarded. */
  | 'disconnected'
  /** Bytes or keys that are not MRZ text (noise, a wrong baud rate, a corrupted line). */
  | 'garbage'
  /** A line whose length is not an MRZ line's (30, 36 or 44), or lines of different lengths. */
  | 'line_length'
  /** A read with the wrong number of lines for its line length. */
  | 'line_count'
  /** The first line is not an MRZ's first line (it must start with a document code P, I, A, C or V). */
  | 'line_order'
  /** The same MRZ again within the duplicate window: the repeat was ignored, the first read stands. */
  | 'duplicate_read';

export interface MrzReadError {
  readonly code: MrzReadErrorCode;
  readonly message: string;
}

export const mrzReadError = (code: MrzReadErrorCode, message: string): MrzReadError => ({ code, message });

/** Names a character for a message: printable ones quoted, the rest as hex bytes. */
export function describeCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x21 && code <= 0x7e) return `'${ch}'`;
  if (code > 0xff) return `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${String.fromCodePoint(code)}'`;
  return `0x${code.toString(16).padStart(2, '0').toUpperCase()}`;
}

/** The first few characters of some noise, named one by one. */
export function describeNoise(text: string, limit = 6): string {
  const shown = [...text.slice(0, limit)].map(describeCharacter).join(' ');
  return text.length > limit ? `${shown} ...` : shown;
}
