import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import type { ChipCheck } from '../../../app/document/lds/chipCheck';
import type { PassiveAuthenticationResult } from '../../../native-bridges/chip/passive-auth/passiveAuthentication.node.ts';
import { verifyPassiveAuthentication } from '../../../native-bridges/chip/passive-auth/passiveAuthentication.node.ts';
import { loadCrls, loadTrustStore } from '../../../native-bridges/chip/passive-auth/trustStore.node.ts';

const dataGroupArgument = z
  .string()
  .regex(/^\d{1,2}=.+$/, 'expected N=FILE, e.g. 1=DG1.bin')
  .transform((s) => {
    const at = s.indexOf('=');
    return { dg: Number(s.slice(0, at)), file: s.slice(at + 1) };
  })
  .refine((d) => d.dg >= 1 && d.dg <= 16, 'data group number must be 1..16');

const verifyOptionsSchema = z.object({
  sod: z.string().min(1),
  dg: z.array(dataGroupArgument).default([]),
  trust: z.array(z.string().min(1)).default([]),
  crl: z.array(z.string().min(1)).default([]),
  at: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a calendar date')
    .optional(),
  json: z.boolean().default(false),
});
export type ChipVerifyOptions = z.input<typeof verifyOptionsSchema>;

export interface ChipVerifyOutcome {
  /** 0 when no check failed, 1 when one did, 2 for invalid input. */
  readonly exitCode: 0 | 1 | 2;
  readonly output: string;
  readonly result?: PassiveAuthenticationResult;
}

function readInput(path: string, what: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    throw new Error(`cannot read ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function formatCheck(check: ChipCheck): string {
  const label = check.dg !== undefined ? `${check.check} DG${check.dg}` : check.check;
  const detail = check.detail ? ` ${Object.entries(check.detail).map(([k, v]) => `${k}=${String(v)}`).join(' ')}` : '';
  return `${check.status.toUpperCase().padEnd(12)} ${label.padEnd(24)} ${check.reason ?? ''}${detail}`.trimEnd();
}

/** Verifies EF.SOD and data group files offline (Passive Authentication); `now` is injected for the default date. */
export function runChipVerify(raw: unknown, now: Date): ChipVerifyOutcome {
  const parsed = verifyOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ');
    return { exitCode: 2, output: `invalid arguments: ${message}` };
  }
  const options = parsed.data;
  const at = options.at ? new Date(`${options.at}T00:00:00Z`) : now;
  try {
    const sod = readInput(options.sod, 'SOD');
    const dataGroups = new Map<number, Uint8Array>();
    for (const { dg, file } of options.dg) {
      if (dataGroups.has(dg)) return { exitCode: 2, output: `invalid arguments: --dg ${dg} given twice` };
      dataGroups.set(dg, readInput(file, `DG${dg}`));
    }
    const trust = loadTrustStore(options.trust, at);
    const crls = loadCrls(options.crl);
    const result = verifyPassiveAuthentication({ sod, dataGroups, anchors: trust.anchors, trustChecks: trust.checks, crls, at });
    const output = options.json
      ? JSON.stringify({ passed: result.passed, checkedAt: at.toISOString(), documentSigner: result.documentSigner, hashAlgorithm: result.hashAlgorithm, checks: result.checks }, null, 2)
      : [...result.checks.map(formatCheck), result.passed ? 'Passive Authentication: no check failed' : 'Passive Authentication: FAILED'].join('\n');
    return { exitCode: result.passed ? 0 : 1, output, result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { exitCode: 2, output: options.json ? JSON.stringify({ error: { code: 'invalid_input', message } }) : `error: ${message}` };
  }
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Adds `chip verify`: offline Passive Authentication of an EF.SOD and data group files. */
export function addChipVerifyCommand(chip: Command): void {
  chip
    .command('verify')
    .description('Passive Authentication of EF.SOD and data group files against CSCA master lists or certificate folders')
    .requiredOption('--sod <file>', 'EF.SOD file (tag 0x77)')
    .option('--dg <n=file>', 'a data group file, e.g. --dg 1=DG1.bin (repeatable)', collect, [])
    .option('--trust <paths...>', 'CSCA master lists (.ml), certificate files (.der/.cer/.pem) or folders of them')
    .option('--crl <files...>', 'CRL files (DER or PEM)')
    .option('--at <date>', 'check certificate validity on this date (YYYY-MM-DD, default today)')
    .option('--json', 'print JSON', false)
    .action((options: Record<string, unknown>) => {
      const outcome = runChipVerify(options, new Date());
      (outcome.exitCode === 2 ? console.error : console.log)(outcome.output);
      process.exitCode = outcome.exitCode;
    });
}
