import { z } from 'zod';
import { personIdSchema } from './scenarioPeople';

/**
 * What a correct exit officer does with one departing occupant, in the exit lane's own outcomes: the departure
 * confirmed (the confirming key), held with an alert the card shows (an overstay of N days, a lookout), not identified
 * (photograph or inspect: nobody in the gallery is them), a U.S. citizen confirmed without a biometric record, or a
 * photography opt-out (O, then the confirming key). `resolve`: the face search is ambiguous (identical twins,
 * look-alikes) and the officer picks that person, or rules out every candidate (X) and inspects documents.
 */
export const expectedDepartureOutcomes = ['departure_confirmed', 'held_with_alert', 'not_identified', 'citizen', 'opt_out'] as const;
export type ExpectedDepartureOutcome = (typeof expectedDepartureOutcomes)[number];
export const exitAlertKinds = ['overstay', 'lookout', 'prior_removal'] as const;

export const expectedDepartureSchema = z
  .strictObject({
    outcome: z.enum(expectedDepartureOutcomes),
    /** The alerts the card shows: required with held_with_alert; with departure_confirmed, alerts the departure is recorded with (e.g. a short overstay). */
    alerts: z.array(z.enum(exitAlertKinds)).min(1).max(3).optional(),
    resolve: z.union([z.literal('none_of_them'), z.strictObject({ pick: personIdSchema })]).optional(),
    withinSeconds: z.number().min(1).max(600).optional(),
  })
  .superRefine((expected, context) => {
    if (expected.outcome === 'held_with_alert' && !expected.alerts) context.addIssue({ code: 'custom', path: ['alerts'], message: 'held_with_alert names the alert the traveller is held for (overstay, lookout, prior_removal)' });
    if (expected.alerts && expected.outcome !== 'held_with_alert' && expected.outcome !== 'departure_confirmed') {
      context.addIssue({ code: 'custom', path: ['alerts'], message: `a ${expected.outcome} occupant has no record alerts on screen` });
    }
    if (expected.resolve === 'none_of_them' && expected.outcome !== 'not_identified') context.addIssue({ code: 'custom', path: ['resolve'], message: 'ruling out every look-alike leaves the traveller not identified: the outcome is not_identified' });
    if (typeof expected.resolve === 'object' && (expected.outcome === 'not_identified' || expected.outcome === 'opt_out')) {
      context.addIssue({ code: 'custom', path: ['resolve'], message: `a pick identifies the traveller: the outcome cannot be ${expected.outcome}` });
    }
  });
export type ExpectedDeparture = z.output<typeof expectedDepartureSchema>;

/** Whether a correct officer confirms the occupant's departure (the confirming key), or leaves them held. */
export const confirmsDeparture = (expected: Pick<ExpectedDeparture, 'outcome'>): boolean => expected.outcome === 'departure_confirmed' || expected.outcome === 'citizen' || expected.outcome === 'opt_out';

const outcomeWords: Readonly<Record<ExpectedDepartureOutcome, string>> = {
  departure_confirmed: 'departure confirmed',
  held_with_alert: 'held with alert',
  not_identified: 'not identified: photograph or inspect',
  citizen: 'U.S. citizen: confirmed, no biometric record',
  opt_out: 'opt-out: documents inspected, no photo kept',
};

/**
 * One line a trainer reads, e.g. "held with alert: overstay 100 days" or "departure confirmed, picking vera among the
 * look-alikes". `overstayDays`: the overstay the run's gallery gives the person on the run's day.
 */
export function describeDepartureExpectation(expected: ExpectedDeparture, overstayDays: number | null = null): string {
  const alerts = expected.alerts?.map((alert) => (alert === 'overstay' && overstayDays !== null ? `overstay ${overstayDays} days` : alert.replace('_', ' '))).join(', ');
  const parts = [
    `${outcomeWords[expected.outcome]}${alerts ? `${expected.outcome === 'held_with_alert' ? ': ' : ' with '}${alerts}` : ''}`,
    expected.resolve === 'none_of_them' ? 'ruling out every look-alike (X)' : expected.resolve ? `picking ${expected.resolve.pick} among the look-alikes` : '',
    expected.withinSeconds !== undefined ? `within ${expected.withinSeconds} s` : '',
  ];
  return parts.filter(Boolean).join(', ');
}
