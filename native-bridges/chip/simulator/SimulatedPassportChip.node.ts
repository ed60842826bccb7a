import { randomBytes } from 'node:crypto';
import { ApduError, encodeResponseApdu, parseCommandApdu, sw } from '../apdu';
import type { CommandApdu, ResponseApdu } from '../apdu';
import { bytesEqual } from '../bytes';
import { eMrtdApplicationId, fileIds } from '../fileReader.node.ts';
import { SecureMessaging, SecureMessagingError } from '../secureMessaging.node.ts';
import { decodeTlv, encodeTlv, findTlv } from '../../../app/document/lds/tlv';
import type { AaKeyPair, CaKeyPair } from './chipSecrets.node.ts';
import { caSharedSecret, signChallenge } from './chipSecrets.node.ts';
import { ChipBac, ChipPace } from './chipAccessControl.node.ts';
import type { AccessControlStep, ChipPaceSetup } from './chipAccessControl.node.ts';
import type { MrzAccessKey } from '../../../app/document/mrz/mrzAccessKey';
import { icaoKdf, kdfCounter } from '../crypto/kdf.node.ts';
import type { SmCipher } from '../crypto/kdf.node.ts';
import { decodeOid } from '../oid';
import type { ChipDeviations } from './simulatedPassportConfig';

export interface SimulatedChipContents {
  /** Files of the eMRTD application by file id (EF.COM, EF.SOD, DGs). */
  readonly applicationFiles: ReadonlyMap<number, Uint8Array>;
  /** EF.CardAccess when the chip offers PACE. */
  readonly cardAccess?: Uint8Array;
  readonly mrz: MrzAccessKey;
  readonly pace?: ChipPaceSetup;
  readonly aaKey?: AaKeyPair;
  readonly caKey?: CaKeyPair;
  readonly caCipher: SmCipher;
  /** How this chip deviates from ICAO 9303 (none by default). */
  readonly deviations?: ChipDeviations;
}

/** ATR of a contactless card as PC/SC part 3 reports it (no historical bytes; TCK = 01). */
export const simulatedChipAtr = Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01);

const empty = new Uint8Array(0);
const status = (code: number): ResponseApdu => ({ data: empty, sw: code });

/**
 * An ICAO 9303 e-passport chip in software: an ISO 7816-4 file system with BAC, PACE (ECDH-GM), 3DES/AES
 * secure messaging, Active and Chip Authentication. It answers raw APDU bytes, so any transport (vpcd, an
 * in-process channel) can drive it.
 */
export class SimulatedPassportChip {
  private sm: SecureMessaging | undefined;
  private selectedFile: number | undefined;
  private applicationSelected = false;
  private readonly bac: ChipBac;
  private readonly pace: ChipPace | undefined;
  private caProtocol: string | undefined;
  private securedCommands = 0;

  constructor(
    private readonly contents: SimulatedChipContents,
    private readonly random: (n: number) => Uint8Array = (n) => new Uint8Array(randomBytes(n)),
  ) {
    this.bac = new ChipBac(contents.mrz, random);
    this.pace = contents.pace ? new ChipPace(contents.pace, random) : undefined;
  }

  readonly atr = simulatedChipAtr;

  /** Power cycle: all session state is lost, as when the card leaves the field. */
  reset(): void {
    this.sm = undefined;
    this.selectedFile = undefined;
    this.applicationSelected = false;
    this.caProtocol = undefined;
    this.securedCommands = 0;
    this.pace?.reset();
  }

