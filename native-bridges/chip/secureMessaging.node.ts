import type { CommandApdu, ResponseApdu } from './apdu';
import { bytesEqual, concatBytes } from './bytes';
import { aesCbcDecrypt, aesCbcEncrypt, aesCmac, aesEcbEncryptBlock } from './crypto/aes.node.ts';
import type { SmCipher } from './crypto/kdf.node.ts';
import { padIso9797, unpadIso9797 } from './crypto/padding';
import { retailMac, tdesDecrypt, tdesEncrypt } from './crypto/tripleDes.node.ts';
import { decodeTlv, encodeTlv, findTlv, TlvError } from '../../app/document/lds/tlv';

export type SecureMessagingErrorCode =
  /** A protected response lacks its MAC or status object. */
  | 'sm_missing_object'
  /** The MAC did not verify: keys differ (wrong chip, cloned chip after CA) or the data was altered. */
  | 'sm_bad_mac'
  /** Decrypted data is not correctly padded or the objects are not valid TLV. */
  | 'sm_bad_encoding';

export class SecureMessagingError extends Error {
  override readonly name = 'SecureMessagingError';
  constructor(
    readonly code: SecureMessagingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * ICAO 9303-11 secure messaging (section 9.8) for both roles: the terminal protects commands and unprotects
 * responses, the simulated chip does the reverse with the same keys. The send sequence counter is
 * incremented before every protect/unprotect, so both sides stay in step.
 */
export class SecureMessaging {
  private readonly ssc: Uint8Array;
  readonly blockSize: number;

  constructor(
    readonly cipher: SmCipher,
    private readonly ksEnc: Uint8Array,
    private readonly ksMac: Uint8Array,
    initialSsc: Uint8Array,
  ) {
    this.blockSize = cipher === '3DES' ? 8 : 16;
    if (initialSsc.length !== this.blockSize) throw new Error(`SSC must be ${this.blockSize} bytes for ${cipher}`);
    this.ssc = Uint8Array.from(initialSsc);
  }

  /** Current send sequence counter (copy), for tests and diagnostics. */
  get sendSequenceCounter(): Uint8Array {
    return Uint8Array.from(this.ssc);
  }

  private incrementSsc(): void {
    for (let i = this.ssc.length - 1; i >= 0; i--) {
      this.ssc[i] = (this.ssc[i]! + 1) & 0xff;
      if (this.ssc[i] !== 0) break;
    }
  }

  private encrypt(data: Uint8Array): Uint8Array {
    const padded = padIso9797(data, this.blockSize);
    if (this.cipher === '3DES') return tdesEncrypt(this.ksEnc, padded);
    return aesCbcEncrypt(this.ksEnc, padded, aesEcbEncryptBlock(this.ksEnc, this.ssc));
  }

  private decrypt(data: Uint8Array): Uint8Array {
    if (data.length === 0 || data.length % this.blockSize !== 0) {
      throw new SecureMessagingError('sm_bad_encoding', `encrypted data of ${data.length} bytes is not whole ${this.blockSize}-byte blocks`);
    }
    const plain = this.cipher === '3DES' ? tdesDecrypt(this.ksEnc, data) : aesCbcDecrypt(this.ksEnc, data, aesEcbEncryptBlock(this.ksEnc, this.ssc));
    const unpadded = unpadIso9797(plain);
    if (!unpadded) throw new SecureMessagingError('sm_bad_encoding', 'decrypted data has invalid padding');
    return unpadded;
  }

  /** MAC over pad(SSC || input); 8 bytes for both 3DES (retail MAC) and AES (truncated CMAC). */
  mac(input: Uint8Array): Uint8Array {
    const n = padIso9797(concatBytes(this.ssc, input), this.blockSize);
    return this.cipher === '3DES' ? retailMac(this.ksMac, n, true) : aesCmac(this.ksMac, n).subarray(0, 8);
  }

  private dataObject(ins: number, data: Uint8Array): Uint8Array {
    // Odd INS (e.g. READ BINARY B1) carries BER-TLV data: DO85 without the padding-content indicator.
    const encrypted = this.encrypt(data);
    return (ins & 1) === 1 ? encodeTlv(0x85, encrypted) : encodeTlv(0x87, concatBytes(Uint8Array.of(1), encrypted));
  }

  private static leObject(le: number | undefined): Uint8Array {
    if (le === undefined) return new Uint8Array(0);
    if (le <= 256) return encodeTlv(0x97, Uint8Array.of(le & 0xff));
    return encodeTlv(0x97, Uint8Array.of((le >> 8) & 0xff, le & 0xff));
  }

  /** Terminal: wraps a plain command. */
  protectCommand(apdu: CommandApdu): CommandApdu {
    this.incrementSsc();
    const cla = apdu.cla | 0x0c;
    const header = padIso9797(Uint8Array.of(cla, apdu.ins, apdu.p1, apdu.p2), this.blockSize);
    const do87 = apdu.data && apdu.data.length > 0 ? this.dataObject(apdu.ins, apdu.data) : new Uint8Array(0);
    const do97 = SecureMessaging.leObject(apdu.le);
    const cc = this.mac(concatBytes(header, do87, do97));
    const data = concatBytes(do87, do97, encodeTlv(0x8e, cc));
    // Responses to large reads outgrow short Le once wrapped, so ask for an extended response then.
    const extended = data.length > 255 || (apdu.le ?? 0) > 223;
    return { cla, ins: apdu.ins, p1: apdu.p1, p2: apdu.p2, data, le: extended ? 65536 : 256 };
  }

  /**
   * Terminal: checks and unwraps a protected response. A bare error status (no data at all) is accepted as that
   * error: chips answer some errors unprotected, and such an answer was not counted by the chip, so the send
   * sequence counter does not advance for it (else every later MAC would fail). Anything carrying data, or a
   * success status, must be a complete protected response whose MAC verifies.
   */
  unprotectResponse(response: ResponseApdu): ResponseApdu {
    if (response.data.length === 0) {
      if (response.sw === 0x9000) throw new SecureMessagingError('sm_missing_object', 'protected response has no secure messaging objects');
      return response;
    }
    this.incrementSsc();
    const objects = this.parseObjects(response.data);
    const do87 = findTlv(objects, 0x87) ?? findTlv(objects, 0x85);
    const do99 = findTlv(objects, 0x99);
    const do8e = findTlv(objects, 0x8e);
    if (!do8e || !do99) throw new SecureMessagingError('sm_missing_object', `protected response lacks ${do8e ? 'DO99' : 'DO8E'}`);
    const macInput = concatBytes(do87 ? response.data.subarray(do87.offset, do87.offset + do87.length) : new Uint8Array(0), response.data.subarray(do99.offset, do99.offset + do99.length));
    if (!bytesEqual(this.mac(macInput), do8e.value)) throw new SecureMessagingError('sm_bad_mac', 'response MAC does not verify');
    if (do99.value.length !== 2) throw new SecureMessagingError('sm_bad_encoding', 'DO99 must hold a 2-byte status word');
    const status = (do99.value[0]! << 8) | do99.value[1]!;
    if (!do87) return { data: new Uint8Array(0), sw: status };
    const encrypted = do87.tag === 0x87 ? do87.value.subarray(1) : do87.value;
    return { data: this.decrypt(encrypted), sw: status };
  }

  /** Chip: checks and unwraps a protected command; throws SecureMessagingError when it must be refused. */
  unprotectCommand(apdu: CommandApdu): CommandApdu {
    this.incrementSsc();
    if ((apdu.cla & 0x0c) !== 0x0c || !apdu.data) throw new SecureMessagingError('sm_missing_object', 'command is not protected');
    const objects = this.parseObjects(apdu.data);
    const do87 = findTlv(objects, 0x87) ?? findTlv(objects, 0x85);
    const do97 = findTlv(objects, 0x97);
    const do8e = findTlv(objects, 0x8e);
    if (!do8e) throw new SecureMessagingError('sm_missing_object', 'protected command lacks DO8E');
    const header = padIso9797(Uint8Array.of(apdu.cla, apdu.ins, apdu.p1, apdu.p2), this.blockSize);
    const slice = (t: typeof do87) => (t ? apdu.data!.subarray(t.offset, t.offset + t.length) : new Uint8Array(0));
    if (!bytesEqual(this.mac(concatBytes(header, slice(do87), slice(do97))), do8e.value)) throw new SecureMessagingError('sm_bad_mac', 'command MAC does not verify');
    let le: number | undefined;
    if (do97) {
      const v = do97.value;
      le = v.length === 1 ? (v[0] === 0 ? 256 : v[0]!) : v.length === 2 ? ((v[0]! << 8) | v[1]!) || 65536 : undefined;
    }
    const data = do87 ? this.decrypt(do87.tag === 0x87 ? do87.value.subarray(1) : do87.value) : undefined;
    const cla = apdu.cla & ~0x0c;
    return { cla, ins: apdu.ins, p1: apdu.p1, p2: apdu.p2, ...(data ? { data } : {}), ...(le !== undefined ? { le } : {}) };
  }

  /** Chip: wraps a plain response. */
  protectResponse(response: ResponseApdu, oddIns = false): ResponseApdu {
    this.incrementSsc();
    const do87 = response.data.length > 0 ? this.dataObject(oddIns ? 1 : 0, response.data) : new Uint8Array(0);
    const do99 = encodeTlv(0x99, Uint8Array.of(response.sw >> 8, response.sw & 0xff));
    const cc = this.mac(concatBytes(do87, do99));
    return { data: concatBytes(do87, do99, encodeTlv(0x8e, cc)), sw: response.sw };
  }

  private parseObjects(data: Uint8Array) {
    try {
      return decodeTlv(data);
    } catch (e) {
      if (e instanceof TlvError) throw new SecureMessagingError('sm_bad_encoding', `secure messaging objects are not valid TLV: ${e.message}`);
      throw e;
    }
  }
}
