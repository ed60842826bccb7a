import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessKeyFromMrzLines } from '../../../app/document/mrz/mrzAccessKey';
import { defaultChipPolicy } from '../../../app/inspection/chipPolicy';
import type { ChipReadResult } from '../../../app/ports/ChipReaderPort';
import { inspectChipRead } from '../inspectChipRead.node.ts';
import { TrustAnchor } from '../passive-auth/trustAnchor.node.ts';
import type { TrustStore } from '../passive-auth/trustStore.node.ts';
import { ensurePcscd } from '../pcsc/ensurePcscd.node.ts';
import { PcscChipReader } from '../pcsc/PcscChipReader.node.ts';
import { deviationCases, deviationConfig, deviationMrz } from './chipDeviations';
import { SimulatedChipReader } from './SimulatedChipReader.node.ts';
import { SimulatorProcess } from './SimulatorProcess.node.ts';
import { createTestPkiSodSigner, type TestPkiSodSigner } from './testPkiSodSigner.node.ts';

// The conformance suite: every deviation of deployed chips is read completely and verified, in process and
// through pcscd + vpcd (vpcd's second slot, "Virtual PCD 00 01", beside the PcscChipReader suite on the first).

const key = accessKeyFromMrzLines(deviationMrz);
const at = new Date();
const trustOf = (cscaDer: Uint8Array): TrustStore => ({ anchors: [new TrustAnchor(cscaDer, 'test CSCA')], checks: [], crls: [], files: [] });

function expectReadAndVerified(result: ChipReadResult, issued: ReadonlyMap<number, Uint8Array>, cscaDer: Uint8Array) {
  for (const dg of [1, 2]) expect(Buffer.from(result.dataGroups.get(dg) ?? []).toString('hex'), `DG${dg}`).toBe(Buffer.from(issued.get(dg)!).toString('hex'));
  const inspection = inspectChipRead(result, { opticalMrz: [...deviationMrz], trust: trustOf(cscaDer), at, policy: defaultChipPolicy });
  expect(inspection.checks.filter((c) => c.status === 'failed')).toEqual([]);
  expect(inspection.verdict, inspection.verdictReason).toBe('verified');
  expect(inspection.face?.mimeType).toBe('image/jpeg');
}

describe('chip deviations, in process', () => {
  let signer: TestPkiSodSigner;
  beforeAll(async () => {
    signer = await createTestPkiSodSigner(at);
  });

  it.each(deviationCases)('$name', async (c) => {
    const reader = new SimulatedChipReader({ now: () => at }, (dataGroups, which) => signer.buildSod(dataGroups, which));
    reader.setConnected(true);
    const passport = await reader.placePassport(deviationConfig(c));
    expectReadAndVerified(await reader.readPassport({ mrz: key }), passport.issuedDataGroups, signer.cscaDer);
  });

  it('protected responses are always MAC-checked: a corrupted MAC is a typed secure_messaging error', async () => {
    const reader = new SimulatedChipReader({ now: () => at }, (dataGroups, which) => signer.buildSod(dataGroups, which));
    reader.setConnected(true);
    await reader.placePassport({ mrz: [...deviationMrz], accessControl: 'BAC', deviations: { corruptMacAfter: 3 } });
    await expect(reader.readPassport({ mrz: key })).rejects.toMatchObject({ name: 'ChipReadError', code: 'secure_messaging', message: expect.stringMatching(/MAC does not verify/) });
  });
});

const pcscd = await ensurePcscd();
if (!pcscd.ok) console.warn(`[skip] chip deviations through pcscd + vpcd: ${pcscd.reason}`);

describe.skipIf(!pcscd.ok)('chip deviations through pcscd + vpcd', () => {
  const readerName = 'Virtual PCD 00 01';
  const chipReader = new PcscChipReader({ defaultReader: readerName, cardWaitMs: 5000, transmitTimeoutMs: 3000 });
  beforeAll(async () => chipReader.start());
  afterAll(async () => chipReader.stop());

  it.each(deviationCases)('$name', { timeout: 30_000 }, async (c) => {
    const simulator = await SimulatorProcess.start(deviationConfig(c), { port: 35964, signWithTestPki: true });
    try {
      expectReadAndVerified(await chipReader.readPassport({ mrz: key }), simulator.issuedDataGroups, simulator.cscaDer!);
    } finally {
      await simulator.stop();
    }
  });
});
