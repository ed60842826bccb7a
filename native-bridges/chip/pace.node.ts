import { swHex } from './apdu';
import type { ResponseApdu } from './apdu';
import { bytesEqual, bytesToBigint, bigintToBytes, concatBytes } from './bytes';
import type { ChipSession } from './chipSession.node.ts';
import { ChipReadError } from './chipReadError';
import { aesCbcDecrypt, aesCmac } from './crypto/aes.node.ts';
import { add, curves, decodePoint, encodePoint, generator, multiply, randomScalar } from './crypto/ellipticCurve.node.ts';
import type { CurveParams, Point } from './crypto/ellipticCurve.node.ts';
import { icaoKdf, kdfCounter, sha1 } from './crypto/kdf.node.ts';
import type { SmCipher } from './crypto/kdf.node.ts';
import { mrzInformation } from '../../app/document/mrz/mrzAccessKey';
import type { MrzAccessKey } from '../../app/document/mrz/mrzAccessKey';
import { encodeOid } from './oid';
import { SecureMessaging } from './secureMessaging.node.ts';
import { paceParameterCurves } from './securityInfos.node.ts';
import type { PaceInfo } from './securityInfos.node.ts';
import { decodeTlv, encodeTlv, findTlv } from '../../app/document/lds/tlv';

/** PACE with ECDH Generic Mapping and AES secure messaging (ICAO 9303-11 section 4.4, Appendix G.1). */

export type PacePassword = { readonly kind: 'mrz'; readonly key: MrzAccessKey } | { readonly kind: 'can'; readonly can: string };

export function pacePasswordBytes(password: PacePassword): Uint8Array {
  // The MRZ password is SHA-1 of the MRZ information; the CAN is used as its ASCII digits.
  return password.kind === 'mrz' ? sha1(new TextEncoder().encode(mrzInformation(password.key))) : new TextEncoder().encode(password.can);
}

export function paceCipher(info: PaceInfo): SmCipher {
  if (!info.cipher || info.cipher === '3DES') throw new ChipReadError('protocol', `PACE protocol ${info.protocol} is not supported (AES only)`);
  return info.cipher;
}

export function paceCurve(info: PaceInfo): CurveParams {
  const name = info.parameterId === undefined ? undefined : paceParameterCurves[info.parameterId];
  if (!name) throw new ChipReadError('protocol', `PACE domain parameter id ${info.parameterId ?? 'absent'} is not supported`);
  return curves[name];
}

/** G' = s·G + H (Generic Mapping). */
export function mapGenerator(curve: CurveParams, nonce: bigint, sharedPoint: Point): Point {
  const mapped = add(curve, multiply(curve, generator(curve), nonce), sharedPoint);
  if (!mapped) throw new ChipReadError('protocol', 'PACE mapping produced the point at infinity');
  return mapped;
}

/** Authentication token input: 7F49 { 06 OID, 86 public point }. */
export function paceTokenInput(protocolOid: string, publicPoint: Uint8Array): Uint8Array {
  return encodeTlv(0x7f49, concatBytes(encodeTlv(0x06, encodeOid(protocolOid)), encodeTlv(0x86, publicPoint)));
}

export function paceToken(ksMac: Uint8Array, protocolOid: string, publicPoint: Uint8Array): Uint8Array {
  return aesCmac(ksMac, paceTokenInput(protocolOid, publicPoint)).subarray(0, 8);
}

export function paceSessionKeys(sharedX: Uint8Array, cipher: SmCipher): { ksEnc: Uint8Array; ksMac: Uint8Array } {
  return { ksEnc: icaoKdf(sharedX, kdfCounter.enc, cipher), ksMac: icaoKdf(sharedX, kdfCounter.mac, cipher) };
}

export interface PaceOptions {
  /** Supplies the terminal's private scalars (mapping, then ephemeral); random by default, fixed in worked-example tests. */
  readonly privateScalar?: (curve: CurveParams) => bigint;
}

