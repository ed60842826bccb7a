import { dataGroupOfTag, efComTag } from './dataGroupTags';
import { LdsError, withTlvErrors } from './ldsError';
import { decodeAscii } from './ldsText';
import { decodeOneTlv, findTlv } from './tlv';

export interface EfCom {
  /** LDS version as printed, e.g. '1.7' (from '0107'). */
  readonly ldsVersion: string;
  /** Unicode version as printed, e.g. '4.0.0' (from '040000'). */
  readonly unicodeVersion: string;
  /** Data groups the chip says are present, in the order listed. */
  readonly dataGroups: readonly number[];
  /** Tags in the list that are not data groups (kept so nothing is silently dropped). */
  readonly unknownTags: readonly number[];
}

/** Parses EF.COM (tag 0x60): LDS version 5F01, Unicode version 5F36, tag list 5C. */
export function parseCom(bytes: Uint8Array): EfCom {
  const file = 'EF.COM';
  const top = withTlvErrors(file, () => decodeOneTlv(bytes, 0));
  if (top.tag !== efComTag) throw new LdsError('bad_structure', file, `starts with tag 0x${top.tag.toString(16)}, expected 0x60`);
  const lds = findTlv(top.children, 0x5f01);
  const unicode = findTlv(top.children, 0x5f36);
  const tagList = findTlv(top.children, 0x5c);
  if (!lds) throw new LdsError('missing_field', file, 'LDS version (5F01) is missing');
  if (!unicode) throw new LdsError('missing_field', file, 'Unicode version (5F36) is missing');
  if (!tagList) throw new LdsError('missing_field', file, 'tag list (5C) is missing');
  const ldsText = decodeAscii(lds.value, file, 'LDS version');
  const unicodeText = decodeAscii(unicode.value, file, 'Unicode version');
  if (!/^\d{4}$/.test(ldsText)) throw new LdsError('bad_value', file, `LDS version '${ldsText}' is not 4 digits`);
  if (!/^\d{6}$/.test(unicodeText)) throw new LdsError('bad_value', file, `Unicode version '${unicodeText}' is not 6 digits`);
  const dataGroups: number[] = [];
  const unknownTags: number[] = [];
  for (const tag of tagList.value) {
    const dg = dataGroupOfTag(tag);
    if (dg === undefined) unknownTags.push(tag);
    else dataGroups.push(dg);
  }
  return {
    ldsVersion: `${Number(ldsText.slice(0, 2))}.${Number(ldsText.slice(2, 4))}`,
    unicodeVersion: `${Number(unicodeText.slice(0, 2))}.${Number(unicodeText.slice(2, 4))}.${Number(unicodeText.slice(4, 6))}`,
    dataGroups,
    unknownTags,
  };
}
