import { resolve } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '../../../testSupport/datasets';
import { addChipVerifyCommand, runChipVerify } from './chipVerify';

const { path: emrtd, present } = dataset(import.meta.url, 'emrtd', 'chip verify of real SODs and the BSI set');
const now = new Date('2026-11-23T00:00:00Z');
const bsi = (f: string) => resolve(emrtd, 'bsi_tr03105_5_reference_dataset', f);

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe.skipIf(!present)('chip verify', () => {
  it('passes a real SOD against the German master list (JSON)', () => {
    const outcome = runChipVerify({ sod: resolve(emrtd, 'real_passport_sods/DE/EF_SOD.bin'), trust: [resolve(emrtd, 'master_lists_and_csca/DE_ML_2026-05-28-08-28-45.ml')], json: true }, now);
    expect(outcome.exitCode).toBe(0);
    const json = JSON.parse(outcome.output) as { verdict: string; checks: { check: string; status: string; detail?: Record<string, unknown> }[] };
    expect(json.verdict).toBe('verified');
    expect(json.checks.find((c) => c.check === 'csca_chain')).toMatchObject({ status: 'passed', detail: { csca: 'C=DE, O=bund, OU=bsi, CN=csca-germany' } });
  });

  it('exits 1 when a data group was altered (3 while intact: no CSCA for the BSI set is available)', () => {
    const ok = runChipVerify({ sod: bsi('EF_SOD.bin'), dg: [`1=${bsi('Datagroup1.bin')}`, `2=${bsi('Datagroup2.bin')}`], at: '2014-06-01' }, now);
    expect(ok.exitCode).toBe(3);
    expect(ok.output).toMatch(/NOT VERIFIABLE \(Chip data signed by an untrusted signer: no CSCA for D/);
    const bad = runChipVerify({ sod: bsi('EF_SOD.bin'), dg: [`1=${bsi('Datagroup2.bin')}`], at: '2014-06-01' }, now);
    expect(bad.exitCode).toBe(1);
    expect(bad.output).toMatch(/FAILED\s+dg_hash DG1\s+DG1 does not match/);
  });

  it('runs through commander and sets the exit code', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const program = new Command('booth').exitOverride();
    const chip = program.command('chip');
    addChipVerifyCommand(chip);
    await program.parseAsync(['chip', 'verify', '--sod', bsi('EF_SOD.bin'), '--dg', `1=${bsi('Datagroup1.bin')}`, '--at', '2014-06-01', '--json'], { from: 'user' });
    expect(process.exitCode).toBe(3);
    const printed = JSON.parse(String(log.mock.calls[0]![0])) as { verdict: string; checks: { check: string; status: string }[] };
    expect(printed.verdict).toBe('not_verifiable');
    expect(printed.checks.find((c) => c.check === 'csca_chain')!.status).toBe('not_possible');
  });
});

describe('chip verify input errors', () => {
  it('rejects malformed arguments with exit code 2 and names them', () => {
    expect(runChipVerify({ sod: 'x', dg: ['DG1.bin'] }, now)).toMatchObject({ exitCode: 2, output: expect.stringMatching(/--dg.*N=FILE/) });
    expect(runChipVerify({ sod: 'x', at: '2026-13-45' }, now)).toMatchObject({ exitCode: 2, output: expect.stringMatching(/--at/) });
    expect(runChipVerify({ sod: '/nonexistent/EF_SOD.bin', json: true }, now)).toMatchObject({ exitCode: 2, output: expect.stringMatching(/cannot read SOD/) });
    expect(runChipVerify({ sod: import.meta.filename, trust: [import.meta.filename] }, now)).toMatchObject({ exitCode: 2, output: expect.stringMatching(/trust file .*chipVerify.test.ts is neither a certificate, a master list nor a CRL/) });
  });
});
