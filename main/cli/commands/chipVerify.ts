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
  /** Data groups that must be given and match for "verified" (default: none beyond those given). */
  requireDg: z.array(z.coerce.number().int().min(1).max(16)).default([]),
  requireCrl: z.boolean().default(false),
  at: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a calendar date')
    .optional(),
  json: z.boolean().default(false),
});
export type ChipVerifyOptions = z.input<typeof verifyOptionsSchema>;

/** Exit codes of `booth chip verify` (documented in the README): one per verdict, and 2 for a usage error. */
export const chipVerifyExitCodes = { verified: 0, failed: 1, usage: 2, not_verifiable: 3 } as const;

export interface ChipVerifyOutcome {
  /** 0 verified, 1 failed, 3 not verifiable, 2 invalid input. */
  readonly exitCode: (typeof chipVerifyExitCodes)[keyof typeof chipVerifyExitCodes];
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

/** One line per check, as `chip verify` and `chip read` print them. */
export function formatCheck(check: ChipCheck): string {
  const label = check.dg !== undefined ? `${check.check} DG${check.dg}` : check.check;
  const detail = check.detail ? ` ${Object.entries(check.detail).map(([k, v]) => `${k}=${String(v)}`).join(' ')}` : '';
  return `${check.status.toUpperCase().padEnd(12)} ${label.padEnd(24)} ${check.reason ?? ''}${detail}`.trimEnd();
}

function verdictLine(result: PassiveAuthenticationResult): string {
  switch (result.verdict) {
    case 'verified':
      return 'Passive Authentication: VERIFIED';
    case 'failed':
      return `Passive Authentication: FAILED (${result.verdictReason ?? ''})`;
    case 'not_verifiable':
      return `Passive Authentication: NOT VERIFIABLE (${result.verdictReason ?? ''})`;
  }
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
    const unreadable = trust.files.find((f) => f.kind === 'unknown');
    if (unreadable) throw new Error(`trust file ${unreadable.file} is ${unreadable.reason ?? 'unusable'}`);
    const crls = [...trust.crls, ...loadCrls(options.crl)];
    const policy = { requiredDataGroups: options.requireDg, requireCrl: options.requireCrl };
    const result = verifyPassiveAuthentication({ sod, dataGroups, anchors: trust.anchors, trustChecks: trust.checks, crls, at, policy });
    const refused = trust.files.filter((f) => f.status === 'refused').map((f) => ({ file: f.file, reason: f.reason ?? 'refused' }));
    const output = options.json
      ? JSON.stringify(
          {
            verdict: result.verdict,
            ...(result.verdictReason ? { verdictReason: result.verdictReason } : {}),
            checkedAt: at.toISOString(),
            documentSigner: result.documentSigner,
            hashAlgorithm: result.hashAlgorithm,
            checks: result.checks,
            ...(refused.length > 0 ? { refusedTrustFiles: refused } : {}),
          },
          null,
          2,
        )
      : [
          ...result.checks.map(formatCheck),
          ...refused.map((f) => `REFUSED      trust file ${f.file}: ${f.reason}`),
          ...(dataGroups.size === 0 ? ['(no data group given: only the security object and its signer were verified)'] : []),
          verdictLine(result),
        ].join('\n');
    return { exitCode: chipVerifyExitCodes[result.verdict], output, result };
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
    .description('Passive Authentication of EF.SOD and data group files against CSCA master lists or certificate folders; exit 0 verified, 1 failed, 3 not verifiable, 2 usage error')
    .requiredOption('--sod <file>', 'EF.SOD file (tag 0x77)')
    .option('--dg <n=file>', 'a data group file, e.g. --dg 1=DG1.bin (repeatable)', collect, [])
    .option('--trust <paths...>', 'CSCA master lists (.ml), certificate files (.der/.cer/.pem) or folders of them')
    .option('--crl <files...>', 'CRL files (DER or PEM)')
    .option('--require-dg <numbers...>', 'data groups that must be given and match for "verified", e.g. --require-dg 1 2')
    .option('--require-crl', 'a current CRL of the signer\'s state, signed by its CSCA, is needed for "verified"', false)
    .option('--at <date>', 'check certificate validity on this date (YYYY-MM-DD, default today)')
    .option('--json', 'print JSON', false)
    .action((options: Record<string, unknown>) => {
      const outcome = runChipVerify(options, new Date());
      (outcome.exitCode === 2 ? console.error : console.log)(outcome.output);
      process.exitCode = outcome.exitCode;
    });
}
