import { LdsError, withTlvErrors } from './ldsError';
import { decodeLdsText, ldsDateToIso } from './ldsText';
import type { Tlv } from './tlv';
import { decodeOneTlv } from './tlv';

/** DG11, additional personal details (ICAO 9303-10 §4.7.11). Every field is optional on the chip. */
export interface Dg11 {
  /** Full name with '<<' between primary and secondary identifiers, as on the chip. */
  readonly fullName?: string;
  readonly otherNames: readonly string[];
  readonly personalNumber?: string;
  /** 'YYYY-MM-DD' when the chip stores a full date. */
  readonly fullDateOfBirth?: string;
  readonly placeOfBirth?: string;
  readonly address?: string;
  readonly telephone?: string;
  readonly profession?: string;
  readonly title?: string;
  readonly personalSummary?: string;
  /** Proof of citizenship image bytes (5F16), when present. */
  readonly proofOfCitizenship?: Uint8Array;
  readonly otherValidTravelDocumentNumbers?: string;
  readonly custodyInformation?: string;
}

const file = 'DG11';

function text(tlv: Tlv | undefined, what: string): string | undefined {
  return tlv ? decodeLdsText(tlv.value, file, what) : undefined;
}

/** Parses DG11 (tag 0x6B). Unknown tags are ignored, as the LDS allows future elements. */
export function parseDg11(bytes: Uint8Array): Dg11 {
  const top = withTlvErrors(file, () => decodeOneTlv(bytes, 0));
  if (top.tag !== 0x6b) throw new LdsError('bad_structure', file, `starts with tag 0x${top.tag.toString(16)}, expected 0x6B`);
  const get = (tag: number) => top.children.find((c) => c.tag === tag);
  // Other names come either wrapped in A0 (with a count 02) or, on older chips, as bare 5F0F elements.
  const otherNameTlvs = [...top.children.filter((c) => c.tag === 0x5f0f), ...top.children.filter((c) => c.tag === 0xa0).flatMap((a0) => a0.children.filter((c) => c.tag === 0x5f0f))];
  const dob = text(get(0x5f2b), 'full date of birth');
  const result: Dg11 = {
    fullName: text(get(0x5f0e), 'full name'),
    otherNames: otherNameTlvs.map((t) => decodeLdsText(t.value, file, 'other name')),
    personalNumber: text(get(0x5f10), 'personal number'),
    fullDateOfBirth: dob === undefined ? undefined : ldsDateToIso(dob),
    placeOfBirth: text(get(0x5f11), 'place of birth'),
    address: text(get(0x5f42), 'address'),
    telephone: text(get(0x5f12), 'telephone'),
    profession: text(get(0x5f13), 'profession'),
    title: text(get(0x5f14), 'title'),
    personalSummary: text(get(0x5f15), 'personal summary'),
    proofOfCitizenship: get(0x5f16)?.value,
    otherValidTravelDocumentNumbers: text(get(0x5f17), 'other valid travel document numbers'),
    custodyInformation: text(get(0x5f18), 'custody information'),
  };
  return result;
}
