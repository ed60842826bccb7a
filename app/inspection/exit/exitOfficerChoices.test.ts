import { describe, expect, it } from 'vitest';
import { identificationWithChoice, pickByNumber } from './exitOfficerChoices';
import type { ExitCandidate, ExitIdentification } from './exitOccupantRules';

/** What the officer's key presses mean for an exit occupant: the booth never chooses for them. */

const candidate = (travellerId: string, score: number): ExitCandidate => ({ travellerId, score, threshold: 0.42, calibratedFpir: { fpir: 1e-3, bound: false, text: '1 in 1,000' }, gallerySize: 9, trackId: 'track-7' });
const twins: ExitIdentification = { kind: 'ambiguous', candidates: [candidate('TWIN-A', 0.5), candidate('TWIN-B', 0.49)] };
const shownTwins = { kind: 'ambiguous', candidates: [{ entry: null, candidate: candidate('TWIN-A', 0.5) }, { entry: null, candidate: candidate('TWIN-B', 0.49) }] } as const;

describe('the officer\'s choice for an exit occupant', () => {
  it('an opt-out keeps who the search found, and nobody when it found no one clearly', () => {
    const declaredAt = '2026-12-07T17:58:00Z';
    expect(identificationWithChoice({ kind: 'candidate', candidate: candidate('T1', 0.7) }, { kind: 'opt_out', declaredAt })).toEqual({ kind: 'opt_out', declaredAt, travellerId: 'T1' });
    // Declaring an opt-out does not resolve an ambiguity: eligibility cannot rest on a look-alike.
    for (const found of [twins, { kind: 'no_face' } as const, { kind: 'no_candidate', trackId: 't' } as const]) {
      expect(identificationWithChoice(found, { kind: 'opt_out', declaredAt })).toEqual({ kind: 'opt_out', declaredAt, travellerId: null });
    }
  });

  it('picks by the number on the card, 1 for the first shown; no number outside the list picks anyone', () => {
    expect(pickByNumber(shownTwins, 1, 'at')).toEqual({ kind: 'picked', travellerId: 'TWIN-A', at: 'at' });
    expect(pickByNumber(shownTwins, 2, 'at')).toEqual({ kind: 'picked', travellerId: 'TWIN-B', at: 'at' });
    expect(pickByNumber(shownTwins, 0, 'at')).toBeNull();
    expect(pickByNumber(undefined, 1, 'at')).toBeNull();
  });

  it('the pick keeps every look-alike with its score, the one picked among them', () => {
    expect(identificationWithChoice(twins, { kind: 'picked', travellerId: 'TWIN-A', at: '2026-12-07T17:59:30Z' })).toEqual({
      kind: 'candidate',
      candidate: { ...candidate('TWIN-A', 0.5), officerChoice: { among: [{ travellerId: 'TWIN-A', score: 0.5 }, { travellerId: 'TWIN-B', score: 0.49 }], chosenAt: '2026-12-07T17:59:30Z' } },
    });
  });

  it('"none of them" keeps the searched face\'s track, and names none when the search listed nobody', () => {
    expect(identificationWithChoice(twins, { kind: 'none_of_them', at: 'at' })).toMatchObject({ kind: 'no_candidate', trackId: 'track-7' });
    expect(identificationWithChoice({ kind: 'ambiguous', candidates: [] }, { kind: 'none_of_them', at: 'at' })).toEqual({ kind: 'no_candidate', trackId: 'unknown', dismissed: [] });
  });

  it('"none of them" on a search that is no longer ambiguous changes nothing', () => {
    for (const found of [{ kind: 'no_face' } as const, { kind: 'no_candidate', trackId: 't' } as const]) {
      expect(identificationWithChoice(found, { kind: 'none_of_them', at: 'at' })).toBe(found);
      expect(identificationWithChoice(found, { kind: 'picked', travellerId: 'TWIN-A', at: 'at' })).toBe(found);
    }
  });
});
