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
});

describe('each alert kind on the record', () => {
  it('a lookout hit holds the traveller for the officer; a lookout notice is shown and does not hold', () => {
    const hit = assess({ alerts: [alert('lookout', 'hit')] });
    expect(hit).toMatchObject({ outcome: { kind: 'identified_with_alert', alerts: [{ kind: 'lookout', alert: alert('lookout', 'hit') }] }, confirmable: false, recordsDeparture: false, needsOfficer: true });
    const notice = assess({ alerts: [alert('lookout', 'notice')] });
    expect(notice).toMatchObject({ outcome: { kind: 'identified_with_alert', alerts: [{ kind: 'lookout', alert: alert('lookout', 'notice') }] }, confirmable: true, recordsDeparture: true, needsOfficer: false });
  });

  it('a prior removal is shown: a notice informs, a hit holds', () => {
    expect(assess({ alerts: [alert('prior_removal', 'notice')] })).toMatchObject({ outcome: { kind: 'identified_with_alert', alerts: [{ kind: 'prior_removal', alert: alert('prior_removal', 'notice') }] }, confirmable: true, recordsDeparture: true, needsOfficer: false });
    expect(assess({ alerts: [alert('prior_removal', 'hit')] })).toMatchObject({ confirmable: false, recordsDeparture: false, needsOfficer: true });
  });

  it('a visa or vehicle alert on the record is shown to the exit officer as a record alert: a hit holds, a notice does not', () => {
    for (const kind of ['visa', 'vehicle'] as const) {
      const hit = assess({ alerts: [alert(kind, 'hit')] });
      expect(hit).toMatchObject({ outcome: { kind: 'identified_with_alert', alerts: [{ kind: 'record_alert', alert: alert(kind, 'hit') }] }, confirmable: false, recordsDeparture: false, needsOfficer: true });
      const notice = assess({ alerts: [alert(kind, 'notice')] });
      expect(notice).toMatchObject({ outcome: { kind: 'identified_with_alert', alerts: [{ kind: 'record_alert', alert: alert(kind, 'notice') }] }, confirmable: true, recordsDeparture: true, needsOfficer: false });
    }
  });

  it('an overstay the records service flagged is shown as its alert; the days over are the booth\'s own count from the admit-until date', () => {
    // On time by the dates: no overstay counted, the service's notice shown as a record alert.
    expect(assess({ admitUntil: '2027-01-17', alerts: [alert('overstay', 'notice')] })).toMatchObject({
      outcome: { kind: 'identified_with_alert', stay: { kind: 'within' }, alerts: [{ kind: 'record_alert', alert: alert('overstay', 'notice') }] },
      confirmable: true,
    });
    // Over by the dates: the booth's count first, then the service's alert.
    expect(assess({ admitUntil: '2026-12-01', alerts: [alert('overstay', 'notice')] }).outcome).toMatchObject({ alerts: [{ kind: 'overstay', days: 6, admitUntil: '2026-12-01' }, { kind: 'record_alert' }] });
  });

  it('the days over alone never hold: an overstayer leaves with the departure recorded', () => {
    expect(assess({ admitUntil: '2020-01-01' })).toMatchObject({ outcome: { kind: 'identified_with_alert' }, confirmable: true, recordsDeparture: true, needsOfficer: false });
  });

  it('an overstayer with a prior removal notice and a lookout hit sees all three, in that order, and is held', () => {
    const a = assess({ admitUntil: '2026-11-30', alerts: [alert('prior_removal', 'notice'), alert('lookout')] });
    expect(a.outcome.kind === 'identified_with_alert' && a.outcome.alerts.map((x) => x.kind)).toEqual(['overstay', 'prior_removal', 'lookout']);
    expect(a).toMatchObject({ confirmable: false, recordsDeparture: false, needsOfficer: true });
  });
});