function dynamicData(response: ResponseApdu, tag: number, step: string): Uint8Array {
  if (response.sw !== 0x9000) {
    const code = response.sw === 0x6300 || (response.sw & 0xfff0) === 0x63c0 ? 'access_denied' : 'protocol';
    const reason = code === 'access_denied' ? 'the MRZ or CAN does not match this chip' : 'chip refused the step';
    throw new ChipReadError(code, `PACE ${step} failed (SW ${swHex(response.sw)}): ${reason}`);
  }
  const found = findTlv(decodeTlv(response.data), tag);
  if (!found) throw new ChipReadError('protocol', `PACE ${step}: response lacks tag 0x${tag.toString(16)}`);
  return found.value;
}

function generalAuthenticate(session: ChipSession, tag: number | undefined, data: Uint8Array, last = false) {
  const inner = tag === undefined ? new Uint8Array(0) : encodeTlv(tag, data);
  return session.sendPlain({ cla: last ? 0x00 : 0x10, ins: 0x86, p1: 0, p2: 0, data: encodeTlv(0x7c, inner), le: 256 });
}

/** Runs PACE as the terminal; on success the session switches to AES secure messaging with SSC 0. */
export async function performPace(session: ChipSession, info: PaceInfo, password: PacePassword, options: PaceOptions = {}): Promise<void> {
  const curve = paceCurve(info);
  const cipher = paceCipher(info);
  const scalar = options.privateScalar ?? ((c: CurveParams) => randomScalar(c));
  const passwordRef = password.kind === 'mrz' ? 1 : 2;
  const setAt = concatBytes(encodeTlv(0x80, encodeOid(info.protocol)), encodeTlv(0x83, Uint8Array.of(passwordRef)), encodeTlv(0x84, Uint8Array.of(info.parameterId!)));
  const mse = await session.sendPlain({ cla: 0, ins: 0x22, p1: 0xc1, p2: 0xa4, data: setAt });
  if (mse.sw !== 0x9000 && (mse.sw & 0xfff0) !== 0x63c0) throw new ChipReadError('protocol', `PACE MSE:Set AT refused (SW ${swHex(mse.sw)})`);

  const kPi = icaoKdf(pacePasswordBytes(password), kdfCounter.pace, cipher);
  const encryptedNonce = dynamicData(await generalAuthenticate(session, undefined, new Uint8Array(0)), 0x80, 'encrypted nonce');
  const nonce = bytesToBigint(aesCbcDecrypt(kPi, encryptedNonce));

  const mappingKey = scalar(curve);
  const mappingPublic = multiply(curve, generator(curve), mappingKey)!;
  const chipMapping = decodePoint(curve, dynamicData(await generalAuthenticate(session, 0x81, encodePoint(curve, mappingPublic)), 0x82, 'mapping'));
  const shared = multiply(curve, chipMapping, mappingKey);
  if (!shared) throw new ChipReadError('protocol', 'PACE mapping: shared point is infinity');
  const mappedG = mapGenerator(curve, nonce, shared);

  const ephemeralKey = scalar(curve);
  const ephemeralPublic = encodePoint(curve, multiply(curve, mappedG, ephemeralKey)!);
  const chipEphemeral = dynamicData(await generalAuthenticate(session, 0x83, ephemeralPublic), 0x84, 'key agreement');
  if (bytesEqual(chipEphemeral, ephemeralPublic)) throw new ChipReadError('protocol', 'PACE: chip echoed our ephemeral key');
  const secret = multiply(curve, decodePoint(curve, chipEphemeral), ephemeralKey);
  if (!secret) throw new ChipReadError('protocol', 'PACE key agreement: shared secret is infinity');
  const keys = paceSessionKeys(bigintToBytes(secret.x, curve.size), cipher);

  const tIfd = paceToken(keys.ksMac, info.protocol, chipEphemeral);
  const tIcc = dynamicData(await generalAuthenticate(session, 0x85, tIfd, true), 0x86, 'mutual authentication');
  if (!bytesEqual(tIcc, paceToken(keys.ksMac, info.protocol, ephemeralPublic))) {
    throw new ChipReadError('access_denied', 'PACE: chip authentication token does not verify');
  }
  session.startSecureMessaging(new SecureMessaging(cipher, keys.ksEnc, keys.ksMac, new Uint8Array(16)));
}
