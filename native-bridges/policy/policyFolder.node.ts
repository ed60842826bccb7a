import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicySet, policyInForce, type PolicyFile, type PolicySetResult } from '../../app/policy/policySet';
import type { InspectionPolicy } from '../../app/policy/inspectionPolicySchema';

/** Where the shipped policy files are, below the app's root. */
export const policyFolderBelowRoot = 'assets/policy';

/** The shipped folder as seen from the sources (tests, benchmarks, scripted sessions, the CLI). */
export const shippedPolicyFolder = fileURLToPath(new URL(`../../${policyFolderBelowRoot}`, import.meta.url));

/** Every `*.json` file of a folder, by name order (an absent folder has none). */
export function readPolicyFiles(dir: string): PolicyFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

/** The folder's policies as one checked set, or every problem with them (file and field named). */
export function readPolicyFolder(dir: string): PolicySetResult {
  return parsePolicySet(readPolicyFiles(dir));
}

/**
 * The shipped policy in force at `at`, for scripted sessions and tests: a shipped set that does not parse, or a
 * time no shipped policy covers, is a bug and throws saying so.
 */
export function shippedPolicyAt(at: Date): InspectionPolicy {
  const result = readPolicyFolder(shippedPolicyFolder);
  if (!result.ok) throw new Error(`the shipped policy files are invalid: ${result.problems.join('; ')}`);
  const policy = policyInForce(result.policies, at);
  if (!policy) throw new Error(`no shipped policy is in force at ${at.toISOString()}`);
  return policy;
}
