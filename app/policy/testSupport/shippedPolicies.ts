import pilotEraJson from '../../../assets/policy/2009-pilot-era.json';
import finalRuleJson from '../../../assets/policy/2025-12-26-90fr48604.json';
import type { InspectionPolicy } from '../inspectionPolicySchema';
import { policySetSchema, type PolicySet } from '../policySet';

/** The shipped policy files for tests in any environment (Node or Chromium): parsed, so a bad file fails here. */
export const shippedPolicies: PolicySet = policySetSchema.parse([pilotEraJson, finalRuleJson]);
export const pilotEraPolicy = shippedPolicies[0] as InspectionPolicy;
export const finalRulePolicy = shippedPolicies[1] as InspectionPolicy;
