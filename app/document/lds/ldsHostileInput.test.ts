import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { inputLimits } from '../../shared/inputLimits';
import { LdsError } from './ldsError';
import { parseCom } from './parseCom';
import { parseDg1 } from './parseDg1';
import { parseDg11 } from './parseDg11';
import { parseDg12 } from './parseDg12';
import { parseDg14 } from './parseDg14';
import { parseDg15 } from './parseDg15';
import { parseDg2 } from './parseDg2';
import { parseDg7 } from './parseDg7';
import { parseIso39794Face } from './parseIso39794Face';
import { parseSecurityInfos } from './securityInfos';
import { decodeTlv, encodeConstructedTlv, encodeTlv, TlvError } from './tlv';

/** `levels` constructed TLVs (SEQUENCE, 0x30) inside one another around an empty one: 6 bytes a level at 4,000. */
function nested(levels: number): Uint8Array {
  let inner = encodeTlv(0x30, new Uint8Array(0));
  for (let i = 1; i < levels; i++) inner = encodeTlv(0x30, inner);
  return inner;
}

function thrown(parse: () => unknown): unknown {
  try {
    parse();
  } catch (error) {
    return error;
  }
  return undefined;
}

const bomb = nested(4000);
const longText = new Uint8Array(200 * 1024).fill(0x41);

/** Regression tests of issue #19 findings 2 to 4, each on an input this test makes. */
describe('LDS parsers under hostile chip data', () => {
  it('refuses TLVs nested 4,000 deep with a TlvError, not a stack overflow', () => {
    expect(bomb.length).toBeGreaterThan(10_000);
    const error = thrown(() => decodeTlv(bomb));
    expect(error).toBeInstanceOf(TlvError);
    expect((error as TlvError).code).toBe('too_deep');
    expect((error as TlvError).message).toContain(`more than ${inputLimits.tlv.maxDepth} levels`);
  });

  it.each([
    ['EF.COM', 0x60, parseCom],
    ['DG1', 0x61, parseDg1],
    ['DG2', 0x75, parseDg2],
    ['DG7', 0x67, parseDg7],
    ['DG11', 0x6b, parseDg11],
    ['DG12', 0x6c, parseDg12],
    ['DG14', 0x6e, parseDg14],
    ['DG15', 0x6f, parseDg15],
  ] as const)('%s with a nesting bomb inside fails with an LdsError', (file, tag, parse) => {
    const error = thrown(() => parse(encodeTlv(tag, bomb)));
    expect(error).toBeInstanceOf(LdsError);
    expect((error as LdsError).file).toBe(file);
  });

  it('an ISO 39794-5 face block with a nesting bomb fails with an LdsError', () => {
    expect(thrown(() => parseIso39794Face(encodeTlv(0xa1, bomb)))).toBeInstanceOf(LdsError);
  });

  it('refuses a TLV declaring more value bytes than the limit before reading on', () => {
    const declared = Uint8Array.of(0x61, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x00);
    const error = thrown(() => decodeTlv(declared));
    expect(error).toBeInstanceOf(TlvError);
    expect((error as TlvError).code).toBe('too_large');
  });

  it.each([
    ['DG1 MRZ', () => parseDg1(encodeTlv(0x61, encodeTlv(0x5f1f, longText)))],
    ['DG11 full name', () => parseDg11(encodeTlv(0x6b, encodeTlv(0x5f0e, longText)))],
    ['EF.COM LDS version', () => parseCom(encodeConstructedTlv(0x60, [encodeTlv(0x5f01, longText), encodeTlv(0x5f36, longText), encodeTlv(0x5c, Uint8Array.of(0x61))]))],
  ])('a 200 KB text element in %s is refused with an LdsError naming the limit', (_what, parse) => {
    const error = thrown(parse);
    expect(error).toBeInstanceOf(LdsError);
    expect((error as LdsError).message).toContain(`over the ${inputLimits.lds.maxTextElementBytes}-byte limit`);
  });

  it('a text element just under the limit still decodes (UTF-8, built without spreading)', () => {
    const name = 'É'.repeat(inputLimits.lds.maxTextElementBytes / 2);
    expect(parseDg11(encodeTlv(0x6b, encodeTlv(0x5f0e, new TextEncoder().encode(name)))).fullName).toBe(name);
  });

  it('a malformed GeneralizedTime in a SecurityInfo becomes an LdsError keeping asn1js as its cause (DG14, EF.CardAccess)', () => {
    const oid = new Uint8Array(new asn1js.ObjectIdentifier({ value: '0.4.0.127.0.7.2.2.3.2.2' }).toBER());
    const set = encodeConstructedTlv(0x31, [encodeConstructedTlv(0x30, [oid, encodeTlv(0x18, new TextEncoder().encode('2024XX01'))])]);
    for (const parse of [() => parseDg14(encodeTlv(0x6e, set)), () => parseSecurityInfos(set, 'EF.CardAccess')]) {
      const error = thrown(parse);
      expect(error).toBeInstanceOf(LdsError);
      expect((error as LdsError).cause).toBeInstanceOf(Error);
      expect((error as LdsError).message).toContain('Wrong input string for conversion');
    }
  });
});
