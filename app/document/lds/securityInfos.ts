import * as asn1js from 'asn1js';
import { LdsError, withAsn1Errors } from './ldsError';
import type { ChipPublicKey } from './publicKeyInfo';
import { decodeAsn1, parseSubjectPublicKeyInfo } from './publicKeyInfo';

// BSI TR-03110-3 / ICAO 9303-11 object identifiers.
const idPK = '0.4.0.127.0.7.2.2.1';
const idTA = '0.4.0.127.0.7.2.2.2';
const idCA = '0.4.0.127.0.7.2.2.3';
const idPACE = '0.4.0.127.0.7.2.2.4';
/** id-icao-mrtd-security-aaProtocolObject. */
export const idActiveAuthentication = '2.23.136.1.1.5';

export type KeyAgreement = 'dh' | 'ecdh';
export type SecureMessagingCipher = '3des-cbc-cbc' | 'aes-cbc-cmac-128' | 'aes-cbc-cmac-192' | 'aes-cbc-cmac-256';
export type PaceMapping = 'generic' | 'integrated' | 'chip-authentication';

const ciphers: Readonly<Record<string, SecureMessagingCipher>> = { '1': '3des-cbc-cbc', '2': 'aes-cbc-cmac-128', '3': 'aes-cbc-cmac-192', '4': 'aes-cbc-cmac-256' };
const paceVariants: Readonly<Record<string, { keyAgreement: KeyAgreement; mapping: PaceMapping }>> = {
  '1': { keyAgreement: 'dh', mapping: 'generic' },
  '2': { keyAgreement: 'ecdh', mapping: 'generic' },
  '3': { keyAgreement: 'dh', mapping: 'integrated' },
  '4': { keyAgreement: 'ecdh', mapping: 'integrated' },
  '6': { keyAgreement: 'ecdh', mapping: 'chip-authentication' },
};

/** One SecurityInfo of DG14, EF.CardAccess or EF.CardSecurity, typed when this parser knows the protocol. */
export type SecurityInfo =
  | { readonly type: 'chipAuthentication'; readonly oid: string; readonly keyAgreement: KeyAgreement; readonly cipher: SecureMessagingCipher; readonly version: number; readonly keyId?: number }
  | { readonly type: 'chipAuthenticationPublicKey'; readonly oid: string; readonly keyAgreement: KeyAgreement; readonly publicKey: ChipPublicKey; readonly keyId?: number }
  | { readonly type: 'chipAuthenticationDomainParameters'; readonly oid: string; readonly keyAgreement: KeyAgreement; readonly domainParameters: Uint8Array; readonly keyId?: number }
  | { readonly type: 'pace'; readonly oid: string; readonly keyAgreement: KeyAgreement; readonly mapping: PaceMapping; readonly cipher: SecureMessagingCipher; readonly version: number; readonly parameterId?: number }
  | { readonly type: 'paceDomainParameters'; readonly oid: string; readonly domainParameters: Uint8Array; readonly parameterId?: number }
  | { readonly type: 'terminalAuthentication'; readonly oid: string; readonly version: number }
  | { readonly type: 'activeAuthentication'; readonly oid: string; readonly version: number; readonly signatureAlgorithmOid: string }
  /** A SecurityInfo whose protocol this parser does not interpret (kept whole so nothing is lost). */
  | { readonly type: 'other'; readonly oid: string; readonly der: Uint8Array };

function smallInteger(value: asn1js.AsnType | undefined, file: string, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof asn1js.Integer)) throw new LdsError('bad_structure', file, `${what} is not an INTEGER`);
  const n = value.valueBlock.valueDec;
  if (!Number.isSafeInteger(n)) throw new LdsError('bad_value', file, `${what} is out of range`);
  return n;
}

function requiredInteger(value: asn1js.AsnType | undefined, file: string, what: string): number {
  const n = smallInteger(value, file, what);
  if (n === undefined) throw new LdsError('missing_field', file, `${what} is missing`);
  return n;
}

function derOf(value: asn1js.AsnType): Uint8Array {
  return new Uint8Array(value.toBER(false));
}

