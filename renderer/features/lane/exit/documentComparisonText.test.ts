import { describe, expect, it } from 'vitest';
import { departureOf } from '../../../../app/inspection/exit/departureOf';
import type { ExitDocument, ExitDocumentComparison } from '../../../../app/inspection/exit/exitDocumentCheck';
import { assessExitOccupant } from '../../../../app/inspection/exit/exitOccupantRules';
import { galleryEntry } from '../../../../app/inspection/exit/testSupport/galleryEntry';
import { finalRulePolicy } from '../../../../app/policy/testSupport/shippedPolicies';
import { departureRecordSchema, documentChipRecordedFrom } from '../../../../app/inspection/exit/departureRecord';
import { departureEvidenceLines, documentChipLine } from '../../review/departureLabels';
import { documentComparisonText, shownDocumentComparison } from './documentComparisonText';
import { exitOutcomeText } from './exitOutcomeText';

const passport: ExitDocument = { documentNumber: '533401127', nationality: 'GBR', name: 'WHITFIELD, Helen Margaret', chip: { verdict: 'verified' } };
const provenance = { modelId: 'arcface-r100', modelVersion: '1.2.0', calibrationVersion: 'lfw-2026-11', targetFmr: 1e-4, threshold: 0.36 };
const compared = (score: number): ExitDocumentComparison => ({ kind: 'compared', document: passport, decision: score >= 0.36 ? 'match' : 'no_match', score, referenceSource: 'chip', ...provenance });
const context = { departureDate: '2026-12-07', policy: finalRulePolicy };

