import type { CommandApdu, ResponseApdu } from '../apdu';
import { sw } from '../apdu';
import { bacKeySeed, bacKeysFromSeed, bacSessionFromKeyMaterial } from '../bac.node.ts';
import { bigintToBytes, bytesEqual, bytesToBigint, concatBytes } from '../bytes';
import { aesCbcEncrypt } from '../crypto/aes.node.ts';
import { decodePoint, encodePoint, generator, multiply, randomScalar } from '../crypto/ellipticCurve.node.ts';
import type { CurveParams, Point } from '../crypto/ellipticCurve.node.ts';
import { icaoKdf, kdfCounter } from '../crypto/kdf.node.ts';
import type { SmCipher } from '../crypto/kdf.node.ts';
import { retailMac, tdesDecrypt, tdesEncrypt } from '../crypto/tripleDes.node.ts';
import type { MrzAccessKey } from '../../../app/document/mrz/mrzAccessKey';
import { decodeOid } from '../oid';
import { mapGenerator, pacePasswordBytes, paceSessionKeys, paceToken } from '../pace.node.ts';
import type { PacePassword } from '../pace.node.ts';
import { SecureMessaging } from '../secureMessaging.node.ts';
import { decodeTlv, encodeTlv, findTlv } from '../../../app/document/lds/tlv';
import { assertNever } from '../../../app/shared/assertNever';

/** The chip side of BAC and PACE: each handler answers one command and may hand back new SM keys. */

export interface AccessControlStep {
  readonly response: ResponseApdu;
  /** Secure messaging to start after this (plain) response is sent. */
  readonly establish?: SecureMessaging;
}

const fail = (status: number): AccessControlStep => ({ response: { data: new Uint8Array(0), sw: status } });
const ok = (data: Uint8Array): AccessControlStep => ({ response: { data, sw: sw.ok } });

export class ChipBac {
  private rndIcc: Uint8Array | undefined;

  constructor(
    private readonly mrz: MrzAccessKey,
    private readonly random: (n: number) => Uint8Array,
  ) {}

  getChallenge(): AccessControlStep {
    this.rndIcc = this.random(8);
    return ok(this.rndIcc);
  }

  externalAuthenticate(cmd: CommandApdu): AccessControlStep {
    const rndIcc = this.rndIcc;
    this.rndIcc = undefined;
    if (!rndIcc) return fail(sw.conditionsNotSatisfied);
    if (!cmd.data || cmd.data.length !== 40) return fail(sw.wrongLength);
    const keys = bacKeysFromSeed(bacKeySeed(this.mrz));
    const eIfd = cmd.data.subarray(0, 32);
    if (!bytesEqual(retailMac(keys.kMac, eIfd), cmd.data.subarray(32))) return fail(sw.authenticationFailed);
    const s = tdesDecrypt(keys.kEnc, eIfd);
    if (!bytesEqual(s.subarray(8, 16), rndIcc)) return fail(sw.authenticationFailed);
    const rndIfd = s.subarray(0, 8);
    const kIfd = s.subarray(16, 32);
    const kIcc = this.random(16);
    const eIcc = tdesEncrypt(keys.kEnc, concatBytes(rndIcc, rndIfd, kIcc));
    return { response: { data: concatBytes(eIcc, retailMac(keys.kMac, eIcc)), sw: sw.ok }, establish: bacSessionFromKeyMaterial(kIfd, kIcc, rndIcc, rndIfd) };
  }
}

export interface ChipPaceSetup {
  readonly protocol: string;
  readonly parameterId: number;
  readonly curve: CurveParams;
  readonly cipher: SmCipher;
  readonly mrz: MrzAccessKey;
  readonly can: string;
}

type PaceState =
  | { readonly step: 'idle' }
  | { readonly step: 'nonce'; readonly password: PacePassword }
  | { readonly step: 'mapping'; readonly nonce: bigint }
  | { readonly step: 'agreement'; readonly mappedG: Point }
  | { readonly step: 'tokens'; readonly ephemeralPublic: Uint8Array; readonly terminalPublic: Uint8Array; readonly ksEnc: Uint8Array; readonly ksMac: Uint8Array };

