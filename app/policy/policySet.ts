import { z } from 'zod';
import { describeSchemaError } from '../shared/describeSchemaError';
import { inspectionPolicySchema, type InspectionPolicy } from './inspectionPolicySchema';

/**
 * The policies a booth knows, in effective order: their ranges neither overlap nor leave a gap, so at any instant
 * after the first one starts at most one is in force, and from then on (until the last one ends) exactly one.
 */
export type PolicySet = readonly InspectionPolicy[];

/** One policy file as read: its name (for the messages) and its text. */
export interface PolicyFile {
  readonly file: string;
  readonly text: string;
}

export type PolicySetResult = { readonly ok: true; readonly policies: PolicySet } | { readonly ok: false; readonly problems: readonly string[] };

const from = (policy: InspectionPolicy) => Date.parse(policy.effectiveFrom);
const to = (policy: InspectionPolicy) => (policy.effectiveTo === null ? Number.POSITIVE_INFINITY : Date.parse(policy.effectiveTo));

/**
 * Problems with a set of individually valid policies, each naming the policy (by `name(policy)`) and the field:
 * an id used twice, ranges that overlap (two rules at one instant) or leave a gap (no rule at all).
 */
export function policyRangeProblems(policies: readonly InspectionPolicy[], name: (policy: InspectionPolicy) => string = (p) => p.id): string[] {
  const problems: string[] = [];
  const seen = new Map<string, InspectionPolicy>();
  for (const policy of policies) {
    const earlier = seen.get(policy.id);
    if (earlier) problems.push(`${name(policy)}: id: "${policy.id}" is also the id of ${name(earlier)}`);
    seen.set(policy.id, policy);
  }
  const ordered = [...policies].sort((a, b) => from(a) - from(b));
  for (let i = 1; i < ordered.length; i += 1) {
    const before = ordered[i - 1] as InspectionPolicy;
    const policy = ordered[i] as InspectionPolicy;
    if (from(policy) < to(before)) {
      problems.push(`${name(policy)}: effectiveFrom: ${policy.effectiveFrom} overlaps ${name(before)} (in force ${before.effectiveFrom} to ${before.effectiveTo ?? 'no end'})`);
    } else if (from(policy) > to(before)) {
      problems.push(`${name(policy)}: effectiveFrom: ${policy.effectiveFrom} leaves a gap after ${name(before)} (ends ${before.effectiveTo ?? 'never'}): no policy would be in force in between`);
    }
  }
  return problems;
}

/** The set as it crosses a boundary (host to renderer, the kept copy): every policy valid, the ranges consistent. */
export const policySetSchema = z
  .array(inspectionPolicySchema)
  .min(1)
  .max(100)
  .superRefine((policies, context) => {
    for (const message of policyRangeProblems(policies)) context.addIssue({ code: 'custom', message });
  })
  .transform((policies): PolicySet => [...policies].sort((a, b) => from(a) - from(b)));

/**
 * Parses the policy files into a set, or says everything that is wrong with them, each problem naming the file and
 * the field (`pilot-era.json: faceNonMatch.entry.1.fromAge: ...`). One bad file refuses the whole set: a booth
 * never applies half of a change of rule.
 */
export function parsePolicySet(files: readonly PolicyFile[]): PolicySetResult {
  if (files.length === 0) return { ok: false, problems: ['no policy file: a booth needs at least one'] };
  const problems: string[] = [];
  const fileOf = new Map<InspectionPolicy, string>();
  for (const { file, text } of files) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push(`${file}: not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const parsed = inspectionPolicySchema.safeParse(json);
    if (parsed.success) fileOf.set(parsed.data, file);
    else problems.push(`${file}: ${describeSchemaError(parsed.error, { root: '(file)' })}`);
  }
  problems.push(...policyRangeProblems([...fileOf.keys()], (policy) => fileOf.get(policy) ?? policy.id));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, policies: [...fileOf.keys()].sort((a, b) => from(a) - from(b)) };
}

/** The policy in force at `at` (effectiveFrom inclusive, effectiveTo exclusive), or null when none is. */
export function policyInForce(policies: PolicySet, at: Date): InspectionPolicy | null {
  const t = at.getTime();
  return policies.find((policy) => from(policy) <= t && t < to(policy)) ?? null;
}

/** A policy by the id a decision recorded (a decision reviewed later is judged by the policy it was made under). */
export function policyById(policies: PolicySet, id: string): InspectionPolicy | null {
  return policies.find((policy) => policy.id === id) ?? null;
}
