import { decodeTlv, encodeTlv, TlvError } from '../../app/document/lds/tlv';
import type { Tlv } from '../../app/document/lds/tlv';
import { bytesToBigint, concatBytes } from './bytes';
import { curves } from './crypto/ellipticCurve.node.ts';
import type { CurveName, CurveParams } from './crypto/ellipticCurve.node.ts';
import type { SmCipher } from './crypto/kdf.node.ts';
import { decodeOid, encodeOid, oids } from './oid';

/**
 * SecurityInfos of EF.CardAccess (PACE) and DG14 (Chip Authentication, Active Authentication), ICAO 9303-11
 * section 9.2. Unknown entries are kept as `other` so new protocols do not break reading.
 */

export interface PaceInfo {
  readonly type: 'pace';
  readonly protocol: string;
  readonly version: number;
  readonly parameterId: number | undefined;
  /** Generic Mapping over ECDH with AES, the only variant this reader runs; others are listed but skipped. */
  readonly supported: boolean;
  readonly cipher: SmCipher | undefined;
}

export interface ChipAuthenticationInfo {
  readonly type: 'ca';
  readonly protocol: string;
  readonly version: number;
  readonly keyId: number | undefined;
  readonly cipher: SmCipher | undefined;
  readonly agreement: 'ECDH' | 'DH' | undefined;
}

export interface ChipAuthenticationPublicKeyInfo {
  readonly type: 'caPublicKey';
  readonly protocol: string;
  /** DER SubjectPublicKeyInfo of the chip's static CA key. */
  readonly subjectPublicKeyInfo: Uint8Array;
  readonly keyId: number | undefined;
}

export interface ActiveAuthenticationInfo {
  readonly type: 'aa';
  readonly version: number;
  /** e.g. ecdsa-plain-SHA256 0.4.0.127.0.7.1.1.4.1.3 */
  readonly signatureAlgorithm: string;
}

export interface OtherSecurityInfo {
  readonly type: 'other';
  readonly protocol: string;
}

export type SecurityInfo = PaceInfo | ChipAuthenticationInfo | ChipAuthenticationPublicKeyInfo | ActiveAuthenticationInfo | OtherSecurityInfo;

export class SecurityInfoError extends Error {
  override readonly name = 'SecurityInfoError';
  readonly code = 'bad_security_infos' as const;
}

/** PACE standardized domain parameter ids (9303-11 9.5.1) this reader supports. */
export const paceParameterCurves: Readonly<Record<number, CurveName>> = { 12: 'P-256', 13: 'brainpoolP256r1', 16: 'brainpoolP384r1' };

const cipherByLastArc: Readonly<Record<number, SmCipher>> = { 1: '3DES', 2: 'AES-128', 3: 'AES-192', 4: 'AES-256' };

function lastArc(oid: string): number {
  return Number(oid.slice(oid.lastIndexOf('.') + 1));
}

function integer(tlv: Tlv | undefined, what: string): number {
  if (!tlv || tlv.tag !== 0x02 || tlv.value.length === 0 || tlv.value.length > 4) throw new SecurityInfoError(`${what} must be a small INTEGER`);
  return Number(bytesToBigint(tlv.value));
}

