import { performActiveAuthentication } from './activeAuthentication.node.ts';
import { performBac, secureRandom } from './bac.node.ts';
import type { Random } from './bac.node.ts';
import type { CardChannel } from './cardChannel';
import { performChipAuthentication } from './chipAuthentication.node.ts';
import { ChipReadError } from './chipReadError';
import type { AccessControlOutcome, ChipProtocolOutcome, ChipReadResult, ReadPassportRequest } from '../../app/ports/ChipReaderPort';
import { ChipSession } from './chipSession.node.ts';
import { fileIds, readFile, selectApplication } from './fileReader.node.ts';
import type { FileReadOptions } from './fileReader.node.ts';
import { canSchema, mrzAccessKeySchema } from '../../app/document/mrz/mrzAccessKey';
import { paceCurve, performPace } from './pace.node.ts';
import type { PacePassword } from './pace.node.ts';
import { parseSecurityInfos } from './securityInfos.node.ts';
import type { PaceInfo, SecurityInfo } from './securityInfos.node.ts';
import { dataGroupOfTag } from '../../app/document/lds/dataGroupTags';
import { decodeOneTlv, findTlv } from '../../app/document/lds/tlv';
import { parseSod } from './passive-auth/parseSod.node.ts';

/** Data groups readable with BAC/PACE alone (DG3/DG4 need Extended Access Control). */
export const openDataGroups = [1, 2, 7, 11, 12, 14, 15] as const;

export interface PassportReadOptions {
  readonly random?: Random;
  /** Monotonic milliseconds (injected so timings are testable). */
  readonly now?: () => number;
  readonly fileRead?: FileReadOptions;
}

const defaultFileRead: FileReadOptions = { chunkSize: 0xdf };

/** The data groups EF.COM lists; undefined when it is absent or its tag list cannot be read (chips get this wrong). */
function comDataGroups(com: Uint8Array | undefined): number[] | undefined {
  if (!com) return undefined;
  try {
    const tagList = findTlv([decodeOneTlv(com)], 0x5c);
    return tagList ? Array.from(tagList.value, (t) => dataGroupOfTag(t)).filter((dg): dg is number => dg !== undefined) : undefined;
  } catch {
    return undefined;
  }
}

/** The data groups the SOD hashes: the signed list, which EF.COM (unsigned) only repeats. */
function sodDataGroups(sod: Uint8Array | undefined): number[] {
  if (!sod) return [];
  try {
    return [...parseSod(sod).securityObject.dataGroupHashes.keys()];
  } catch {
    return []; // Passive Authentication reports the broken SOD
  }
}

/**
 * Reads an e-passport over one card channel, the ICAO 9303-11 way: PACE if EF.CardAccess offers a supported
 * variant (else BAC), EF.COM to learn the data groups, EF.SOD, DG14 + Chip Authentication, the data groups,
 * then DG15 + Active Authentication.
 */
