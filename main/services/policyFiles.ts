import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeSchemaError } from '../../app/shared/describeSchemaError';
import { policySetSchema, type PolicySet } from '../../app/policy/policySet';
import { readPolicyFolder } from '../../native-bridges/policy/policyFolder.node.ts';

/** The copy of the last valid policy set, in the user data folder: what the booth keeps when the files go bad. */
export const keptPolicySetFile = (dataDir: string) => join(dataDir, 'policy-set.json');

export interface LoadedPolicies {
  readonly policies: PolicySet;
  /** Why the files were not taken (each naming the file and field), and that the kept set is applied instead. */
  readonly notices: readonly string[];
}

/** No valid policy set at all: the booth cannot decide anything, so it does not start. */
export class NoValidPolicyError extends Error {}

/**
 * The policy set at start-up. Valid files are taken and copied to `keptFile`; invalid or overlapping ones are
 * refused whole (one bad file refuses the set: a booth never applies half a change of rule) and the last valid set,
 * the kept copy, is applied, with header notices saying so. Without a kept copy either, throws NoValidPolicyError.
 */
export function loadPolicies(dir: string, keptFile: string): LoadedPolicies {
  const result = readPolicyFolder(dir);
  if (result.ok) {
    keep(keptFile, result.policies);
    return { policies: result.policies, notices: [] };
  }
  const refused = result.problems.map((problem) => `policy ${problem}`);
  const kept = readKept(keptFile);
  if (!kept.ok) throw new NoValidPolicyError(`No valid policy set: the files in ${dir} were refused (${result.problems.join('; ')}), and ${kept.reason}.`);
  return { policies: kept.policies, notices: [...refused, `policy files refused: the last valid set is applied (${kept.policies.map((p) => p.id).join(', ')})`] };
}

function keep(file: string, policies: PolicySet): void {
  const text = JSON.stringify(policies, null, 2);
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  mkdirSync(dirname(file), { recursive: true });
  // Write then rename: a crash mid-write never leaves a truncated copy in place of the last valid one.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

function readKept(file: string): { ok: true; policies: PolicySet } | { ok: false; reason: string } {
  if (!existsSync(file)) return { ok: false, reason: `there is no kept copy of a valid set (${file})` };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ok: false, reason: `the kept copy ${file} is not valid JSON (${(error as Error).message})` };
  }
  const parsed = policySetSchema.safeParse(json);
  return parsed.success ? { ok: true, policies: parsed.data } : { ok: false, reason: `the kept copy ${file} is invalid (${describeSchemaError(parsed.error, { root: '(file)' })})` };
}