  /** Answers one command APDU. */
  process(commandBytes: Uint8Array): Uint8Array {
    let command: CommandApdu;
    try {
      command = parseCommandApdu(commandBytes);
    } catch (e) {
      if (e instanceof ApduError) return encodeResponseApdu(status(sw.wrongLength));
      throw e;
    }
    const sm = this.sm;
    if (!sm) return encodeResponseApdu(this.apply(this.executePlain(command)));
    if ((command.cla & 0x0c) !== 0x0c) {
      // An unprotected command ends the secure session (9303-11 9.8.6).
      this.sm = undefined;
      return encodeResponseApdu(status(sw.securityStatusNotSatisfied));
    }
    let plain: CommandApdu;
    try {
      plain = sm.unprotectCommand(command);
    } catch (e) {
      if (!(e instanceof SecureMessagingError)) throw e;
      this.sm = undefined;
      return encodeResponseApdu(status(e.code === 'sm_missing_object' ? sw.smDataMissing : sw.smDataIncorrect));
    }
    const step = this.executeSecured(plain);
    const deviations = this.contents.deviations;
    const isError = step.response.data.length === 0 && step.response.sw !== sw.ok && (step.response.sw & 0xff00) !== 0x6200;
    // Such a chip answers errors bare, and counts no response for them (its send sequence counter does not move).
    if (deviations?.plainErrors && isError) return encodeResponseApdu(step.response);
    const wrapped = sm.protectResponse(step.response, (plain.ins & 1) === 1);
    if (step.establish) this.sm = step.establish;
    this.securedCommands++;
    if (deviations?.corruptMacAfter !== undefined && this.securedCommands > deviations.corruptMacAfter) {
      const data = Uint8Array.from(wrapped.data);
      data[data.length - 1]! ^= 0x01; // the last byte of DO8E
      return encodeResponseApdu({ data, sw: wrapped.sw });
    }
    return encodeResponseApdu(wrapped);
  }

  private apply(step: AccessControlStep): ResponseApdu {
    if (step.establish) this.sm = step.establish;
    return step.response;
  }

  private executePlain(cmd: CommandApdu): AccessControlStep {
    const done = (response: ResponseApdu): AccessControlStep => ({ response });
    switch (cmd.ins) {
      case 0xa4:
        return done(this.select(cmd, false));
      case 0xb0:
      case 0xb1:
        return done(this.readBinary(cmd, false));
      case 0x84:
        return this.applicationSelected ? this.bac.getChallenge() : done(status(sw.conditionsNotSatisfied));
      case 0x82:
        return this.applicationSelected ? this.bac.externalAuthenticate(cmd) : done(status(sw.conditionsNotSatisfied));
      case 0x22:
        if (!this.pace || cmd.p1 !== 0xc1 || cmd.p2 !== 0xa4) return done(status(sw.securityStatusNotSatisfied));
        return this.pace.setAuthenticationTemplate(cmd);
      case 0x86:
        return this.pace ? this.pace.generalAuthenticate(cmd) : done(status(sw.insNotSupported));
      default:
        return done(status(sw.securityStatusNotSatisfied));
    }
  }

  private executeSecured(cmd: CommandApdu): AccessControlStep {
    const done = (response: ResponseApdu): AccessControlStep => ({ response });
    switch (cmd.ins) {
      case 0xa4:
        return done(this.select(cmd, true));
      case 0xb0:
      case 0xb1:
        return done(this.readBinary(cmd, true));
      case 0x88:
        return done(this.internalAuthenticate(cmd));
      case 0x22:
        return this.chipAuthenticationSetup(cmd);
      case 0x86:
        return this.chipAuthenticationAgreement(cmd);
      default:
        return done(status(sw.insNotSupported));
    }
  }

  private select(cmd: CommandApdu, secured: boolean): ResponseApdu {
    const data = cmd.data ?? empty;
    if (cmd.p1 === 0x04) {
      if (!bytesEqual(data, eMrtdApplicationId)) return status(sw.fileNotFound);
      this.applicationSelected = true;
      this.selectedFile = undefined;
      return status(sw.ok);
    }
    if (data.length !== 2) return status(sw.wrongParameters);
    const fid = (data[0]! << 8) | data[1]!;
    if (fid === fileIds.cardAccess && this.contents.cardAccess) {
      this.selectedFile = fid;
      return status(sw.ok);
    }
    if (!this.contents.applicationFiles.has(fid) || !this.applicationSelected) return status(sw.fileNotFound);
    if (!secured) return status(sw.securityStatusNotSatisfied);
    this.selectedFile = fid;
    return status(sw.ok);
  }

  private fileBytes(fid: number | undefined, secured: boolean): Uint8Array | undefined {
    if (fid === undefined) return undefined;
    if (fid === fileIds.cardAccess) return this.contents.cardAccess;
    return secured ? this.contents.applicationFiles.get(fid) : undefined;
  }