describe('the exit card and the review word the 1:1 comparison with the document alike', () => {
  it('a match, a non-match and a comparison not made each say so, with score, threshold, FMR, model and calibration', () => {
    expect(documentComparisonText(shownDocumentComparison(compared(0.712)))).toBe(
      'Face matches the document GBR 533401127 (1:1, chip photo): score 0.712 vs threshold 0.360 at FMR 1 in 10,000 · model arcface-r100 v1.2.0, calibration lfw-2026-11',
    );
    expect(documentComparisonText(shownDocumentComparison(compared(0.2)))).toMatch(/^Face does NOT match the document GBR 533401127/);
    expect(documentComparisonText(shownDocumentComparison({ kind: 'not_compared', document: passport, reason: 'no photo on the document' }))).toBe('Face NOT compared with the document GBR 533401127 (1:1 not made: no photo on the document)');
  });

  it('identified by the document with no gallery mate: the card headline and the review lines say the same', () => {
    const a = assessExitOccupant('o1', { kind: 'no_candidate', trackId: 'cam:1' }, new Map(), context, undefined, undefined, compared(0.712));
    expect(exitOutcomeText(a.outcome)).toBe('Identified by the document (1:1): no entry record on file');
    const record = departureOf(a, 'dep-1', { departedAt: '2026-12-07T09:14:00Z', boothId: 'B', port: 'San Ysidro, CA', lane: { laneId: 'p', laneType: 'pedestrian' }, plate: null, sessionId: 's', officer: 'o', versions: { rules: 'r', policy: finalRulePolicy.id, faceModel: null } });
    expect(record && departureEvidenceLines(record)).toEqual(['Identified by the document (1:1): no entry record on file', documentComparisonText(shownDocumentComparison(compared(0.712))), 'Document chip: verified (Passive Authentication)']);
  });

  it('the review says what the document chip proved, and that a departure recorded before departures kept it did not say', () => {
    expect(documentChipLine({ verdict: 'verified' }, documentChipRecordedFrom)).toBe('Document chip: verified (Passive Authentication)');
    expect(documentChipLine({ verdict: 'failed', reason: 'DG1 hash mismatch' }, documentChipRecordedFrom)).toBe('Document chip FAILED its checks (DG1 hash mismatch)');
    expect(documentChipLine({ verdict: 'not_verifiable', reason: 'no CSCA for GBR in the trust list' }, documentChipRecordedFrom)).toBe('Document chip NOT verified: a check could not be made (no CSCA for GBR in the trust list)');
    expect(documentChipLine({ verdict: 'not_read', reason: 'no chip was read' }, documentChipRecordedFrom)).toBe('Document chip NOT read (no chip was read)');
    expect(documentChipLine({ verdict: 'not_read' }, documentChipRecordedFrom)).toBe('Document chip NOT read');
    // An old departure (before 2026.12.10) loads and is never shown as verified.
    const unreadUnder = { documentNumber: '533401127', nationality: 'GBR', name: 'WHITFIELD, Helen Margaret' };
    const lenient = { ...context, policy: { ...finalRulePolicy, exitRecord: { ...finalRulePolicy.exitRecord, unverifiedDocumentIdentifies: true } } };
    const record = departureOf(assessExitOccupant('o1', { kind: 'no_candidate', trackId: 'cam:1' }, new Map(), lenient, undefined, undefined, { ...compared(0.712), document: unreadUnder }), 'dep-2', { departedAt: '2026-12-07T09:14:00Z', boothId: 'B', port: 'San Ysidro, CA', lane: { laneId: 'p', laneType: 'pedestrian' }, plate: null, sessionId: 's', officer: 'o', versions: { rules: 'exit-rules-2026.12.8', policy: finalRulePolicy.id, faceModel: null } });
    expect(record && departureEvidenceLines(record)[2]).toBe('Document chip NOT read (no chip was read)');
    if (!record || record.evidence.method !== 'document') throw new Error('a departure by the document was expected');
    const { documentChip: _kept, ...before } = record.evidence;
    const old = departureRecordSchema.parse({ ...record, evidence: before });
    expect(departureEvidenceLines(old)[2]).toBe('Document chip: not recorded (recorded under exit-rules-2026.12.8; departures keep it from exit-rules-2026.12.10 on)');
  });

  it('identified by a document whose chip did not verify it: the card says so and why, and that it is held for inspection', () => {
    const noGallery = { kind: 'no_candidate', trackId: 'cam:1' } as const;
    const outcomeWith = (chip: ExitDocument['chip']) => {
      const { chip: _verified, ...unread } = passport;
      const document: ExitDocument = chip ? { ...unread, chip } : unread;
      return exitOutcomeText(assessExitOccupant('o1', noGallery, new Map(), context, undefined, undefined, { ...compared(0.712), document }).outcome);
    };
    expect(outcomeWith(undefined)).toBe('Identified by the document (1:1), but its chip did not verify it (no chip was read): no entry record on file, inspect the document');
    expect(outcomeWith({ verdict: 'not_verifiable', reason: 'Chip data signed by an untrusted signer: no CSCA for GBR in the trust list' })).toBe(
      'Identified by the document (1:1), but its chip did not verify it (Chip data signed by an untrusted signer: no CSCA for GBR in the trust list): no entry record on file, inspect the document',
    );
    expect(outcomeWith({ verdict: 'not_read', reason: 'the card was removed' })).toContain('(the chip could not be read: the card was removed)');
    expect(outcomeWith({ verdict: 'failed', reason: 'Chip data NOT genuine: DG2 hash mismatch' })).toBe(
      'The face matches the document (1:1), but its chip FAILED its checks (Chip data NOT genuine: DG2 hash mismatch): departure NOT confirmed, inspect the document',
    );
  });

  it('a mismatch and a conflict are held in words naming why (and both travellers)', () => {
    const gallery = new Map([['TR-OKONKWO', galleryEntry('TR-OKONKWO', { surname: 'OKONKWO', givenNames: 'Chidi' })]]);
    const candidate = { kind: 'candidate' as const, candidate: { travellerId: 'TR-OKONKWO', score: 0.6, threshold: 0.41, calibratedFpir: { fpir: 1e-4, bound: false, text: '1 in 10,000' }, gallerySize: 1, trackId: 'cam:1' } };
    expect(exitOutcomeText(assessExitOccupant('o1', candidate, gallery, context, undefined, undefined, compared(0.2)).outcome)).toBe('Face does not match the document presented: departure NOT confirmed');
    expect(exitOutcomeText(assessExitOccupant('o1', candidate, gallery, context, undefined, undefined, compared(0.6)).outcome)).toBe(
      'Conflict: the gallery identifies OKONKWO, Chidi but the document presented is WHITFIELD, Helen Margaret (GBR 533401127): departure NOT confirmed',
    );
  });
});
