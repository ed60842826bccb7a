import { describe, expect, it } from 'vitest';
import type { RecordAlert } from '../../../../app/ports/travellerRecord';
import { galleryEntry } from '../../../../app/inspection/exit/testSupport/galleryEntry';
import { alertText, exitOutcomeText, exitStatusOf } from './exitOutcomeText';

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

  it('a gallery-identified traveller whose own document is not proven genuine: the card names them, says why the chip did not prove it, that nothing is confirmed, and keeps their alerts', () => {
    const whitfield = galleryEntry('TR-WHITFIELD', { surname: 'WHITFIELD', givenNames: 'Helen Margaret' });
    const candidate = { travellerId: 'TR-WHITFIELD', score: 0.58, threshold: 0.41, calibratedFpir: { fpir: 3e-4, bound: false, text: '1 in 3,300' }, gallerySize: 3, trackId: 'cam:1' };
    const passport = { documentNumber: '533401127', nationality: 'GBR', name: 'WHITFIELD, Helen Margaret' };
    const failed = { kind: 'identified_document_unverified', entry: whitfield, candidate, document: { ...passport, chip: { verdict: 'failed', reason: 'Chip data NOT genuine: DG1 hash mismatch' } }, alerts: [] } as const;
    expect(exitOutcomeText(failed)).toBe(
      'Identified as WHITFIELD, Helen Margaret (1:N), but the document presented is not proven genuine: its chip FAILED its checks (Chip data NOT genuine: DG1 hash mismatch). Departure NOT confirmed, inspect the document',
    );
    const lookout = { kind: 'lookout', alert: alert('lookout', 'hit') } as const;
    const unread = { ...failed, document: passport, alerts: [lookout] } as const;
    expect(exitOutcomeText(unread)).toBe(
      'Identified as WHITFIELD, Helen Margaret (1:N), but the document presented is not proven genuine: its chip did not verify it (no chip was read). Departure NOT confirmed, inspect the document · LOOKOUT: lookout summary',
    );
    const assessed = (outcome: typeof failed | typeof unread) => ({ occupantId: 'o1', outcome, confirmable: false, recordsDeparture: false, needsOfficer: true, reasons: [] });
    expect(exitStatusOf(assessed(failed))).toBe('identified_document_unverified');
    expect(exitStatusOf(assessed(unread))).toBe('lookout');
  });

  it('an eligible opt-out on a document its chip did not prove genuine: the card says it is held and why', () => {
    const passport = { documentNumber: '488213307', nationality: 'USA', name: 'MORALES, Ana', chip: { verdict: 'failed', reason: 'DG1 hash mismatch' } } as const;
    expect(exitOutcomeText({ kind: 'opt_out', declaredAt: '2026-12-07T09:13:00Z', entry: null, stay: null, eligible: true, documentNotProven: passport })).toBe(
      'Opt-out declared, but the document presented is not proven genuine: its chip FAILED its checks (DG1 hash mismatch). Departure NOT confirmed, inspect the document',
    );
  });
});