  private readBinary(cmd: CommandApdu, secured: boolean): ResponseApdu {
    let fid = this.selectedFile;
    let offset: number;
    let maxLength = cmd.le ?? 256;
    if (cmd.ins === 0xb0) {
      if (cmd.p1 & 0x80) {
        // Short EF identifier addressing selects the file as it reads.
        const sfi = cmd.p1 & 0x1f;
        fid = sfi === 0x1c ? fileIds.cardAccess : sfi === 0x1d ? fileIds.sod : sfi === 0x1e ? fileIds.com : fileIds.dataGroup(sfi);
        offset = cmd.p2;
      } else {
        offset = ((cmd.p1 & 0x7f) << 8) | cmd.p2;
      }
    } else {
      const offsetObject = findTlv(decodeTlv(cmd.data ?? empty), 0x54);
      if (!offsetObject) return status(sw.incorrectData);
      offset = offsetObject.value.reduce((v, b) => v * 256 + b, 0);
      maxLength = Math.max(0, maxLength - 4);
    }
    const file = this.fileBytes(fid, secured);
    if (!file) return status(fid === undefined ? sw.conditionsNotSatisfied : secured ? sw.fileNotFound : sw.securityStatusNotSatisfied);
    this.selectedFile = fid;
    if (offset > file.length) return status(sw.wrongParameters);
    const deviations = this.contents.deviations;
    const remaining = file.length - offset;
    if (maxLength > remaining && deviations?.overlongLe === 'wrong_length') return status(sw.wrongLength);
    if (maxLength > remaining && deviations?.overlongLe === 'exact_length' && remaining > 0 && remaining < 256) return status(0x6c00 | remaining);
    const blockSize = deviations?.blockSize ?? Number.POSITIVE_INFINITY;
    const data = file.subarray(offset, offset + Math.min(maxLength, blockSize));
    const endReached = data.length < maxLength && offset + data.length >= file.length;
    if (cmd.ins === 0xb1) return { data: encodeTlv(0x53, data), sw: endReached ? sw.endOfFile : sw.ok };
    return { data, sw: endReached ? sw.endOfFile : sw.ok };
  }

  private internalAuthenticate(cmd: CommandApdu): ResponseApdu {
    const key = this.contents.aaKey;
    if (!key) return status(sw.insNotSupported);
    if (!cmd.data || cmd.data.length !== 8) return status(sw.wrongLength);
    return { data: signChallenge(key, cmd.data, this.random), sw: sw.ok };
  }

  private chipAuthenticationSetup(cmd: CommandApdu): AccessControlStep {
    if (!this.contents.caKey) return { response: status(sw.insNotSupported) };
    const objects = decodeTlv(cmd.data ?? empty);
    if (cmd.p1 === 0x41 && cmd.p2 === 0xa6) {
      // CA version 1 (3DES): MSE:Set KAT carries the terminal's key and switches keys at once.
      const key = findTlv(objects, 0x91);
      if (!key) return { response: status(sw.incorrectData) };
      return this.switchToCaKeys(key.value, '3DES');
    }
    if (cmd.p1 !== 0x41 || cmd.p2 !== 0xa4) return { response: status(sw.wrongParameters) };
    const oid = findTlv(objects, 0x80);
    if (!oid) return { response: status(sw.incorrectData) };
    this.caProtocol = decodeOid(oid.value);
    return { response: status(sw.ok) };
  }

  private chipAuthenticationAgreement(cmd: CommandApdu): AccessControlStep {
    if (!this.caProtocol) return { response: status(sw.conditionsNotSatisfied) };
    const outer = findTlv(decodeTlv(cmd.data ?? empty), 0x7c);
    const key = outer && findTlv(outer.children, 0x80);
    if (!key) return { response: status(sw.incorrectData) };
    this.caProtocol = undefined;
    return this.switchToCaKeys(key.value, this.contents.caCipher, encodeTlv(0x7c, empty));
  }

  private switchToCaKeys(terminalPublic: Uint8Array, cipher: SmCipher, data: Uint8Array = empty): AccessControlStep {
    let shared: Uint8Array;
    try {
      shared = caSharedSecret(this.contents.caKey!, terminalPublic);
    } catch {
      return { response: status(sw.incorrectData) };
    }
    const establish = new SecureMessaging(cipher, icaoKdf(shared, kdfCounter.enc, cipher), icaoKdf(shared, kdfCounter.mac, cipher), new Uint8Array(cipher === '3DES' ? 8 : 16));
    return { response: { data, sw: sw.ok }, establish };
  }
}
