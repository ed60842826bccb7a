import { encodeCommandApdu, parseResponseApdu, swHex } from './apdu';
import type { CommandApdu, ResponseApdu } from './apdu';
import type { CardChannel } from './cardChannel';
import { ChipReadError } from './chipReadError';
import { SecureMessagingError } from './secureMessaging.node.ts';
import type { SecureMessaging } from './secureMessaging.node.ts';

/** One conversation with a chip: sends APDUs, wrapping them in secure messaging once access control set it up. */
export class ChipSession {
  private sm: SecureMessaging | undefined;
  /** Number of APDUs exchanged, for timings and diagnostics. */
  apduCount = 0;

  constructor(private readonly channel: CardChannel) {}

  get secureMessaging(): SecureMessaging | undefined {
    return this.sm;
  }

  startSecureMessaging(sm: SecureMessaging): void {
    this.sm = sm;
  }

  endSecureMessaging(): void {
    this.sm = undefined;
  }

  /** Sends in plain (access-control steps) regardless of SM state. */
  async sendPlain(apdu: CommandApdu): Promise<ResponseApdu> {
    this.apduCount++;
    return parseResponseApdu(await this.channel.transmit(encodeCommandApdu(apdu)));
  }

  /** Sends through secure messaging when established. A broken SM session raises ChipReadError('secure_messaging'). */
  async send(apdu: CommandApdu): Promise<ResponseApdu> {
    const sm = this.sm;
    if (!sm) return this.sendPlain(apdu);
    const response = await this.sendPlain(sm.protectCommand(apdu));
    try {
      const plain = sm.unprotectResponse(response);
      if (plain.sw === 0x6987 || plain.sw === 0x6988) {
        this.sm = undefined;
        throw new ChipReadError('secure_messaging', `chip rejected secure messaging (SW ${swHex(plain.sw)}): session keys do not match`);
      }
      return plain;
    } catch (error) {
      if (error instanceof SecureMessagingError) {
        this.sm = undefined;
        throw new ChipReadError('secure_messaging', `secure messaging failed: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }
}