function parseOne(info: asn1js.AsnType, file: string): SecurityInfo {
  if (!(info instanceof asn1js.Sequence)) throw new LdsError('bad_structure', file, 'a SecurityInfo is not a SEQUENCE');
  const [protocol, required, optional] = info.valueBlock.value;
  if (!(protocol instanceof asn1js.ObjectIdentifier)) throw new LdsError('bad_structure', file, 'a SecurityInfo does not start with a protocol OID');
  const oid = protocol.valueBlock.toString();
  const arcs = oid.startsWith(`${idPK}.`) || oid.startsWith(`${idCA}.`) || oid.startsWith(`${idPACE}.`) ? oid.split('.').slice(9) : [];
  const what = `SecurityInfo ${oid}`;
  if (oid.startsWith(`${idCA}.`) && arcs.length === 2) {
    const cipher = ciphers[arcs[1]!];
    const keyAgreement: KeyAgreement | undefined = arcs[0] === '1' ? 'dh' : arcs[0] === '2' ? 'ecdh' : undefined;
    if (cipher && keyAgreement) {
      return { type: 'chipAuthentication', oid, keyAgreement, cipher, version: requiredInteger(required, file, `${what} version`), keyId: smallInteger(optional, file, `${what} keyId`) };
    }
  }
  if (oid.startsWith(`${idCA}.`) && arcs.length === 1 && (arcs[0] === '1' || arcs[0] === '2') && required) {
    return { type: 'chipAuthenticationDomainParameters', oid, keyAgreement: arcs[0] === '1' ? 'dh' : 'ecdh', domainParameters: derOf(required), keyId: smallInteger(optional, file, `${what} keyId`) };
  }
  if (oid.startsWith(`${idPK}.`) && arcs.length === 1 && (arcs[0] === '1' || arcs[0] === '2')) {
    if (!required) throw new LdsError('missing_field', file, `${what} has no public key`);
    const spki = derOf(required);
    return { type: 'chipAuthenticationPublicKey', oid, keyAgreement: arcs[0] === '1' ? 'dh' : 'ecdh', publicKey: parseSubjectPublicKeyInfo(required, spki, file), keyId: smallInteger(optional, file, `${what} keyId`) };
  }
  if (oid.startsWith(`${idPACE}.`) && arcs.length === 2) {
    const variant = paceVariants[arcs[0]!];
    const cipher = ciphers[arcs[1]!];
    if (variant && cipher) {
      return { type: 'pace', oid, ...variant, cipher, version: requiredInteger(required, file, `${what} version`), parameterId: smallInteger(optional, file, `${what} parameterId`) };
    }
  }
  if (oid.startsWith(`${idPACE}.`) && arcs.length === 1 && paceVariants[arcs[0]!] && required) {
    return { type: 'paceDomainParameters', oid, domainParameters: derOf(required), parameterId: smallInteger(optional, file, `${what} parameterId`) };
  }
  if (oid === idTA) return { type: 'terminalAuthentication', oid, version: requiredInteger(required, file, `${what} version`) };
  if (oid === idActiveAuthentication) {
    if (!(optional instanceof asn1js.ObjectIdentifier)) throw new LdsError('missing_field', file, 'ActiveAuthenticationInfo has no signature algorithm OID');
    return { type: 'activeAuthentication', oid, version: requiredInteger(required, file, `${what} version`), signatureAlgorithmOid: optional.valueBlock.toString() };
  }
  return { type: 'other', oid, der: derOf(info) };
}

/** Parses a DER SET OF SecurityInfo (the content of DG14, or the whole of EF.CardAccess). */
export function parseSecurityInfos(der: Uint8Array, file = 'SecurityInfos'): SecurityInfo[] {
  const set = decodeAsn1(der, file, 'SecurityInfos');
  if (!(set instanceof asn1js.Set)) throw new LdsError('bad_structure', file, 'SecurityInfos is not a SET');
  return withAsn1Errors(file, 'a SecurityInfo', () => set.valueBlock.value.map((info) => parseOne(info, file)));
}
