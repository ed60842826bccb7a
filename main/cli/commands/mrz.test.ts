import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { specimenPassport, td3Lines } from '../../../app/document/mrz/testSupport/buildMrzLines';
import { runMrzParse } from './mrz';
import { dataset } from '../../../testSupport/datasets';

const valid = td3Lines(specimenPassport);
const invalid = [valid[0], valid[1].slice(0, 19) + String((Number(valid[1][19]) + 1) % 10) + valid[1].slice(20)];

describe('booth mrz parse (in-process)', () => {
  it('prints the parsed fields as JSON and exits 0 for a valid MRZ', () => {
    const outcome = runMrzParse(valid, { today: '2020-01-01' });
    expect(outcome.exitCode).toBe(0);
    const json = JSON.parse(outcome.stdout);
    expect(json).toMatchObject({ format: 'TD3', valid: true, corrections: [], errors: [] });
    expect(json.fields).toContainEqual({ name: 'birthDate', value: '1965-03-10', raw: '650310', valid: true, error: null });
  });

  it('exits 1 and names the failing check digit for an invalid MRZ', () => {
    const outcome = runMrzParse(invalid, { today: '2020-01-01' });
    expect(outcome.exitCode).toBe(1);
    const json = JSON.parse(outcome.stdout);
    expect(json.valid).toBe(false);
    expect(json.errors.map((e: { field: string }) => e.field)).toEqual(['birthDateCheckDigit', 'compositeCheckDigit']);
  });

  it('exits 2 on a malformed --today and on no lines, printing no JSON', () => {
    expect(runMrzParse(valid, { today: '2026-02-30' })).toMatchObject({ exitCode: 2, stdout: '' });
    expect(runMrzParse([], {})).toMatchObject({ exitCode: 2, stdout: '' });
  });

  it('answers input that is no MRZ at all with JSON and exit 1', () => {
    const outcome = runMrzParse(['hello'], {});
    expect(outcome.exitCode).toBe(1);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ format: null, valid: false, fields: [] });
  });
});

const { path: casesFile, present } = dataset(import.meta.url, 'mrz/cheminfo_mrz_cases.json', 'booth mrz parse on the shared cheminfo cases');

describe.skipIf(!present)('booth mrz parse on every shared cheminfo case', () => {
  it('prints JSON whose format and validity match the case, exiting 0 only when valid', () => {
    const cases = z
      .array(z.object({ test_name: z.string(), mrz: z.array(z.string()).nullable(), expected_format: z.string().nullable(), expected_valid: z.boolean().nullable() }))
      .parse(JSON.parse(readFileSync(casesFile, 'utf8')));
    let run = 0;
    for (const c of cases) {
      if (!c.mrz) continue;
      const outcome = runMrzParse(c.mrz, { today: '2026-11-23' });
      const json = JSON.parse(outcome.stdout);
      expect(outcome.exitCode, c.test_name).toBe(json.valid ? 0 : 1);
      if (c.expected_format !== null) expect(json.format, c.test_name).toBe(c.expected_format);
      if (c.expected_valid !== null) expect(json.valid, c.test_name).toBe(c.expected_valid);
      run++;
    }
    expect(run).toBe(33);
  });
});

// Each process start compiles the CLI through tsx: seconds on a loaded machine, hence the long timeouts.
describe('booth mrz parse (as a process)', () => {
  const booth = resolve(import.meta.dirname, '../booth.mjs');
  const run = async (args: string[]) => {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [booth, ...args], { timeout: 30_000 });
      return { code: 0, stdout };
    } catch (error) {
      const failure = error as { code?: number; stdout?: string };
      return { code: failure.code ?? -1, stdout: failure.stdout ?? '' };
    }
  };

  it('exits 0 with JSON for a valid MRZ and 1 for an invalid one', async () => {
    const [ok, bad] = await Promise.all([
      run(['mrz', 'parse', ...valid, '--today', '2020-01-01']),
      run(['mrz', 'parse', ...invalid, '--today', '2020-01-01']),
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ format: 'TD3', valid: true });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ format: 'TD3', valid: false });
  }, 60_000);

  it('exits 2 on a usage error', async () => {
    expect((await run(['mrz', 'parse', ...valid, '--no-such-option'])).code).toBe(2);
  }, 60_000);
});
