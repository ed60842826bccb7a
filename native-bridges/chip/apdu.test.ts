import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeCommandApdu, parseCommandApdu } from './apdu';
import { bytesToHex } from './bytes';
import { SecureMessaging } from './secureMessaging.node.ts';

describe('command APDU encoding', () => {
  it('uses short and extended forms as ISO 7816-3 requires', () => {
    expect(bytesToHex(encodeCommandApdu({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 8 }))).toBe('0084000008');
    expect(bytesToHex(encodeCommandApdu({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 }))).toBe('00B0000000');
    expect(bytesToHex(encodeCommandApdu({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 65536 }))).toBe('00B00000000000');
    expect(bytesToHex(encodeCommandApdu({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 4000 }))).toBe('00B00000000FA0');
    expect(bytesToHex(encodeCommandApdu({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: new Uint8Array(300), le: 256 })).slice(0, 14)).toBe('0088000000012C');
  });

  it('round-trips every case through parseCommandApdu', () => {
    fc.assert(
      fc.property(fc.option(fc.uint8Array({ minLength: 1, maxLength: 400 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 65536 }), { nil: undefined }), (data, le) => {
        const apdu = { cla: 0, ins: 0xb0, p1: 1, p2: 2, ...(data ? { data } : {}), ...(le !== undefined ? { le } : {}) };
        const parsed = parseCommandApdu(encodeCommandApdu(apdu));
        expect(parsed.le).toBe(le);
        expect(parsed.data ? bytesToHex(parsed.data) : undefined).toBe(data ? bytesToHex(data) : undefined);
      }),
    );
  });
});

describe('AES secure messaging (both roles)', () => {
  for (const cipher of ['AES-128', 'AES-192', 'AES-256'] as const) {
    it(`${cipher}: a protected command and response round-trip, odd INS uses DO85, and tampering is rejected`, () => {
      const size = { 'AES-128': 16, 'AES-192': 24, 'AES-256': 32 }[cipher];
      const key = (b: number) => new Uint8Array(size).fill(b);
      const terminal = new SecureMessaging(cipher, key(1), key(2), new Uint8Array(16));
      const chip = new SecureMessaging(cipher, key(1), key(2), new Uint8Array(16));
      const wrapped = terminal.protectCommand({ cla: 0, ins: 0xb1, p1: 0, p2: 0, data: Uint8Array.of(0x54, 3, 1, 0, 0), le: 1000 });
      expect(wrapped.data![0]).toBe(0x85);
      expect(wrapped.le).toBe(65536);
      const plain = chip.unprotectCommand(parseCommandApdu(encodeCommandApdu(wrapped)));
      expect(bytesToHex(plain.data!)).toBe('5403010000');
      expect(plain.le).toBe(1000);
      const response = chip.protectResponse({ data: new Uint8Array(1000).fill(7), sw: 0x9000 }, true);
      expect(terminal.unprotectResponse(response).data.length).toBe(1000);
      const next = chip.protectResponse({ data: Uint8Array.of(1, 2, 3), sw: 0x9000 });
      next.data[5] = next.data[5]! ^ 1;
      terminal.protectCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 3 });
      expect(() => terminal.unprotectResponse(next)).toThrow(/MAC/);
    });
  }
});
