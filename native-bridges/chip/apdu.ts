import { bytesToHex, concatBytes } from './bytes';

/** ISO 7816-4 command APDU. `le` is the expected response length: 1..256 short, up to 65536 extended; absent = none. */
export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data?: Uint8Array;
  readonly le?: number;
}

export interface ResponseApdu {
  readonly data: Uint8Array;
  /** Status word SW1SW2, e.g. 0x9000. */
  readonly sw: number;
}

export type ApduErrorCode = 'malformed_command' | 'malformed_response';

export class ApduError extends Error {
  override readonly name = 'ApduError';
  constructor(
    readonly code: ApduErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Status words the chip code reacts to. */
export const sw = {
  ok: 0x9000,
  /** Access condition not satisfied (no or broken secure messaging). */
  securityStatusNotSatisfied: 0x6982,
  /** Authentication failed (BAC/PACE wrong password, AA/CA refused). */
  authenticationFailed: 0x6300,
  smDataMissing: 0x6987,
  smDataIncorrect: 0x6988,
  fileNotFound: 0x6a82,
  wrongParameters: 0x6b00,
  wrongLength: 0x6700,
  insNotSupported: 0x6d00,
  claNotSupported: 0x6e00,
  conditionsNotSatisfied: 0x6985,
  incorrectData: 0x6a80,
  endOfFile: 0x6282,
} as const;

export function needsExtendedLength(apdu: CommandApdu): boolean {
  return (apdu.data?.length ?? 0) > 255 || (apdu.le ?? 0) > 256;
}

export function encodeCommandApdu(apdu: CommandApdu): Uint8Array {
  const header = Uint8Array.of(apdu.cla, apdu.ins, apdu.p1, apdu.p2);
  const data = apdu.data && apdu.data.length > 0 ? apdu.data : undefined;
  if (data && data.length > 65535) throw new ApduError('malformed_command', `command data of ${data.length} bytes is too long`);
  if (apdu.le !== undefined && (apdu.le < 1 || apdu.le > 65536)) throw new ApduError('malformed_command', `Le ${apdu.le} out of range`);
  if (!needsExtendedLength(apdu)) {
    const lc = data ? Uint8Array.of(data.length) : new Uint8Array(0);
    const le = apdu.le !== undefined ? Uint8Array.of(apdu.le & 0xff) : new Uint8Array(0);
    return concatBytes(header, lc, data ?? new Uint8Array(0), le);
  }
  const lc = data ? Uint8Array.of(0, data.length >> 8, data.length & 0xff) : new Uint8Array(0);
  const leValue = apdu.le === undefined ? undefined : apdu.le & 0xffff;
  const le = leValue === undefined ? new Uint8Array(0) : data ? Uint8Array.of(leValue >> 8, leValue & 0xff) : Uint8Array.of(0, leValue >> 8, leValue & 0xff);
  return concatBytes(header, lc, data ?? new Uint8Array(0), le);
}

/** Parses the four ISO 7816-3 cases in short and extended form (used by the simulated chip). */
export function parseCommandApdu(bytes: Uint8Array): CommandApdu {
  if (bytes.length < 4) throw new ApduError('malformed_command', `command APDU of ${bytes.length} bytes is shorter than its header`);
  const [cla, ins, p1, p2] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  const body = bytes.subarray(4);
  if (body.length === 0) return { cla, ins, p1, p2 };
  if (body.length === 1) return { cla, ins, p1, p2, le: body[0] === 0 ? 256 : body[0]! };
  if (body[0] !== 0) {
    const lc = body[0]!;
    if (body.length === 1 + lc) return { cla, ins, p1, p2, data: body.subarray(1) };
    if (body.length === 2 + lc) return { cla, ins, p1, p2, data: body.subarray(1, 1 + lc), le: body[1 + lc] === 0 ? 256 : body[1 + lc]! };
    throw new ApduError('malformed_command', `short APDU Lc ${lc} does not match body of ${body.length} bytes`);
  }
  // Extended forms start with 00.
  if (body.length === 3) {
    const le = (body[1]! << 8) | body[2]!;
    return { cla, ins, p1, p2, le: le === 0 ? 65536 : le };
  }
  if (body.length < 3) throw new ApduError('malformed_command', 'extended APDU truncated');
  const lc = (body[1]! << 8) | body[2]!;
  if (body.length === 3 + lc) return { cla, ins, p1, p2, data: body.subarray(3) };
  if (body.length === 5 + lc) {
    const le = (body[3 + lc]! << 8) | body[4 + lc]!;
    return { cla, ins, p1, p2, data: body.subarray(3, 3 + lc), le: le === 0 ? 65536 : le };
  }
  throw new ApduError('malformed_command', `extended APDU Lc ${lc} does not match body of ${body.length} bytes`);
}

export function parseResponseApdu(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) throw new ApduError('malformed_response', `response APDU of ${bytes.length} bytes has no status word`);
  return { data: bytes.subarray(0, bytes.length - 2), sw: (bytes[bytes.length - 2]! << 8) | bytes[bytes.length - 1]! };
}

export function encodeResponseApdu(response: ResponseApdu): Uint8Array {
  return concatBytes(response.data, Uint8Array.of(response.sw >> 8, response.sw & 0xff));
}

export function swHex(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

export function describeCommand(apdu: CommandApdu): string {
  return bytesToHex(Uint8Array.of(apdu.cla, apdu.ins, apdu.p1, apdu.p2));
}