export class ChipPace {
  private state: PaceState = { step: 'idle' };

  constructor(
    private readonly setup: ChipPaceSetup,
    private readonly random: (n: number) => Uint8Array,
  ) {}

  reset(): void {
    this.state = { step: 'idle' };
  }

  setAuthenticationTemplate(cmd: CommandApdu): AccessControlStep {
    this.state = { step: 'idle' };
    const objects = decodeTlv(cmd.data ?? new Uint8Array(0));
    const oid = findTlv(objects, 0x80);
    const ref = findTlv(objects, 0x83);
    const param = findTlv(objects, 0x84);
    if (!oid || decodeOid(oid.value) !== this.setup.protocol) return fail(sw.incorrectData);
    if (param && param.value[0] !== this.setup.parameterId) return fail(sw.incorrectData);
    const passwordRef = ref?.value[0];
    if (passwordRef !== 1 && passwordRef !== 2) return fail(sw.incorrectData);
    const password: PacePassword = passwordRef === 1 ? { kind: 'mrz', key: this.setup.mrz } : { kind: 'can', can: this.setup.can };
    this.state = { step: 'nonce', password };
    return ok(new Uint8Array(0));
  }

  generalAuthenticate(cmd: CommandApdu): AccessControlStep {
    const { curve, cipher, protocol } = this.setup;
    const outer = findTlv(decodeTlv(cmd.data ?? new Uint8Array(0)), 0x7c);
    if (!outer) return fail(sw.incorrectData);
    const state = this.state;
    switch (state.step) {
      case 'idle':
        return fail(sw.conditionsNotSatisfied);
      case 'nonce': {
        const nonce = this.random(16);
        const kPi = icaoKdf(pacePasswordBytes(state.password), kdfCounter.pace, cipher);
        this.state = { step: 'mapping', nonce: bytesToBigint(nonce) };
        return ok(encodeTlv(0x7c, encodeTlv(0x80, aesCbcEncrypt(kPi, nonce))));
      }
      case 'mapping': {
        const terminal = findTlv(outer.children, 0x81);
        if (!terminal) return fail(sw.incorrectData);
        const key = randomScalar(curve, this.random);
        const h = multiply(curve, decodePoint(curve, terminal.value), key);
        if (!h) return fail(sw.incorrectData);
        this.state = { step: 'agreement', mappedG: mapGenerator(curve, state.nonce, h) };
        return ok(encodeTlv(0x7c, encodeTlv(0x82, encodePoint(curve, multiply(curve, generator(curve), key)!))));
      }
      case 'agreement': {
        const terminal = findTlv(outer.children, 0x83);
        if (!terminal) return fail(sw.incorrectData);
        const key = randomScalar(curve, this.random);
        const ephemeralPublic = encodePoint(curve, multiply(curve, state.mappedG, key)!);
        const secret = multiply(curve, decodePoint(curve, terminal.value), key);
        if (!secret || bytesEqual(terminal.value, ephemeralPublic)) return fail(sw.incorrectData);
        const keys = paceSessionKeys(bigintToBytes(secret.x, curve.size), cipher);
        this.state = { step: 'tokens', ephemeralPublic, terminalPublic: Uint8Array.from(terminal.value), ...keys };
        return ok(encodeTlv(0x7c, encodeTlv(0x84, ephemeralPublic)));
      }
      case 'tokens': {
        this.state = { step: 'idle' };
        const token = findTlv(outer.children, 0x85);
        // A wrong password gives different keys, so the terminal's token does not verify here.
        if (!token || !bytesEqual(token.value, paceToken(state.ksMac, protocol, state.ephemeralPublic))) return fail(sw.authenticationFailed);
        return {
          response: { data: encodeTlv(0x7c, encodeTlv(0x86, paceToken(state.ksMac, protocol, state.terminalPublic))), sw: sw.ok },
          establish: new SecureMessaging(cipher, state.ksEnc, state.ksMac, new Uint8Array(16)),
        };
      }
      default:
        return assertNever(state, 'PACE state');
    }
  }
}
