/**
 * `npx booth policy show [--at DATE] [--json] [--dir DIR]`: the policy in force at an instant (now by default), as
 * the booth would apply it: from the policy files, or, when they are refused, from the last valid set the booth kept.
 * Exit 0 printed; 1 the files were refused (each problem named; the kept set's policy printed when there is one);
 * 2 usage error (a date that cannot be read); 3 no policy is in force at that instant.
 */
import type { Command } from 'commander';
import type { CitizenshipCategory } from '../../../app/policy/citizenshipCategory';
import type { InspectionPolicy } from '../../../app/policy/inspectionPolicySchema';
import { policyInForce, type PolicySet } from '../../../app/policy/policySet';
import { laneDirections } from '../../../app/settings/laneDirection';
import { readPolicyFolder, shippedPolicyFolder } from '../../../native-bridges/policy/policyFolder.node.ts';
import { keptPolicySetFile, readKeptPolicies } from '../../services/policyFiles';
import { userDataDir } from '../../services/userDataDir';

export interface PolicyCliOutcome {
  readonly exitCode: 0 | 1 | 2 | 3;
  readonly stdout: string;
  readonly stderr: string;
}

export interface PolicyShowOptions {
  /** An ISO date-time with its offset, or a date alone (noon UTC that day, inside that date all over the U.S.). */
  readonly at?: string;
  readonly json?: boolean;
  readonly dir?: string;
  /** The booth's kept copy of the last valid set (default: in the user data folder). */
  readonly keptFile?: string;
}

const categoryNames: Readonly<Record<CitizenshipCategory, string>> = { us_citizen: 'U.S. citizens', lawful_permanent_resident: 'lawful permanent residents', non_citizen: 'non-citizens' };
const ages = (band: { fromAge: number; toAge: number | null }) => (band.toAge === null ? `${band.fromAge}+` : `${band.fromAge}-${band.toAge}`);
const listOf = (categories: readonly CitizenshipCategory[]) => categories.map((c) => categoryNames[c]).join(', ') || 'no one';

/** Reads `--at`: a date alone is noon UTC that day (inside that calendar date from Guam to Hawaii's morning). */
export function parseInstant(text: string): Date | null {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T12:00:00Z` : text;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The policy as an officer or auditor reads it, one rule a line. */
export function describePolicy(policy: InspectionPolicy): string[] {
  const lines = [
    `${policy.id}: ${policy.title}`,
    `  source: ${policy.legalSource.citation} <${policy.legalSource.url}>`,
    `  in force: ${policy.effectiveFrom} to ${policy.effectiveTo ?? '(no end)'}`,
  ];
  for (const direction of laneDirections) {
    const photographed = (Object.keys(categoryNames) as CitizenshipCategory[]).map((c) => `${categoryNames[c]} ${policy.photography[direction][c].map((b) => (policy.photography[direction][c].length === 1 ? b.collection : `${ages(b)} ${b.collection}`)).join(', ')}`);
    lines.push(`  photographed at ${direction}: ${photographed.join('; ')}`);
    lines.push(`  face non-match at ${direction}: ${policy.faceNonMatch[direction].map((b) => `ages ${ages(b)} ${b.handling.replaceAll('_', ' ')}`).join('; ')}`);
    lines.push(`  may opt out at ${direction}: ${listOf(policy.optOut[direction])}`);
  }
  lines.push(
    `  face non-match, age unknown: ${policy.faceNonMatch.unknownAge.replaceAll('_', ' ')}`,
    `  chip not verifiable: ${policy.chip.notVerifiableSeverity}`,
    `  photos kept at most: ${(Object.keys(categoryNames) as CitizenshipCategory[]).map((c) => `${categoryNames[c]} ${policy.retention[c].maxHours} h`).join('; ')}`,
    `  exit records: a departure record for ${listOf(policy.exitRecord.departureRecordFor)}; opt-outs ${policy.exitRecord.optOutRecorded ? 'recorded' : 'not recorded'}`,
    '  operational choices:',
    ...policy.operationalChoices.map((c) => `    - ${c.topic}: ${c.choice} Why: ${c.why}`),
  );
  return lines;
}

export function runPolicyShow(options: PolicyShowOptions = {}): PolicyCliOutcome {
  const at = options.at === undefined ? new Date() : parseInstant(options.at);
  if (!at) return { exitCode: 2, stdout: '', stderr: `--at must be a date (2025-12-26) or a date-time with its offset (2025-12-26T08:00:00-05:00), not "${options.at}"` };
  const dir = options.dir ?? shippedPolicyFolder;
  const files = readPolicyFolder(dir);
  let policies: PolicySet;
  let refused = '';
  if (files.ok) {
    policies = files.policies;
  } else {
    refused = `the policy files in ${dir} are refused:\n${files.problems.map((p) => `  ${p}`).join('\n')}`;
    const kept = readKeptPolicies(options.keptFile ?? keptPolicySetFile(userDataDir()));
    if (!kept.ok) return { exitCode: 1, stdout: '', stderr: `${refused}\nand the booth has no last valid set: ${kept.reason}` };
    policies = kept.policies;
    refused += '\nshowing the last valid set the booth kept';
  }
  const exitCode = files.ok ? 0 : 1;
  const policy = policyInForce(policies, at);
  if (!policy) return { exitCode: files.ok ? 3 : 1, stdout: '', stderr: [refused, `no policy is in force at ${at.toISOString()} (known: ${policies.map((p) => `${p.id} from ${p.effectiveFrom}`).join(', ')})`].filter(Boolean).join('\n') };
  const stdout = options.json ? `${JSON.stringify({ at: at.toISOString(), source: files.ok ? 'files' : 'kept', policy }, null, 2)}\n` : `policy in force at ${at.toISOString()}:\n${describePolicy(policy).join('\n')}\n`;
  return { exitCode, stdout, stderr: refused };
}

function print(outcome: PolicyCliOutcome): void {
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(`booth policy show: ${outcome.stderr}\n`);
  process.exitCode = outcome.exitCode;
}

export function register(program: Command): void {
  const policy = program.command('policy').description('the inspection policies (assets/policy)');
  policy
    .command('show')
    .description('print the policy in force: exit 0, 1 if the policy files are refused (the kept set shown), 2 usage error, 3 none in force')
    .option('--at <date>', 'the instant: a date (noon UTC) or a date-time with offset; default now')
    .option('--json', 'print the policy as JSON')
    .option('--dir <dir>', 'the policy folder (default: the shipped assets/policy)')
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : 2);
    })
    .action((options: { at?: string; json?: boolean; dir?: string }) => print(runPolicyShow(options)));
}
