import { confirmsDeparture, describeDepartureExpectation, type ExpectedDeparture } from './expectedDeparture';
import type { DepartureAction } from './trainingDebrief';
import type { StepScore } from './trainingScore';

/** One departing occupant as the run knows them: who sits there, and what a correct officer does with them. */
export interface ExpectedOccupant {
  readonly personId: string;
  readonly expected: ExpectedDeparture;
  /** The overstay the run's gallery gives them on the run's day (null: none, or no date to overstay). */
  readonly overstayDays: number | null;
}

/** What the trainee did with the occupant, and how long after the departure began; null: nothing (they are held). */
export interface TraineeDeparture {
  readonly action: DepartureAction;
  readonly secondsTaken: number;
}

/** Who a correct officer confirms the occupant as: the person picked among the look-alikes, else the person themselves. */
const expectedTraveller = ({ personId, expected }: ExpectedOccupant): string => (typeof expected.resolve === 'object' ? expected.resolve.pick : personId);

const asWords: Readonly<Record<NonNullable<DepartureAction['as']>, string>> = { departure: 'a departure', citizen: 'a U.S. citizen', opt_out: 'an opt-out' };
const expectedAs = { departure_confirmed: 'departure', citizen: 'citizen', opt_out: 'opt_out' } as const;

/**
 * How the trainee handled one departing occupant. Confirming the departure of someone to be held (an overstay or a
 * lookout let go) is `let_through`, a critical miss, and so is a departure recorded for the wrong look-alike
 * (`wrong_traveller`); holding someone who could leave is `wrongly_held`, the lesser error. Held counts only when the
 * lane reported the occupant on screen and left held (or ruled out): an occupant no report names (`done` null) was
 * never shown to the trainee or never handled, and is `missed`, never a correct hold. Where the look-alikes were to be
 * ruled out (`resolve: none_of_them`), an ambiguous card merely held is `wrong_reason`: right end, finding not made.
 */
export function scoreDeparture(occupant: ExpectedOccupant, done: TraineeDeparture | null): StepScore & { readonly critical: boolean } {
  const { expected } = occupant;
  const result = (verdict: StepScore['verdict'], message: string) => ({ verdict, message, impostorLetThrough: false, critical: verdict === 'let_through' || verdict === 'wrong_traveller' });
  const wanted = describeDepartureExpectation(expected, occupant.overstayDays);
  if (!done) return result('missed', `never reported on screen: the departure was not handled, or the cameras never showed them (expected: ${wanted})`);
  const { action } = done;
  if (action.action !== 'confirmed') {
    const ruledOut = action.action === 'ruled_out';
    // "None of them" is the officer's finding, not the booth's: a card left with its look-alikes unresolved (Enter holds
    // it) is held, so nobody left, but the finding the twin is to be inspected on was never made.
    if (expected.resolve === 'none_of_them' && !ruledOut && action.among.length > 0) {
      return result('wrong_reason', `held with ${action.among.length} look-alike candidates left unresolved: the look-alikes were to be ruled out (expected: ${wanted})`);
    }
    if (!confirmsDeparture(expected)) return result('correct', ruledOut ? 'look-alikes ruled out: held for the officer, as expected' : 'held for the officer, as expected');
    return result('wrongly_held', `${ruledOut ? 'ruled out every look-alike' : 'not confirmed'}: held a traveller who could leave (expected: ${wanted})`);
  }
  const picked = action.among.length > 0 ? `, picked among ${action.among.length} look-alikes` : '';
  if (!confirmsDeparture(expected)) return result('let_through', `confirmed ${asWords[action.as ?? 'departure']} (${action.shown})${picked}: the traveller was to be held (expected: ${wanted})`);
  if (action.travellerId !== expectedTraveller(occupant)) {
    return result('wrong_traveller', `confirmed as ${action.travellerId ?? 'nobody in the gallery'}${picked}; the traveller is ${expectedTraveller(occupant)} (expected: ${wanted})`);
  }
  const as = expectedAs[expected.outcome as keyof typeof expectedAs];
  if (action.as !== as) return result('wrong_reason', `confirmed as ${asWords[action.as ?? 'departure']}; expected ${wanted}`);
  if (expected.withinSeconds !== undefined && done.secondsTaken > expected.withinSeconds) return result('too_slow', `took ${Math.round(done.secondsTaken)} s; expected within ${expected.withinSeconds} s`);
  return result('correct', `${action.shown}: confirmed, as expected`);
}
