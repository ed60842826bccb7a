import { createECDH } from 'node:crypto';
import { swHex } from './apdu';
import { concatBytes } from './bytes';
import type { ChipSession } from './chipSession.node.ts';
import { ChipReadError } from './chipReadError';
import { icaoKdf, kdfCounter } from './crypto/kdf.node.ts';
import type { ProtocolCheck } from './activeAuthentication.node.ts';
import { encodeOid } from './oid';
import { SecureMessaging } from './secureMessaging.node.ts';
import { parseEcSubjectPublicKeyInfo, parseSecurityInfos } from './securityInfos.node.ts';
import type { ChipAuthenticationInfo, ChipAuthenticationPublicKeyInfo, SecurityInfo } from './securityInfos.node.ts';
import { encodeTlv } from '../../app/document/lds/tlv';
import { fileIds, selectFile } from './fileReader.node.ts';

/**
 * Chip Authentication (ICAO 9303-11 section 6.2) with ECDH: the terminal agrees a key with the chip's static
 * DG14 key and restarts secure messaging under it. Only a chip holding the matching private key can continue
 * the session, so a clone copied from a genuine chip's files fails at the first protected command.
 */

function pickCaPair(infos: readonly SecurityInfo[]): { info: ChipAuthenticationInfo; key: ChipAuthenticationPublicKeyInfo } | undefined {
  const keys = infos.filter((i): i is ChipAuthenticationPublicKeyInfo => i.type === 'caPublicKey');
  for (const info of infos) {
    if (info.type !== 'ca' || info.agreement !== 'ECDH' || !info.cipher) continue;
    const key = keys.find((k) => info.keyId === undefined || k.keyId === undefined || k.keyId === info.keyId);
    if (key) return { info, key };
  }
  return undefined;
}

export async function performChipAuthentication(session: ChipSession, dg14: Uint8Array): Promise<ProtocolCheck> {
  let infos: SecurityInfo[];
  try {
    infos = parseSecurityInfos(dg14);
  } catch (e) {
    return { status: 'not_possible', reason: `DG14 cannot be parsed: ${(e as Error).message}` };
  }
  const pair = pickCaPair(infos);
  if (!pair) return { status: 'not_possible', reason: 'DG14 offers no ECDH Chip Authentication this reader supports (DH CA is not implemented)' };
  const { info, key } = pair;
  const cipher = info.cipher!;
  let ec;
  try {
    ec = parseEcSubjectPublicKeyInfo(key.subjectPublicKeyInfo);
  } catch (e) {
    return { status: 'not_possible', reason: (e as Error).message };
  }
  const algorithm = `CA ECDH ${ec.curve.name} ${cipher}`;
  const ecdh = createECDH(ec.curve.nodeName);
  const ephemeralPublic = new Uint8Array(ecdh.generateKeys());
  const shared = new Uint8Array(ecdh.computeSecret(ec.publicPoint));
  const keyRef = info.keyId !== undefined ? encodeTlv(0x84, Uint8Array.of(info.keyId)) : new Uint8Array(0);

  if (cipher === '3DES') {
    // CA version 1: MSE:Set KAT carries the ephemeral key.
    const r = await session.send({ cla: 0, ins: 0x22, p1: 0x41, p2: 0xa6, data: concatBytes(encodeTlv(0x91, ephemeralPublic), keyRef) });
    if (r.sw !== 0x9000) return { status: 'failed', reason: `chip refused MSE:Set KAT (SW ${swHex(r.sw)})`, algorithm };
  } else {
    const setAt = await session.send({ cla: 0, ins: 0x22, p1: 0x41, p2: 0xa4, data: concatBytes(encodeTlv(0x80, encodeOid(info.protocol)), keyRef) });
    if (setAt.sw !== 0x9000) return { status: 'failed', reason: `chip refused MSE:Set AT for CA (SW ${swHex(setAt.sw)})`, algorithm };
    const ga = await session.send({ cla: 0, ins: 0x86, p1: 0, p2: 0, data: encodeTlv(0x7c, encodeTlv(0x80, ephemeralPublic)), le: 256 });
    if (ga.sw !== 0x9000) return { status: 'failed', reason: `chip refused CA General Authenticate (SW ${swHex(ga.sw)})`, algorithm };
  }
  const blockSize = cipher === '3DES' ? 8 : 16;
  session.startSecureMessaging(new SecureMessaging(cipher, icaoKdf(shared, kdfCounter.enc, cipher), icaoKdf(shared, kdfCounter.mac, cipher), new Uint8Array(blockSize)));
  // The proof: a protected command under the new keys must come back with a valid MAC.
  try {
    await selectFile(session, fileIds.com);
  } catch (e) {
    if (e instanceof ChipReadError && e.code === 'secure_messaging') {
      return { status: 'failed', reason: 'chip could not continue secure messaging with the DG14 key: it does not hold the private key (possible clone)', algorithm };
    }
    throw e;
  }
  return { status: 'passed', algorithm };
}
