import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeOneTlv, decodeTlv, encodeConstructedTlv, encodeTlv, findTlv, requireTlv, TlvError, tlvTotalLength } from './tlv';

const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof TlvError) return e.code;
    throw e;
  }
  return undefined;
}

describe('decodeTlv', () => {
  it('decodes an EF.COM with multi-byte tags and nested children', () => {
    // EF.COM: 60 { 5F01 "0107", 5F36 "040000", 5C [61 75 63 76] }
    const com = hex('60165F0104303130375F36063034303030305C0461756376');
    const [top] = decodeTlv(com);
    expect(top!.tag).toBe(0x60);
    expect(top!.constructed).toBe(true);
    expect(top!.children.map((c) => c.tag)).toEqual([0x5f01, 0x5f36, 0x5c]);
    expect(toHex(findTlv([top!], 0x5c)!.value)).toBe('61756376');
    expect(findTlv([top!], 0x5c)!.offset).toBe(18);
  });

  it('decodes long-form lengths (81, 82, 83)', () => {
    for (const n of [0x80, 0xff, 0x100, 0x1234, 0x10000]) {
      const value = new Uint8Array(n).fill(7);
      const encoded = encodeTlv(0x04, value);
      const one = decodeOneTlv(encoded);
      expect(one.value.length).toBe(n);
      expect(one.length).toBe(encoded.length);
      expect(tlvTotalLength(encoded.subarray(0, 6))).toBe(encoded.length);
    }
  });

  it('decodes the 7F49 public key template of the PACE G.1 example', () => {
    const t = hex('7F494F060A04007F000702020402028641049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094');
    const [key] = decodeTlv(t);
    expect(key!.tag).toBe(0x7f49);
    expect(key!.children.map((c) => c.tag)).toEqual([0x06, 0x86]);
    expect(requireTlv([key!], 0x86).value.length).toBe(65);
  });

  it('skips 00/FF padding between TLVs', () => {
    expect(decodeTlv(hex('0000010102FFFF')).map((t) => t.tag)).toEqual([0x01]);
  });

  it('rejects malformed input with typed errors', () => {
    expect(errorCode(() => decodeTlv(hex('5F')))).toBe('truncated');
    expect(errorCode(() => decodeTlv(hex('04')))).toBe('truncated');
    expect(errorCode(() => decodeTlv(hex('0405010203')))).toBe('truncated');
    expect(errorCode(() => decodeTlv(hex('048201')))).toBe('truncated');
    expect(errorCode(() => decodeTlv(hex('0480')))).toBe('bad_length');
    expect(errorCode(() => decodeTlv(hex('0485000000000001')))).toBe('bad_length');
    expect(errorCode(() => decodeTlv(hex('5F8181818101')))).toBe('bad_tag');
    // Constructed TLV whose child overruns its parent: error offset is relative to the whole input.
    const e = (() => {
      try {
        decodeTlv(hex('6103040501'));
      } catch (err) {
        return err as TlvError;
      }
      return undefined;
    })();
    expect(e?.code).toBe('truncated');
    expect(e?.offset).toBe(4);
    expect(errorCode(() => requireTlv([], 0x77))).toBe('missing_tag');
    expect(errorCode(() => encodeTlv(0x1f, new Uint8Array()))).toBe('bad_argument');
  });

  it('never throws anything but TlvError and never reads past the input (random bytes)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          const tlvs = decodeTlv(bytes);
          for (const t of tlvs) expect(t.offset + t.length).toBeLessThanOrEqual(bytes.length);
        } catch (e) {
          expect(e).toBeInstanceOf(TlvError);
        }
      }),
    );
  });

  it('round-trips encode/decode for primitive and constructed TLVs', () => {
    const tags = fc.constantFrom(0x04, 0x5f1f, 0x5f0e, 0x86, 0x9f8101);
    fc.assert(
      fc.property(tags, fc.uint8Array({ maxLength: 300 }), (tag, value) => {
        const [t] = decodeTlv(encodeTlv(tag, value));
        expect(t!.tag).toBe(tag);
        expect(toHex(t!.value)).toBe(toHex(value));
      }),
    );
    const nested = encodeConstructedTlv(0x7f61, [encodeTlv(0x02, Uint8Array.of(1)), encodeConstructedTlv(0x7f60, [encodeTlv(0x5f2e, hex('0102'))])]);
    expect(toHex(findTlv(decodeTlv(nested), 0x5f2e)!.value)).toBe('0102');
  });
});
