import { LdsError, withTlvErrors } from './ldsError';
import { decodeAscii } from './ldsText';
import { decodeOneTlv, findTlv } from './tlv';

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

export interface Dg1 {
  readonly format: MrzFormat;
  /** The MRZ lines exactly as stored on the chip. */
  readonly lines: readonly string[];
}

const layouts: ReadonlyMap<number, { format: MrzFormat; lineLength: number }> = new Map([
  [90, { format: 'TD1', lineLength: 30 }],
  [72, { format: 'TD2', lineLength: 36 }],
  [88, { format: 'TD3', lineLength: 44 }],
]);

/** Parses DG1 (tag 0x61 containing the MRZ in 5F1F) into its lines; the MRZ length decides the document format. */
export function parseDg1(bytes: Uint8Array): Dg1 {
  const file = 'DG1';
  const top = withTlvErrors(file, () => decodeOneTlv(bytes, 0));
  if (top.tag !== 0x61) throw new LdsError('bad_structure', file, `starts with tag 0x${top.tag.toString(16)}, expected 0x61`);
  const mrz = findTlv(top.children, 0x5f1f);
  if (!mrz) throw new LdsError('missing_field', file, 'MRZ (5F1F) is missing');
  const text = decodeAscii(mrz.value, file, 'MRZ');
  const layout = layouts.get(text.length);
  if (!layout) throw new LdsError('bad_value', file, `MRZ has ${text.length} characters; expected 90 (TD1), 72 (TD2) or 88 (TD3)`);
  if (!/^[A-Z0-9<]+$/.test(text)) throw new LdsError('bad_value', file, 'MRZ contains characters other than A-Z, 0-9 and <');
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += layout.lineLength) lines.push(text.slice(at, at + layout.lineLength));
  return { format: layout.format, lines };
}
