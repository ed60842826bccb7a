import { z } from 'zod';
import { reasonCodeSchema } from '../inspection/decisionRecordSchema';
import { officerReasonCodes } from '../inspection/officerDecision';

/**
 * What a correct officer does with one traveller (or occupant) a scenario step brings: the outcome, the reasons a
 * referral must name (rule reason codes or officer reason codes; at least one of them among the decision's), whether the case must
 * reach a supervisor (a refused override of a mandatory referral), and how fast. `impostor` marks a traveller who
 * is not who the document says: clearing them is the costliest error, counted on its own.
 */
export const expectedDecisionSchema = z
  .strictObject({
    outcome: z.enum(['clear', 'refer']),
    reasons: z.array(z.union([reasonCodeSchema, z.enum(officerReasonCodes)])).min(1).max(10).optional(),
    supervisorAlert: z.boolean().default(false),
    withinSeconds: z.number().min(1).max(600).optional(),
    impostor: z.boolean().default(false),
  })
  .superRefine((expected, context) => {
    if (expected.outcome === 'clear' && expected.reasons) context.addIssue({ code: 'custom', path: ['reasons'], message: 'reasons are what a referral must name; a clear has none' });
    if (expected.outcome === 'clear' && expected.impostor) context.addIssue({ code: 'custom', path: ['impostor'], message: 'an impostor is never to be cleared: the expected outcome is refer' });
  });
export type ExpectedDecision = z.output<typeof expectedDecisionSchema>;

/** One line a trainer reads, e.g. "refer (naming chip_clone_suspected) within 60 s". */
export function describeExpectation(expected: ExpectedDecision): string {
  const parts = [
    expected.outcome,
    expected.impostor ? 'an impostor' : '',
    expected.reasons ? `naming ${expected.reasons.join(' or ')}` : '',
    expected.supervisorAlert ? 'with a supervisor alerted' : '',
    expected.withinSeconds !== undefined ? `within ${expected.withinSeconds} s` : '',
  ];
  return parts.filter(Boolean).join(', ');
}
