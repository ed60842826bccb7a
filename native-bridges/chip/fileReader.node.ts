import { swHex } from './apdu';
import { concatBytes } from './bytes';
import type { ChipSession } from './chipSession.node.ts';
import { ChipReadError } from './chipReadError';
import { decodeTlv, encodeTlv, findTlv, tlvTotalLength, TlvError } from '../../app/document/lds/tlv';

/** LDS file identifiers (ICAO 9303-10). */
export const fileIds = {
  cardAccess: 0x011c,
  com: 0x011e,
  sod: 0x011d,
  dataGroup: (dg: number) => 0x0100 + dg,
} as const;

export const eMrtdApplicationId = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);

/** B0 can only address offsets up to 15 bits; beyond that READ BINARY uses odd INS B1 with an offset object. */
const maxB0Offset = 0x7fff;

export interface FileReadOptions {
  /** Bytes per READ BINARY: 223 keeps a protected response inside a short APDU; larger needs extended length. */
  readonly chunkSize: number;
}

export async function selectApplication(session: ChipSession): Promise<void> {
  const r = await session.send({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: eMrtdApplicationId });
  if (r.sw !== 0x9000) throw new ChipReadError('protocol', `the chip has no eMRTD application (SELECT AID SW ${swHex(r.sw)})`);
}

/** Selects an elementary file; false when the chip says it does not exist. */
export async function selectFile(session: ChipSession, fid: number): Promise<boolean> {
  const r = await session.send({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Uint8Array.of(fid >> 8, fid & 0xff) });
  if (r.sw === 0x6a82) return false;
  if (r.sw === 0x6982) throw new ChipReadError('access_denied', `file ${fid.toString(16).padStart(4, '0')} needs access rights this reader does not have (SW 6982)`);
  if (r.sw !== 0x9000) throw new ChipReadError('protocol', `SELECT file ${fid.toString(16).padStart(4, '0')} failed (SW ${swHex(r.sw)})`);
  return true;
}

async function readChunk(session: ChipSession, offset: number, length: number): Promise<Uint8Array> {
  if (offset <= maxB0Offset) {
    const r = await session.send({ cla: 0, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, le: length });
    if (r.sw !== 0x9000 && r.sw !== 0x6282) throw new ChipReadError('protocol', `READ BINARY at offset ${offset} failed (SW ${swHex(r.sw)})`);
    return r.data;
  }
  const offsetBytes = Uint8Array.of((offset >> 16) & 0xff, (offset >> 8) & 0xff, offset & 0xff);
  const r = await session.send({ cla: 0, ins: 0xb1, p1: 0, p2: 0, data: encodeTlv(0x54, offsetBytes), le: length + 4 });
  if (r.sw !== 0x9000 && r.sw !== 0x6282) throw new ChipReadError('protocol', `READ BINARY (B1) at offset ${offset} failed (SW ${swHex(r.sw)})`);
  const wrapped = findTlv(decodeTlv(r.data), 0x53);
  if (!wrapped) throw new ChipReadError('protocol', `READ BINARY (B1) at offset ${offset}: response lacks its data object 53`);
  return wrapped.value;
}

/**
 * Reads a whole TLV-structured elementary file (already selected): the first chunk gives the total length
 * from the outer TLV header, the rest follows in chunks.
 */
export async function readSelectedFile(session: ChipSession, options: FileReadOptions, what: string): Promise<Uint8Array> {
  const first = await readChunk(session, 0, options.chunkSize);
  let total: number;
  try {
    total = tlvTotalLength(first);
  } catch (e) {
    if (e instanceof TlvError) throw new ChipReadError('protocol', `${what} does not start with a valid TLV header: ${e.message}`);
    throw e;
  }
  const parts = [first.subarray(0, Math.min(first.length, total))];
  let offset = parts[0]!.length;
  while (offset < total) {
    const chunk = await readChunk(session, offset, Math.min(options.chunkSize, total - offset));
    if (chunk.length === 0) throw new ChipReadError('protocol', `${what}: chip returned no data at offset ${offset} of ${total}`);
    parts.push(chunk);
    offset += chunk.length;
  }
  return concatBytes(...parts);
}

/** Selects and reads a file; undefined when absent. */
export async function readFile(session: ChipSession, fid: number, options: FileReadOptions, what: string): Promise<Uint8Array | undefined> {
  if (!(await selectFile(session, fid))) return undefined;
  return readSelectedFile(session, options, what);
}
