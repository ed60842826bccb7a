import { describe, expect, it } from 'vitest';
import type { RecordAlert } from '../../../../app/ports/travellerRecord';
import { alertText } from './exitOutcomeText';

describe('the exit card\'s alert lines', () => {
  const alert = (kind: RecordAlert['kind'], severity: RecordAlert['severity']): RecordAlert => ({ alertId: 'A1', kind, severity, summary: `${kind} summary` });

  it('shows every alert on the record, with its kind and severity where the kind has no line of its own', () => {
    expect(alertText({ kind: 'overstay', days: 1, admitUntil: '2026-12-06' })).toBe('Overstay 1 day (admitted until 2026-12-06)');
    expect(alertText({ kind: 'lookout', alert: alert('lookout', 'hit') })).toBe('LOOKOUT: lookout summary');
    expect(alertText({ kind: 'prior_removal', alert: alert('prior_removal', 'notice') })).toBe('Prior removal: prior_removal summary');
    expect(alertText({ kind: 'record_alert', alert: alert('visa', 'hit') })).toBe('Record alert (visa, hit): visa summary');
    expect(alertText({ kind: 'record_alert', alert: alert('overstay', 'notice') })).toBe('Record alert (overstay, notice): overstay summary');
  });
});
