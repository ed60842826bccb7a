import fc from 'fast-check';
import { LdsError } from '../../../app/document/lds/ldsError';
import { parseCom } from '../../../app/document/lds/parseCom';
import { parseDg1 } from '../../../app/document/lds/parseDg1';
import { parseDg11 } from '../../../app/document/lds/parseDg11';
import { parseDg12 } from '../../../app/document/lds/parseDg12';
import { parseDg14 } from '../../../app/document/lds/parseDg14';
import { parseDg15 } from '../../../app/document/lds/parseDg15';
import { parseDg2 } from '../../../app/document/lds/parseDg2';
import { parseDg7 } from '../../../app/document/lds/parseDg7';
import { parseIso19794Face } from '../../../app/document/lds/parseIso19794Face';
import { parseIso39794Face } from '../../../app/document/lds/parseIso39794Face';
import { parseSecurityInfos } from '../../../app/document/lds/securityInfos';
import { decodeTlv, TlvError } from '../../../app/document/lds/tlv';
import { decodeJpeg2000, FaceImageError } from '../../../native-bridges/chip/faceImage/decodeJpeg2000.node.ts';
import { withDeclaredSize } from '../../../native-bridges/chip/faceImage/encodeJpeg2000ForTests.node.ts';
import { readJpeg2000Header } from '../../../native-bridges/chip/faceImage/jpeg2000Header';
import { MasterListError, parseMasterList } from '../../../native-bridges/chip/passive-auth/masterList.node.ts';
import { parseSod, SodError } from '../../../native-bridges/chip/passive-auth/parseSod.node.ts';
import { verifySignedData } from '../../../native-bridges/chip/passive-auth/signedDataSignature.node.ts';
import { ContractBroken, defineTarget, type FuzzTarget } from '../fuzzTarget';
import { hostileBytes, mutatedBytes } from '../hostileInputs';
import type { FuzzSeeds } from '../seeds';

const ldsTarget = (name: string, run: (bytes: Uint8Array) => unknown, seeds: readonly Uint8Array[], outerTag: number): FuzzTarget =>
  defineTarget({
  name,
  input: hostileBytes(seeds, [outerTag]),
  run,
  typedErrors: [LdsError],
  quickRuns: 300,
  });

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Chip bytes: the TLV decoder, every LDS parser, the security object, master lists, JPEG 2000 faces. */
export function chipTargets(seeds: FuzzSeeds): FuzzTarget[] {
  const dg = (n: number) => seeds.dataGroups.get(n)!;
  const allLds = [seeds.com, dg(1), dg(2), dg(102), seeds.dg7, seeds.dg11, seeds.dg12, dg(14), dg(15)];
  const original = parseSod(seeds.sod);
  return [
    defineTarget({ name: 'tlv.decodeTlv', input: hostileBytes(allLds, [0x30, 0x61, 0x7f61]), run: decodeTlv, typedErrors: [TlvError], quickRuns: 400 }),
    ldsTarget('lds.parseCom', parseCom, [seeds.com], 0x60),
    ldsTarget('lds.parseDg1', parseDg1, [dg(1)], 0x61),
    ldsTarget('lds.parseDg2', parseDg2, [dg(2), dg(102)], 0x75),
    ldsTarget('lds.parseDg7', parseDg7, [seeds.dg7], 0x67),
    ldsTarget('lds.parseDg11', parseDg11, [seeds.dg11], 0x6b),
    ldsTarget('lds.parseDg12', parseDg12, [seeds.dg12], 0x6c),
    ldsTarget('lds.parseDg14', parseDg14, [dg(14)], 0x6e),
    ldsTarget('lds.parseDg15', parseDg15, [dg(15)], 0x6f),
    ldsTarget('lds.parseSecurityInfos (EF.CardAccess)', (bytes) => parseSecurityInfos(bytes, 'EF.CardAccess'), [seeds.cardAccess], 0x31),
    ldsTarget('lds.parseIso19794Face', parseIso19794Face, [seeds.iso19794], 0x46),
    ldsTarget('lds.parseIso39794Face', parseIso39794Face, [seeds.iso39794], 0xa1),
    defineTarget({ name: 'sod.parseSod', input: hostileBytes([seeds.sod], [0x77]), run: parseSod, typedErrors: [SodError], quickRuns: 150 }),
    defineTarget({
      // The property that matters most: whatever a forger changes in the signed content, it never verifies.
      name: 'sod.mutatedNeverVerifies',
      input: mutatedBytes([seeds.sod]),
      run: (bytes) => {
        const parsed = parseSod(bytes);
        return { parsed, verification: verifySignedData(parsed.signedData, parsed.eContent, parsed.eContentType) };
      },
      typedErrors: [SodError],
      check: (value) => {
        const { parsed, verification } = value as { parsed: ReturnType<typeof parseSod>; verification: ReturnType<typeof verifySignedData> };
        if (verification.ok && !sameBytes(parsed.eContent, original.eContent)) throw new ContractBroken('a security object whose signed content was changed verified');
      },
      quickRuns: 100,
    }),
    defineTarget({
      name: 'masterList.parseMasterList',
      input: hostileBytes([seeds.masterList], [0x30]),
      run: (bytes) => parseMasterList(bytes, 'fuzz.ml', new Date('2026-06-01T00:00:00Z')),
      typedErrors: [MasterListError],
      quickRuns: 60,
    }),
    defineTarget({ name: 'jpeg2000.readHeader', input: hostileBytes([seeds.jpeg2000], [0xff4f]), run: readJpeg2000Header, typedErrors: [FaceImageError], quickRuns: 400 }),
    defineTarget({
      name: 'jpeg2000.decode',
      input: fc.oneof(
        { weight: 4, arbitrary: mutatedBytes([seeds.jpeg2000]) },
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
        // What a hostile chip declares in the SIZ marker: the decoder allocates what it says.
        { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 })).map(([w, h]) => withDeclaredSize(seeds.jpeg2000, w, h)) },
      ),
      run: decodeJpeg2000,
      typedErrors: [FaceImageError],
      quickRuns: 40,
      maxMilliseconds: 12_000,
    }),
  ];
}
