import { describe, expect, it } from 'vitest';
import type { RecordAlert } from '../../ports/travellerRecord';
import { finalRulePolicy } from '../../policy/testSupport/shippedPolicies';
import { galleryEntry as entry } from './testSupport/galleryEntry';
import { assessExitOccupant, type ExitIdentification } from './exitOccupantRules';

/** The alerts an exit officer sees for an identified traveller, as a supervisor would state the rules. */

const context = { departureDate: '2026-12-07', policy: finalRulePolicy };
const found = (travellerId: string): ExitIdentification => ({
  kind: 'candidate',
  candidate: { travellerId, score: 0.6, threshold: 0.42, calibratedFpir: { fpir: 1e-4, bound: false, text: '1 in 10,000' }, gallerySize: 1, trackId: 'track-1' },
});
const alert = (kind: RecordAlert['kind'], severity: RecordAlert['severity'] = 'hit'): RecordAlert => ({ alertId: `${kind}-1`, kind, severity, summary: `${kind} on record` });
const assess = (fields: Parameters<typeof entry>[1]) => assessExitOccupant('o1', found('T1'), new Map([['T1', entry('T1', fields)]]), context);

describe('overstay at the admit-until boundary (leaving 2026-12-07)', () => {
  it('admitted until the day of departure: on time, confirmed, no alert', () => {
    const a = assess({ admitUntil: '2026-12-07' });
    expect(a).toMatchObject({ outcome: { kind: 'departure_confirmed', stay: { kind: 'within', daysLeft: 0 } }, confirmable: true, recordsDeparture: true, needsOfficer: false });
  });

  it('admitted until the day before: an overstay of 1 day, shown to the officer, still confirmed and recorded', () => {
    const a = assess({ admitUntil: '2026-12-06' });
    expect(a.outcome).toMatchObject({ kind: 'identified_with_alert', stay: { kind: 'overstay', days: 1 }, alerts: [{ kind: 'overstay', days: 1, admitUntil: '2026-12-06' }] });
    expect(a).toMatchObject({ confirmable: true, recordsDeparture: true, needsOfficer: false });
  });

  it('admitted for duration of status: never an overstay, however long the stay', () => {
    expect(assess({ admitUntil: null, classOfAdmission: 'F1', admittedOn: '1990-01-01' }).outcome).toMatchObject({ kind: 'departure_confirmed', stay: { kind: 'duration_of_status' } });
  });
});

describe('each alert kind on the record', () => {
  it('a lookout holds the traveller for the officer, whether the record calls it a hit or a notice', () => {
    for (const severity of ['hit', 'notice'] as const) {
      const a = assess({ alerts: [alert('lookout', severity)] });
      expect(a).toMatchObject({ outcome: { kind: 'identified_with_alert', alerts: [{ kind: 'lookout', alert: alert('lookout', severity) }] }, confirmable: false, recordsDeparture: false, needsOfficer: true });
    }
  });

  it('a prior removal is shown and informs: the departure is confirmed and recorded', () => {
    const a = assess({ alerts: [alert('prior_removal', 'notice')] });
    expect(a).toMatchObject({ outcome: { kind: 'identified_with_alert', alerts: [{ kind: 'prior_removal', alert: alert('prior_removal', 'notice') }] }, confirmable: true, recordsDeparture: true, needsOfficer: false });
  });

  it('an overstay the records service flagged is not taken on trust: the booth counts the days from the admit-until date', () => {
    // On time by the dates, whatever the service's flag says.
    expect(assess({ admitUntil: '2027-01-17', alerts: [alert('overstay')] }).outcome.kind).toBe('departure_confirmed');
    // Over by the dates: one overstay alert, the booth's own count.
    expect(assess({ admitUntil: '2026-12-01', alerts: [alert('overstay')] }).outcome).toMatchObject({ alerts: [{ kind: 'overstay', days: 6, admitUntil: '2026-12-01' }] });
  });

  it('the exit rules show overstay, lookout and prior removal only: a visa or vehicle alert on the record holds nobody at exit', () => {
    expect(assess({ alerts: [alert('visa'), alert('vehicle')] })).toMatchObject({ outcome: { kind: 'departure_confirmed' }, confirmable: true, needsOfficer: false });
  });

  it('an overstayer with a lookout and a prior removal sees all three, in that order, and is held', () => {
    const a = assess({ admitUntil: '2026-11-30', alerts: [alert('prior_removal', 'notice'), alert('lookout')] });
    expect(a.outcome.kind === 'identified_with_alert' && a.outcome.alerts.map((x) => x.kind)).toEqual(['overstay', 'prior_removal', 'lookout']);
    expect(a).toMatchObject({ confirmable: false, recordsDeparture: false, needsOfficer: true });
  });
});

describe('a candidate the booth cannot show', () => {
  it('a face matched to someone the local gallery does not hold: not identified, a face was seen, the officer photographs or inspects', () => {
    const a = assessExitOccupant('o1', found('NOT-HERE'), new Map([['T1', entry('T1')]]), context);
    expect(a).toEqual({ occupantId: 'o1', outcome: { kind: 'not_identified', faceSeen: true }, confirmable: false, recordsDeparture: false, needsOfficer: true, reasons: [] });
  });
});