function parseOne(seq: Tlv): SecurityInfo {
  const [oidTlv, required, optional] = seq.children;
  if (seq.tag !== 0x30 || !oidTlv || oidTlv.tag !== 0x06) throw new SecurityInfoError('SecurityInfo must be a SEQUENCE starting with an OID');
  const protocol = decodeOid(oidTlv.value);
  if (protocol.startsWith(`${oids.pace}.`)) {
    const cipher = cipherByLastArc[lastArc(protocol)];
    const parameterId = optional ? integer(optional, 'PACEInfo parameterId') : undefined;
    const supported = protocol.startsWith(`${oids.paceEcdhGm}.`) && cipher !== undefined && cipher !== '3DES' && parameterId !== undefined && parameterId in paceParameterCurves;
    return { type: 'pace', protocol, version: integer(required, 'PACEInfo version'), parameterId, supported, cipher };
  }
  if (protocol.startsWith(`${oids.caPublicKey}.`)) {
    if (!required || required.tag !== 0x30) throw new SecurityInfoError('ChipAuthenticationPublicKeyInfo lacks its SubjectPublicKeyInfo');
    // Re-encoding a DER element from its tag and value gives back the same bytes (DER lengths are minimal).
    const spki = encodeTlv(required.tag, required.value);
    return { type: 'caPublicKey', protocol, subjectPublicKeyInfo: spki, keyId: optional ? integer(optional, 'CA keyId') : undefined };
  }
  if (protocol.startsWith(`${oids.chipAuthentication}.`)) {
    const agreement = protocol.startsWith(`${oids.caEcdh}.`) ? 'ECDH' : protocol.startsWith(`${oids.caDh}.`) ? 'DH' : undefined;
    return { type: 'ca', protocol, version: integer(required, 'ChipAuthenticationInfo version'), keyId: optional ? integer(optional, 'CA keyId') : undefined, cipher: cipherByLastArc[lastArc(protocol)], agreement };
  }
  if (protocol === oids.activeAuthentication) {
    if (!optional || optional.tag !== 0x06) throw new SecurityInfoError('ActiveAuthenticationInfo lacks its signature algorithm');
    return { type: 'aa', version: integer(required, 'ActiveAuthenticationInfo version'), signatureAlgorithm: decodeOid(optional.value) };
  }
  return { type: 'other', protocol };
}

/** Parses a DER SET OF SecurityInfo (EF.CardAccess), or DG14 (the same SET inside tag 0x6E). */
export function parseSecurityInfos(bytes: Uint8Array): SecurityInfo[] {
  let top: Tlv[];
  try {
    top = decodeTlv(bytes);
  } catch (e) {
    if (e instanceof TlvError) throw new SecurityInfoError(`SecurityInfos are not valid DER: ${e.message}`);
    throw e;
  }
  let set = top[0];
  if (set?.tag === 0x6e) set = set.children[0];
  if (!set || set.tag !== 0x31) throw new SecurityInfoError('SecurityInfos must be a SET (0x31)');
  return set.children.map(parseOne);
}

/** Encodes SecurityInfos (the simulated chip's EF.CardAccess and DG14). */
export function encodeSecurityInfo(protocol: string, required: Uint8Array, optional?: Uint8Array): Uint8Array {
  return encodeTlv(0x30, concatBytes(encodeTlv(0x06, encodeOid(protocol)), required, optional ?? new Uint8Array(0)));
}

export function encodeInteger(value: number): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  do {
    bytes.unshift(rest & 0xff);
    rest = Math.floor(rest / 256);
  } while (rest > 0);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return encodeTlv(0x02, Uint8Array.from(bytes));
}

const curveByOid: Readonly<Record<string, CurveName>> = {
  [oids.curveP256]: 'P-256',
  [oids.curveBrainpoolP256r1]: 'brainpoolP256r1',
  [oids.curveBrainpoolP384r1]: 'brainpoolP384r1',
};

/**
 * The curve and public point of an EC SubjectPublicKeyInfo. Passports often encode explicit domain
 * parameters instead of a named curve, so those are matched to a known curve by their prime.
 */
export function parseEcSubjectPublicKeyInfo(spki: Uint8Array): { curve: CurveParams; publicPoint: Uint8Array } {
  const [top] = decodeTlv(spki);
  const [algorithm, key] = top?.children ?? [];
  const [algOid, params] = algorithm?.children ?? [];
  if (!algOid || !key || key.tag !== 0x03 || decodeOid(algOid.value) !== oids.ecPublicKey) throw new SecurityInfoError('not an EC SubjectPublicKeyInfo');
  let name: CurveName | undefined;
  if (params?.tag === 0x06) name = curveByOid[decodeOid(params.value)];
  else if (params?.tag === 0x30) {
    const fieldId = params.children[1];
    const prime = fieldId?.children[1];
    if (prime) {
      const p = bytesToBigint(prime.value);
      name = (Object.keys(curves) as CurveName[]).find((n) => curves[n].p === p);
    }
  }
  if (!name) throw new SecurityInfoError('EC key uses a curve this reader does not support');
  return { curve: curves[name], publicPoint: key.value.subarray(1) };
}
