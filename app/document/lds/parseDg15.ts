import { LdsError, withTlvErrors } from './ldsError';
import type { ChipPublicKey } from './publicKeyInfo';
import { decodeAsn1, parseSubjectPublicKeyInfo } from './publicKeyInfo';
import { decodeOneTlv } from './tlv';

/** DG15: the Active Authentication public key (RSA or EC), as SPKI DER plus its algorithm. */
export type Dg15 = ChipPublicKey & { readonly algorithm: 'rsa' | 'ec' };

/** Parses DG15 (tag 0x6F wrapping a SubjectPublicKeyInfo). */
export function parseDg15(bytes: Uint8Array): Dg15 {
  const file = 'DG15';
  const top = withTlvErrors(file, () => decodeOneTlv(bytes, 0));
  if (top.tag !== 0x6f) throw new LdsError('bad_structure', file, `starts with tag 0x${top.tag.toString(16)}, expected 0x6F`);
  const spki = new Uint8Array(top.value);
  const key = parseSubjectPublicKeyInfo(decodeAsn1(spki, file, 'public key'), spki, file);
  if (key.algorithm === 'dh') throw new LdsError('unsupported', file, 'Active Authentication key must be RSA or EC, found DH');
  return { ...key, algorithm: key.algorithm };
}
