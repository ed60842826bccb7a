import { LdsError, withTlvErrors } from './ldsError';
import { decodeLdsText, ldsDateToIso, toHex } from './ldsText';
import type { Tlv } from './tlv';
import { decodeOneTlv } from './tlv';

/** DG12, additional document details (ICAO 9303-10 §4.7.12). Every field is optional on the chip. */
export interface Dg12 {
  readonly issuingAuthority?: string;
  /** 'YYYY-MM-DD'. */
  readonly dateOfIssue?: string;
  readonly otherPersons: readonly string[];
  readonly endorsements?: string;
  readonly taxOrExitRequirements?: string;
  readonly imageOfFront?: Uint8Array;
  readonly imageOfRear?: Uint8Array;
  /** 'YYYY-MM-DDTHH:MM:SS' when the chip stores the 14-digit form, else as stored (some chips store BCD: then hex). */
  readonly personalizationDateTime?: string;
  readonly personalizationDeviceSerial?: string;
}

const file = 'DG12';

function text(tlv: Tlv | undefined, what: string): string | undefined {
  return tlv ? decodeLdsText(tlv.value, file, what) : undefined;
}

/** Dates in DG12 are ASCII digits on most chips but 4-byte BCD on some; both are accepted. */
function dateOf(tlv: Tlv | undefined, what: string): string | undefined {
  if (!tlv) return undefined;
  if (tlv.value.length === 4) return ldsDateToIso(toHex(tlv.value));
  return ldsDateToIso(decodeLdsText(tlv.value, file, what));
}

function dateTimeOf(tlv: Tlv | undefined): string | undefined {
  if (!tlv) return undefined;
  const raw = tlv.value.length === 7 ? toHex(tlv.value) : decodeLdsText(tlv.value, file, 'personalization date/time');
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(raw);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` : raw;
}

/** Parses DG12 (tag 0x6C). */
export function parseDg12(bytes: Uint8Array): Dg12 {
  const top = withTlvErrors(file, () => decodeOneTlv(bytes, 0));
  if (top.tag !== 0x6c) throw new LdsError('bad_structure', file, `starts with tag 0x${top.tag.toString(16)}, expected 0x6C`);
  const get = (tag: number) => top.children.find((c) => c.tag === tag);
  const otherPersonTlvs = [...top.children.filter((c) => c.tag === 0x5f1a), ...top.children.filter((c) => c.tag === 0xa0).flatMap((a0) => a0.children.filter((c) => c.tag === 0x5f1a))];
  const result: Dg12 = {
    issuingAuthority: text(get(0x5f19), 'issuing authority'),
    dateOfIssue: dateOf(get(0x5f26), 'date of issue'),
    otherPersons: otherPersonTlvs.map((t) => decodeLdsText(t.value, file, 'other person')),
    endorsements: text(get(0x5f1b), 'endorsements'),
    taxOrExitRequirements: text(get(0x5f1c), 'tax or exit requirements'),
    imageOfFront: get(0x5f1d)?.value,
    imageOfRear: get(0x5f1e)?.value,
    personalizationDateTime: dateTimeOf(get(0x5f55)),
    personalizationDeviceSerial: text(get(0x5f56), 'personalization device serial number'),
  };
  return result;
}
