import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensurePcscd } from '../../../native-bridges/chip/pcsc/ensurePcscd.node.ts';
import { SimulatorProcess } from '../../../native-bridges/chip/simulator/SimulatorProcess.node.ts';
import { runChipRead } from './chip';

// `booth chip read` end to end on vpcd's second slot ("Virtual PCD 00 01", port 35964), so it can run
// beside the PcscChipReader suite that uses the first slot.

const pcscd = await ensurePcscd();
if (!pcscd.ok) console.warn(`[skip] chip read CLI test: ${pcscd.reason}`);
const erika = ['I<D<<T220001293<<<<<<<<<<<<<<<', '6408125F3110315D<<<<<<<<<<<<<2', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<'];

describe.skipIf(!pcscd.ok)('booth chip read', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'booth-chip-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function readWith(config: Parameters<typeof SimulatorProcess.start>[0], mrz = erika): Promise<{ code: number; json: Record<string, unknown> }> {
    const simulator = await SimulatorProcess.start(config, { port: 35964, signWithTestPki: true });
    try {
      const csca = path.join(dir, 'csca.der');
      writeFileSync(csca, simulator.cscaDer!);
      let out = '';
      const code = await runChipRead({ reader: 'Virtual PCD 00 01', mrz, trust: [csca], photoDir: dir, json: true }, new Date(), (t) => (out += t));
      return { code, json: JSON.parse(out) };
    } finally {
      await simulator.stop();
    }
  }

  it('reads a genuine simulated passport with every check passed and saves the photo', async () => {
    const { code, json } = await readWith({ mrz: erika });
    expect(code).toBe(0);
    expect(json.verdict).toBe('verified');
    const checks = json.checks as { check: string; status: string }[];
    for (const name of ['access_control', 'sod_signature', 'csca_chain', 'active_authentication', 'chip_authentication', 'dg1_vs_mrz']) {
      expect(checks.find((c) => c.check === name)?.status, name).toBe('passed');
    }
    expect(checks.filter((c) => c.check === 'dg_hash').every((c) => c.status === 'passed')).toBe(true);
    expect(readFileSync(json.photo as string).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('shows the altered data group and the clone as failed checks (exit 1)', async () => {
    const { code, json } = await readWith({ mrz: erika, accessControl: 'BAC', faults: { alteredDataGroups: [2], clone: true } });
    expect(code).toBe(1);
    expect(json.verdict).toBe('failed');
    const checks = json.checks as { check: string; status: string; dg?: number }[];
    expect(checks.find((c) => c.check === 'dg_hash' && c.dg === 2)?.status).toBe('failed');
    expect(checks.find((c) => c.check === 'active_authentication')?.status).toBe('failed');
    expect(checks.find((c) => c.check === 'chip_authentication')?.status).toBe('failed');
  });

  it('a wrong MRZ exits 4 (chip not read) with access_denied', async () => {
    const wrong = [erika[0]!.replace('T22000129', 'T22000128'), erika[1]!, erika[2]!];
    const simulator = await SimulatorProcess.start({ mrz: erika }, { port: 35964 });
    try {
      let out = '';
      const code = await runChipRead({ reader: 'Virtual PCD 00 01', mrz: wrong, json: true }, new Date(), (t) => (out += t));
      expect(code).toBe(4);
      expect(JSON.parse(out).error.code).toBe('access_denied');
    } finally {
      await simulator.stop();
    }
  });

  it('rejects missing access data as invalid input (exit 2)', async () => {
    let out = '';
    expect(await runChipRead({ json: true }, new Date(), (t) => (out += t))).toBe(2);
    expect(out).toMatch(/--mrz/);
  });
});
