import { describe, expect, it } from 'vitest';
import { scoreDeparture, type ExpectedOccupant } from './departureScore';
import { expectedDepartureSchema } from './expectedDeparture';
import type { DepartureAction } from './trainingDebrief';

const occupant = (personId: string, expected: unknown, overstayDays: number | null = null): ExpectedOccupant => ({ personId, expected: expectedDepartureSchema.parse(expected), overstayDays });
const confirmed = (fields: Partial<DepartureAction> = {}, secondsTaken = 10) => ({ action: { occupantId: 'occupant-1', action: 'confirmed' as const, as: 'departure' as const, travellerId: 'holloway', among: [], shown: 'Departure confirmed', ...fields }, secondsTaken });
const held = (travellerId: string | null = null) => ({ action: { occupantId: 'occupant-2', action: 'held' as const, as: null, travellerId, among: [], shown: 'Not identified' }, secondsTaken: 15 });
const ruledOut = (among: string[]) => ({ action: { occupantId: 'occupant-5', action: 'ruled_out' as const, as: null, travellerId: null, among, shown: 'Not identified: the officer ruled out 2 look-alike candidates' }, secondsTaken: 20 });

describe('scoring an exit trainee against the expected departures', () => {
  it('departure confirmed: correct when confirmed as that traveller; held, it is the lesser error', () => {
    const onTime = occupant('holloway', { outcome: 'departure_confirmed' });
    expect(scoreDeparture(onTime, confirmed())).toEqual({ verdict: 'correct', message: 'Departure confirmed: confirmed, as expected', impostorLetThrough: false, critical: false });
    expect(scoreDeparture(onTime, held('holloway'))).toMatchObject({ verdict: 'wrongly_held', message: 'not confirmed: held a traveller who could leave (expected: departure confirmed)', critical: false });
    expect(scoreDeparture(occupant('holloway', { outcome: 'departure_confirmed', withinSeconds: 5 }), confirmed()).verdict).toBe('too_slow');
  });

  it('held with alert (overstay N days, lookout): held is correct; confirmed is a critical miss', () => {
    const overstayer = occupant('brandt', { outcome: 'held_with_alert', alerts: ['overstay'] }, 100);
    expect(scoreDeparture(overstayer, held('brandt'))).toMatchObject({ verdict: 'correct', message: 'held for the officer, as expected', critical: false });
    expect(scoreDeparture(overstayer, confirmed({ travellerId: 'brandt', shown: 'Overstay 100 days (admitted until 2026-08-29)' }))).toEqual({
      verdict: 'let_through',
      message: 'confirmed a departure (Overstay 100 days (admitted until 2026-08-29)): the traveller was to be held (expected: held with alert: overstay 100 days)',
      impostorLetThrough: false,
      critical: true,
    });
    expect(scoreDeparture(occupant('nakamura', { outcome: 'held_with_alert', alerts: ['lookout', 'prior_removal'] }), held('nakamura')).verdict).toBe('correct');
  });

  it('not identified: held is correct (photograph or inspect)', () => {
    expect(scoreDeparture(occupant('alvarez', { outcome: 'not_identified' }), held())).toMatchObject({ verdict: 'correct', critical: false });
  });

  it('nobody reported the occupant on screen (never handled, or never captured): missed, never a correct hold', () => {
    // Before: an occupant nobody confirmed counted as held, so an overstayer the trainee never saw scored as correct.
    expect(scoreDeparture(occupant('brandt', { outcome: 'held_with_alert', alerts: ['overstay'] }, 100), null)).toEqual({
      verdict: 'missed',
      message: 'never reported on screen: the departure was not handled, or the cameras never showed them (expected: held with alert: overstay 100 days)',
      impostorLetThrough: false,
      critical: false,
    });
    expect(scoreDeparture(occupant('alvarez', { outcome: 'not_identified' }), null).verdict).toBe('missed');
    expect(scoreDeparture(occupant('holloway', { outcome: 'departure_confirmed' }), null).verdict).toBe('missed');
  });

  it('U.S. citizen: confirmed as a citizen (no biometric record); confirmed as something else names what', () => {
    const citizen = occupant('walker', { outcome: 'citizen' });
    expect(scoreDeparture(citizen, confirmed({ as: 'citizen', travellerId: 'walker', shown: 'U.S. citizen: departure confirmed, no biometric record kept' })).verdict).toBe('correct');
    expect(scoreDeparture(citizen, held('walker')).verdict).toBe('wrongly_held');
  });

  it('opt-out: only an opt-out recorded is correct; a photographed citizen is the wrong reason', () => {
    const optOut = occupant('walker', { outcome: 'opt_out' });
    expect(scoreDeparture(optOut, confirmed({ as: 'opt_out', travellerId: 'walker' })).verdict).toBe('correct');
    expect(scoreDeparture(optOut, confirmed({ as: 'citizen', travellerId: 'walker' }))).toMatchObject({ verdict: 'wrong_reason', message: 'confirmed as a U.S. citizen; expected opt-out: documents inspected, no photo kept' });
  });

  it('ambiguous candidates: resolved correctly, to the wrong look-alike (critical), or ruled out when one was to be picked (lesser)', () => {
    const pickVera = occupant('vera', { outcome: 'departure_confirmed', resolve: { pick: 'vera' } });
    expect(scoreDeparture(pickVera, confirmed({ travellerId: 'vera', among: ['vera', 'selma'] })).verdict).toBe('correct');
    expect(scoreDeparture(pickVera, confirmed({ travellerId: 'selma', among: ['vera', 'selma'] }))).toEqual({
      verdict: 'wrong_traveller',
      message: 'confirmed as selma, picked among 2 look-alikes; the traveller is vera (expected: departure confirmed, picking vera among the look-alikes)',
      impostorLetThrough: false,
      critical: true,
    });
    expect(scoreDeparture(pickVera, ruledOut(['vera', 'selma']))).toMatchObject({ verdict: 'wrongly_held', message: 'ruled out every look-alike: held a traveller who could leave (expected: departure confirmed, picking vera among the look-alikes)' });
    const twins = occupant('vera', { outcome: 'not_identified', resolve: 'none_of_them' });
    expect(scoreDeparture(twins, ruledOut(['vera', 'selma']))).toMatchObject({ verdict: 'correct', message: 'look-alikes ruled out: held for the officer, as expected' });
    // Held by Enter (or H) with the look-alikes still on the card: nobody left, but the twin was never ruled out (before: correct).
    const unresolved = { action: { ...held().action, among: ['vera', 'selma'], shown: 'Ambiguous: 2 look-alike candidates, pick one (1-2) or X' }, secondsTaken: 15 };
    expect(scoreDeparture(twins, unresolved)).toEqual({
      verdict: 'wrong_reason',
      message: 'held with 2 look-alike candidates left unresolved: the look-alikes were to be ruled out (expected: not identified: photograph or inspect, ruling out every look-alike (X))',
      impostorLetThrough: false,
      critical: false,
    });
    // A card that never offered look-alikes (the search found no one): held is all the trainee could do.
    expect(scoreDeparture(twins, held()).verdict).toBe('correct');
    // Picking one of identical twins by face is a guess: a departure recorded on it is a critical miss, even a lucky one.
    expect(scoreDeparture(twins, confirmed({ travellerId: 'vera', among: ['vera', 'selma'] }))).toMatchObject({ verdict: 'let_through', critical: true, message: expect.stringContaining('picked among 2 look-alikes: the traveller was to be held') });
  });
});
