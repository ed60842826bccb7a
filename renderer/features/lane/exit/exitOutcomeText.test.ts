import { describe, expect, it } from 'vitest';
import type { RecordAlert } from '../../../../app/ports/travellerRecord';
import { galleryEntry } from '../../../../app/inspection/exit/testSupport/galleryEntry';
import { alertText, exitOutcomeText } from './exitOutcomeText';

describe('the exit card\'s alert lines', () => {
  const alert = (kind: RecordAlert['kind'], severity: RecordAlert['severity']): RecordAlert => ({ alertId: 'A1', kind, severity, summary: `${kind} summary` });

  it('shows every alert on the record, with its kind and severity where the kind has no line of its own', () => {
    expect(alertText({ kind: 'overstay', days: 1, admitUntil: '2026-12-06' })).toBe('Overstay 1 day (admitted until 2026-12-06)');
    expect(alertText({ kind: 'lookout', alert: alert('lookout', 'hit') })).toBe('LOOKOUT: lookout summary');
    expect(alertText({ kind: 'prior_removal', alert: alert('prior_removal', 'notice') })).toBe('Prior removal: prior_removal summary');
    expect(alertText({ kind: 'record_alert', alert: alert('visa', 'hit') })).toBe('Record alert (visa, hit): visa summary');
    expect(alertText({ kind: 'record_alert', alert: alert('overstay', 'notice') })).toBe('Record alert (overstay, notice): overstay summary');
  });

  it('a document of an expected traveller the search did not find names them and their alerts: never "no entry record"', () => {
    const varga = galleryEntry('TR-LOOKOUT', { surname: 'VARGA', givenNames: 'Imre' });
    const comparison = { kind: 'compared', document: { documentNumber: 'BE4418270', nationality: 'HUN', name: 'VARGA, Imre' }, decision: 'match', score: 0.66, referenceSource: 'chip', modelId: 'm', modelVersion: '1', calibrationVersion: 'c', targetFmr: 1e-4, threshold: 0.36 } as const;
    expect(exitOutcomeText({ kind: 'document_of_unfound_traveller', entry: varga, document: comparison.document, comparison, alerts: [{ kind: 'lookout', alert: alert('lookout', 'hit') }] })).toBe(
      "The document presented is VARGA, Imre's (expected to leave), but the face search did not find them: departure NOT confirmed, check who this is · LOOKOUT: lookout summary",
    );
  });
});
