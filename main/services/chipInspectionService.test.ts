import { beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedChipFaults } from '../../app/host/simulatorControls';
import { defaultChipPolicy } from '../../app/inspection/chipPolicy';
import { sequentialIds } from '../../app/ports/Ids';
import type { DocumentRead } from '../../app/ports/documentRead';
import { TrustAnchor } from '../../native-bridges/chip/passive-auth/trustAnchor.node.ts';
import type { TrustStore } from '../../native-bridges/chip/passive-auth/trustStore.node.ts';
import { SimulatedChipReader } from '../../native-bridges/chip/simulator/SimulatedChipReader.node.ts';
import { createTestPkiSodSigner, type TestPkiSodSigner } from '../../native-bridges/chip/simulator/testPkiSodSigner.node.ts';
import { createChipInspectionService } from './chipInspectionService';

// The booth's chip verdict end to end in process: the simulated chip (with the trainer's faults), the same reading
// code as PC/SC, Passive Authentication against the booth's trust store, and the report the lane shows.

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
const mrz = ['P<NZLERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36NZL7408122F3404159ZE184226B<<<<<10'];
const read: DocumentRead = { readId: 'read-1', readerId: 'sim', source: 'simulated', readAt: clock.now().toISOString(), mrz };

let signer: TestPkiSodSigner;
beforeAll(async () => {
  signer = await createTestPkiSodSigner(clock.now());
}, 60_000);

async function inspect(faults: Partial<SimulatedChipFaults>, trust: () => TrustStore, policy = defaultChipPolicy) {
  const chipReader = new SimulatedChipReader(clock, (dataGroups, which) => signer.buildSod(dataGroups, which));
  chipReader.setConnected(true);
  await chipReader.placePassport({ mrz, accessControl: 'BAC', activeAuthentication: 'none', chipAuthentication: false, faults });
  const service = createChipInspectionService({ chipReader, trust: async () => trust(), clock, ids: sequentialIds(), policy });
  return service.inspect(read);
}
const testCsca = (): TrustStore => ({ anchors: [new TrustAnchor(signer.cscaDer, 'test CSCA')], checks: [], crls: [], files: [] });
const emptyTrust = (): TrustStore => ({ anchors: [], checks: [], crls: [], files: [] });

describe('chip inspection verdicts', () => {
  it('a genuine chip signed by a trusted CSCA is verified', { timeout: 30_000 }, async () => {
    expect(await inspect({}, testCsca)).toMatchObject({ outcome: 'read', verdict: 'verified' });
  });

  it('sod: untrusted (re-signed by a Document Signer outside the trust list) is not verifiable, naming the state', { timeout: 30_000 }, async () => {
    const report = await inspect({ sod: 'untrusted' }, testCsca);
    expect(report.verdict).toBe('not_verifiable');
    expect(report.verdictReason).toBe('Chip data signed by an untrusted signer: no CSCA for NZL in the trust list');
    expect(report.checks.find((c) => c.check === 'sod_signature')?.status).toBe('passed');
  });

  it('altered data under an untrusted signer fails: the SOD was signed over the genuine data', { timeout: 30_000 }, async () => {
    // The altered DG no longer matches the SOD signed over the genuine data: failed wins over not verifiable.
    expect((await inspect({ sod: 'untrusted', alteredDataGroups: [1] }, testCsca)).verdict).toBe('failed');
  });

  it('a hardware booth with an empty trust list verifies nothing', { timeout: 30_000 }, async () => {
    const report = await inspect({}, emptyTrust);
    expect(report.verdict).toBe('not_verifiable');
    expect(report.verdictReason).toBe('Chip data signed by an untrusted signer: no CSCA for NZL in the trust list');
  });

  it('a forged SOD or a missing one fails', { timeout: 30_000 }, async () => {
    expect((await inspect({ sod: 'forged' }, testCsca)).verdict).toBe('failed');
    expect((await inspect({ sod: 'missing' }, testCsca)).verdict).toBe('failed');
  });

  it('a Document Signer outside the trust list is not verifiable (how it is referred is the inspection policy\'s: chipVerdictRules.test.ts)', { timeout: 30_000 }, async () => {
    const report = await inspect({ sod: 'untrusted' }, testCsca);
    expect(report).toMatchObject({ verdict: 'not_verifiable' });
    expect(report).not.toHaveProperty('notVerifiableSeverity');
  });
});