export async function readPassportChip(channel: CardChannel, request: ReadPassportRequest, readerName: string, options: PassportReadOptions = {}): Promise<ChipReadResult> {
  const random = options.random ?? secureRandom;
  const now = options.now ?? (() => performance.now());
  const fileRead = options.fileRead ?? defaultFileRead;
  const mrz = request.mrz ? mrzAccessKeySchema.parse(request.mrz) : undefined;
  const can = request.can !== undefined ? canSchema.parse(request.can) : undefined;
  if (!mrz && !can) throw new ChipReadError('bad_request', 'reading a chip needs the MRZ (document number, birth and expiry dates) or the CAN');

  const start = now();
  const session = new ChipSession(channel);
  let bytesRead = 0;
  const read = async (fid: number, what: string) => {
    const bytes = await readFile(session, fid, fileRead, what);
    bytesRead += bytes?.length ?? 0;
    return bytes;
  };

  // EF.CardAccess is readable without access control, at MF level.
  let cardAccess: Uint8Array | undefined;
  let paceInfos: PaceInfo[] = [];
  let fallbackReason: string | undefined;
  try {
    cardAccess = await read(fileIds.cardAccess, 'EF.CardAccess');
    if (cardAccess) paceInfos = parseSecurityInfos(cardAccess).filter((i: SecurityInfo): i is PaceInfo => i.type === 'pace');
  } catch (e) {
    if (e instanceof ChipReadError && (e.code === 'card_removed' || e.code === 'timeout')) throw e;
    fallbackReason = `EF.CardAccess unusable: ${(e as Error).message}`;
  }
  const pace = paceInfos.find((i) => i.supported);
  if (!pace && paceInfos.length > 0) fallbackReason = `no supported PACE variant in EF.CardAccess (${paceInfos.map((p) => p.protocol).join(', ')})`;
  const password: PacePassword | undefined = can ? { kind: 'can', can } : mrz ? { kind: 'mrz', key: mrz } : undefined;

  const establish = async (): Promise<AccessControlOutcome> => {
    if (pace && password) {
      try {
        await performPace(session, pace, password);
        await selectApplication(session);
        return { protocol: 'PACE', description: `PACE ECDH-GM ${paceCurve(pace).name} ${pace.cipher} (${password.kind === 'can' ? 'CAN' : 'MRZ'})` };
      } catch (e) {
        // A wrong password stays an error; a PACE the chip implements differently falls back to BAC (9303-11 4.2).
        if (!(e instanceof ChipReadError) || e.code !== 'protocol' || !mrz) throw e;
        fallbackReason = `PACE failed: ${e.message}`;
      }
    }
    if (!mrz) throw new ChipReadError('bad_request', 'this chip has no PACE, so it needs the MRZ for BAC (a CAN is not enough)');
    session.endSecureMessaging();
    await selectApplication(session);
    await performBac(session, mrz, random);
    return { protocol: 'BAC', description: 'BAC 3DES', ...(fallbackReason ? { fallbackReason } : {}) };
  };
  const accessControl = await establish();
  const afterAccess = now();

  // EF.COM is unsigned and some chips get its tag list wrong: the data groups are those EF.COM or the SOD names.
  const com = await readTolerant(() => read(fileIds.com, 'EF.COM'));
  const sod = await read(fileIds.sod, 'EF.SOD');
  const fromCom = comDataGroups(com);
  const listed = [...new Set([...(fromCom ?? []), ...sodDataGroups(sod)])].sort((a, b) => a - b);
  if (listed.length === 0) throw new ChipReadError('file_not_found', `the chip lists no data groups: ${com ? 'EF.COM has no readable tag list' : 'no EF.COM'} and ${sod ? 'EF.SOD cannot be read' : 'no EF.SOD'}`);
  const wanted = (request.dataGroups ?? openDataGroups).filter((dg) => listed.includes(dg));
  const dataGroups = new Map<number, Uint8Array>();

  let chipAuthentication: ChipProtocolOutcome = { status: 'not_possible', reason: listed.includes(14) ? 'not attempted' : 'the chip has no DG14 (Chip Authentication not supported)' };
  let caMs = 0;
  if (listed.includes(14) && (!request.skipChipChecks || wanted.includes(14))) {
    const dg14 = await read(fileIds.dataGroup(14), 'DG14');
    if (dg14) {
      dataGroups.set(14, dg14);
      if (!request.skipChipChecks) {
        const caStart = now();
        chipAuthentication = await performChipAuthentication(session, dg14);
        if (chipAuthentication.status === 'failed') await establish(); // the chip dropped the session; continue the read without CA
        caMs = now() - caStart;
      }
    }
  }

  for (const dg of wanted) {
    if (dataGroups.has(dg)) continue;
    const bytes = await read(fileIds.dataGroup(dg), `DG${dg}`);
    if (bytes) dataGroups.set(dg, bytes);
  }

  let activeAuthentication: ChipProtocolOutcome = { status: 'not_possible', reason: 'the chip has no DG15 (Active Authentication not supported)' };
  let aaMs = 0;
  const dg15 = dataGroups.get(15) ?? (listed.includes(15) && !request.skipChipChecks ? await read(fileIds.dataGroup(15), 'DG15') : undefined);
  // The key AA proves possession of is only the issuer's once DG15's hash is checked: returned with the rest, so
  // Passive Authentication checks it (a clone with its own key in an unchecked DG15 would pass AA).
  if (dg15) dataGroups.set(15, dg15);
  if (dg15 && !request.skipChipChecks) {
    const aaStart = now();
    const aaInfo = dataGroups.has(14) ? safeAaAlgorithm(dataGroups.get(14)!) : undefined;
    activeAuthentication = await performActiveAuthentication(session, dg15, random, aaInfo);
    aaMs = now() - aaStart;
  } else if (dg15) {
    activeAuthentication = { status: 'not_possible', reason: 'skipped on request' };
  }
  const end = now();
  return {
    reader: readerName,
    accessControl,
    com,
    sod,
    cardAccess,
    dataGroups,
    notRead: listed.filter((dg) => !dataGroups.has(dg)),
    activeAuthentication,
    chipAuthentication,
    timings: {
      accessControlMs: afterAccess - start,
      readMs: end - afterAccess - caMs - aaMs,
      chipAuthenticationMs: caMs,
      activeAuthenticationMs: aaMs,
      totalMs: end - start,
      apduCount: session.apduCount,
      bytesRead,
    },
  };
}

/** A file whose content is only a hint (EF.COM): a protocol error reading it is not the end of the read. */
async function readTolerant(readIt: () => Promise<Uint8Array | undefined>): Promise<Uint8Array | undefined> {
  try {
    return await readIt();
  } catch (e) {
    if (e instanceof ChipReadError && e.code === 'protocol') return undefined;
    throw e;
  }
}

function safeAaAlgorithm(dg14: Uint8Array): string | undefined {
  try {
    const aa = parseSecurityInfos(dg14).find((i) => i.type === 'aa');
    return aa?.type === 'aa' ? aa.signatureAlgorithm : undefined;
  } catch {
    return undefined;
  }
}
