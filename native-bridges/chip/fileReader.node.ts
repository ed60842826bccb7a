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

/** What one READ BINARY gave: the bytes, and whether the chip said the file ended there (SW 6282). */
interface Chunk {
  readonly data: Uint8Array;
  readonly endOfFile: boolean;
}

/** The header of any LDS file (tag up to 2 bytes, length up to 4) fits in this many bytes. */
const headerLength = 8;

async function readChunkOnce(session: ChipSession, offset: number, length: number): Promise<{ data: Uint8Array; sw: number }> {
  if (offset <= maxB0Offset) return session.send({ cla: 0, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, le: length });
  const offsetBytes = Uint8Array.of((offset >> 16) & 0xff, (offset >> 8) & 0xff, offset & 0xff);
  const r = await session.send({ cla: 0, ins: 0xb1, p1: 0, p2: 0, data: encodeTlv(0x54, offsetBytes), le: length + 4 });
  if ((r.sw !== 0x9000 && r.sw !== 0x6282) || r.data.length === 0) return r;
  const wrapped = findTlv(decodeTlv(r.data), 0x53);
  if (!wrapped) throw new ChipReadError('protocol', `READ BINARY (B1) at offset ${offset}: response lacks its data object 53`);
  return { data: wrapped.value, sw: r.sw };
}

/**
 * One READ BINARY, tolerant of how real chips answer an Le they dislike: 6Cxx (ask again for exactly xx bytes),
 * 6700 (wrong length: ask for less), 6282 (end of file: the bytes there are, and no more).
 */
async function readChunk(session: ChipSession, offset: number, length: number, what: string): Promise<Chunk> {
  let asked = length;
  for (let attempt = 0; attempt < 8; attempt++) {
    const r = await readChunkOnce(session, offset, asked);
    if (r.sw === 0x9000) return { data: r.data, endOfFile: false };
    if (r.sw === 0x6282) return { data: r.data, endOfFile: true };
    if ((r.sw & 0xff00) === 0x6c00 && (r.sw & 0xff) > 0 && (r.sw & 0xff) < asked) {
      asked = r.sw & 0xff;
      continue;
    }
    if (r.sw === 0x6700 && asked > 1) {
      asked = Math.max(1, asked >> 1);
      continue;
    }
    if (r.sw === 0x6b00 && offset > 0) return { data: new Uint8Array(0), endOfFile: true }; // offset beyond the end: the file ended
    throw new ChipReadError('protocol', `READ BINARY of ${what} at offset ${offset} failed (SW ${swHex(r.sw)})`);
  }
  throw new ChipReadError('protocol', `READ BINARY of ${what} at offset ${offset}: the chip refused every length asked`);
}

/**
 * Reads a whole TLV-structured elementary file (already selected): its header first (never asking for more than
 * a file can be assumed to hold), then the rest in blocks no longer than what remains. A chip that answers
 * shorter blocks sets the block size from then on; an end-of-file status or an empty block ends the read cleanly
 * with the bytes the chip has (a file shorter than its header says is judged by its hash, not here).
 */
export async function readSelectedFile(session: ChipSession, options: FileReadOptions, what: string): Promise<Uint8Array> {
  const first = await readChunk(session, 0, Math.min(headerLength, options.chunkSize), what);
  let total: number;
  try {
    total = tlvTotalLength(first.data);
  } catch (e) {
    if (e instanceof TlvError) throw new ChipReadError('protocol', `${what} does not start with a valid TLV header: ${e.message}`);
    throw e;
  }
  const parts = [first.data.subarray(0, Math.min(first.data.length, total))];
  let offset = parts[0]!.length;
  let blockSize = options.chunkSize;
  let ended = first.endOfFile;
  while (offset < total && !ended) {
    const asked = Math.min(blockSize, total - offset);
    const chunk = await readChunk(session, offset, asked, what);
    if (chunk.data.length === 0) break;
    // A chip that gives less than asked without saying the file ended has a smaller block: use it.
    if (chunk.data.length < asked && !chunk.endOfFile) blockSize = chunk.data.length;
    parts.push(chunk.data.subarray(0, total - offset));
    offset += Math.min(chunk.data.length, total - offset);
    ended = chunk.endOfFile;
  }
  return concatBytes(...parts);
}

/** Selects and reads a file; undefined when absent. */
export async function readFile(session: ChipSession, fid: number, options: FileReadOptions, what: string): Promise<Uint8Array | undefined> {
  if (!(await selectFile(session, fid))) return undefined;
  return readSelectedFile(session, options, what);
}
