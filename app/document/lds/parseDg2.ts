import type { FaceImageRecord } from './faceRecord';
import { LdsError, withTlvErrors } from './ldsError';
import { parseIso19794Face } from './parseIso19794Face';
import { parseIso39794Face } from './parseIso39794Face';
import type { Tlv } from './tlv';
import { decodeOneTlv } from './tlv';
import { toHex } from './ldsText';

const file = 'DG2';

/** The biometric header template (A1) of one biometric information template: who defined the format. */
export interface BiometricHeader {
  /** Biometric type (81), e.g. 2 = facial features; undefined when absent. */
  readonly biometricType?: number;
  /** Format owner (87) and format type (88) as hex, e.g. '0101' / '0008' (19794-5) or '002a' (39794-5). */
  readonly formatOwner?: string;
  readonly formatType?: string;
}

export interface Dg2 {
  /** Faces in the order stored, each with its biometric header. */
  readonly faces: readonly (FaceImageRecord & { readonly header: BiometricHeader })[];
}

function integerValue(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) n = n * 256 + b;
  return n;
}

function header(bit: Tlv): BiometricHeader {
  const bht = bit.children.find((c) => c.tag === 0xa1);
  if (!bht) throw new LdsError('missing_field', file, 'biometric header template (A1) is missing');
  const type = bht.children.find((c) => c.tag === 0x81);
  const owner = bht.children.find((c) => c.tag === 0x87);
  const formatType = bht.children.find((c) => c.tag === 0x88);
  return {
    ...(type ? { biometricType: integerValue(type.value) } : {}),
    ...(owner ? { formatOwner: toHex(owner.value) } : {}),
    ...(formatType ? { formatType: toHex(formatType.value) } : {}),
  };
}

/**
 * Parses DG2 (tag 0x75): a biometric information group template (7F61) holding biometric information
 * templates (7F60), each with a biometric header (A1) and a data block that is either an ISO/IEC 19794-5
 * record (5F2E) or an ISO/IEC 39794-5 DER block (7F2E).
 */
export function parseDg2(bytes: Uint8Array): Dg2 {
  const top = withTlvErrors(file, () => decodeOneTlv(bytes, 0));
  // Deployed chips vary in the outer templates: 75 > 7F61 > 7F60 (ICAO), 75 > 7F60 without the group template, or the
  // group template without the 75 around it. The hash over the bytes is what proves them genuine; the shape only locates the face.
  if (top.tag !== 0x75 && top.tag !== 0x7f61) throw new LdsError('bad_structure', file, `starts with tag 0x${top.tag.toString(16)}, expected 0x75`);
  const group = top.tag === 0x7f61 ? top : (top.children.find((c) => c.tag === 0x7f61) ?? (top.children.some((c) => c.tag === 0x7f60) ? top : undefined));
  if (!group) throw new LdsError('missing_field', file, 'biometric information group template (7F61) is missing');
  const count = group.children.find((c) => c.tag === 0x02);
  const templates = group.children.filter((c) => c.tag === 0x7f60);
  if (templates.length === 0) throw new LdsError('missing_field', file, 'holds no biometric information template (7F60)');
  if (count && integerValue(count.value) !== templates.length) {
    throw new LdsError('bad_value', file, `declares ${integerValue(count.value)} biometric templates but holds ${templates.length}`);
  }
  const faces: (FaceImageRecord & { header: BiometricHeader })[] = [];
  for (const bit of templates) {
    const bht = header(bit);
    const legacy = bit.children.find((c) => c.tag === 0x5f2e);
    const modern = bit.children.find((c) => c.tag === 0x7f2e);
    let records: FaceImageRecord[];
    if (legacy) records = parseIso19794Face(legacy.value);
    else if (modern) records = parseIso39794Face(modern.value);
    else throw new LdsError('missing_field', file, 'biometric template has no biometric data block (5F2E or 7F2E)');
    for (const record of records) faces.push({ ...record, header: bht });
  }
  return { faces };
}
