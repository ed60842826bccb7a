import { LdsError, withTlvErrors } from './ldsError';
import type { SecurityInfo } from './securityInfos';
import { parseSecurityInfos } from './securityInfos';
import { decodeOneTlv } from './tlv';

export interface Dg14 {
  /** Every SecurityInfo in the order stored. */
  readonly securityInfos: readonly SecurityInfo[];
  /** The ChipAuthenticationInfo entries (protocol, version, keyId). */
  readonly chipAuthentication: readonly Extract<SecurityInfo, { type: 'chipAuthentication' }>[];
  /** The Chip Authentication public keys (SPKI DER, keyId). */
  readonly chipAuthenticationPublicKeys: readonly Extract<SecurityInfo, { type: 'chipAuthenticationPublicKey' }>[];
  /** ActiveAuthenticationInfo, present when DG15 holds an EC key (gives the ECDSA signature algorithm). */
  readonly activeAuthentication?: Extract<SecurityInfo, { type: 'activeAuthentication' }>;
}

/** Parses DG14 (tag 0x6E wrapping a SET OF SecurityInfo). */
export function parseDg14(bytes: Uint8Array): Dg14 {
  const file = 'DG14';
  const top = withTlvErrors(file, () => decodeOneTlv(bytes, 0));
  if (top.tag !== 0x6e) throw new LdsError('bad_structure', file, `starts with tag 0x${top.tag.toString(16)}, expected 0x6E`);
  const securityInfos = parseSecurityInfos(new Uint8Array(top.value), file);
  return {
    securityInfos,
    chipAuthentication: securityInfos.filter((i): i is Extract<SecurityInfo, { type: 'chipAuthentication' }> => i.type === 'chipAuthentication'),
    chipAuthenticationPublicKeys: securityInfos.filter((i): i is Extract<SecurityInfo, { type: 'chipAuthenticationPublicKey' }> => i.type === 'chipAuthenticationPublicKey'),
    activeAuthentication: securityInfos.find((i): i is Extract<SecurityInfo, { type: 'activeAuthentication' }> => i.type === 'activeAuthentication'),
  };
}
