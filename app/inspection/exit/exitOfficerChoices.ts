import type { ExitCandidate, ExitIdentification } from './exitOccupantRules';

/**
 * What the officer said about one exit occupant, on top of what the face search found: a photography opt-out
 * (the rules decide whether the traveller may), or the resolution of an ambiguous search (one of the look-alike
 * candidates, or none of them). The booth never resolves an ambiguity itself.
 */
export type ExitOfficerChoice =
  | { readonly kind: 'opt_out'; readonly declaredAt: string }
  /** The officer compared the look-alikes with the traveller and picked this one. */
  | { readonly kind: 'picked'; readonly travellerId: string; readonly at: string }
  /** None of the look-alikes is the traveller: not identified, the officer photographs or inspects. */
  | { readonly kind: 'none_of_them'; readonly at: string };

/**
 * The identification the exit rules take for an occupant, given the officer's choice. A resolution applies only to
 * the ambiguous search it was made on (the same candidates): when a better shot changes the search, the old choice
 * no longer fits and the occupant is shown as found again. An opt-out keeps the identity the search found (the
 * policy's eligibility is judged on that record), nothing else.
 */
export function identificationWithChoice(found: ExitIdentification, choice: ExitOfficerChoice | undefined): ExitIdentification {
  if (!choice) return found;
  switch (choice.kind) {
    case 'opt_out':
      return { kind: 'opt_out', declaredAt: choice.declaredAt, travellerId: found.kind === 'candidate' ? found.candidate.travellerId : null };
    case 'picked': {
      if (found.kind !== 'ambiguous') return found;
      const chosen = found.candidates.find((c) => c.travellerId === choice.travellerId);
      if (!chosen) return found;
      return { kind: 'candidate', candidate: { ...chosen, officerChoice: { among: found.candidates.map(({ travellerId, score }) => ({ travellerId, score })), chosenAt: choice.at } } };
    }
    case 'none_of_them':
      return found.kind === 'ambiguous' ? { kind: 'no_candidate', trackId: trackOf(found.candidates), dismissed: found.candidates } : found;
  }
}

const trackOf = (candidates: readonly ExitCandidate[]): string => candidates[0]?.trackId ?? 'unknown';

/**
 * The officer's pick by its number on the card (1-based), when the occupant's search (what the booth found, before
 * any choice) was ambiguous with that many candidates. Judged on the search, not on the outcome shown, so a pick can
 * be changed to another look-alike before the departure is confirmed.
 */
export function pickByNumber(search: ExitIdentification | undefined, number: number, at: string): ExitOfficerChoice | null {
  if (search?.kind !== 'ambiguous') return null;
  const shown = search.candidates[number - 1];
  return shown ? { kind: 'picked', travellerId: shown.travellerId, at } : null;
}
