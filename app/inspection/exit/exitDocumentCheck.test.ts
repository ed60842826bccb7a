import { describe, expect, it } from 'vitest';
import { finalRulePolicy } from '../../policy/testSupport/shippedPolicies';
import { departureOf, documentFaceComparisonOf, type DepartureContext } from './departureOf';
import { departureRecordSchema, documentChipRecordedFrom } from './departureRecord';
import { documentChipNotVerifiedBecause, documentFaceMatches, documentHolderText, documentIsEntrys, documentTravellerId, type ExitDocument, type ExitDocumentComparison } from './exitDocumentCheck';
import { assessExitOccupant, assessExitVehicle, type ExitCandidate, type ExitIdentification } from './exitOccupantRules';
import { galleryEntry as entry } from './testSupport/galleryEntry';

/**
 * A traveller at an exit lane hands over a document: the live face is compared 1:1 with its photo (as at entry) and
 * the exit rules combine that with the gallery search, as the officer reads it on the card.
 */

const helenPassport: ExitDocument = { documentNumber: '533401127', nationality: 'GBR', name: 'WHITFIELD, Helen Margaret', chip: { verdict: 'verified' } };
const gallery = new Map(
  [
    entry('TR-WHITFIELD', { surname: 'WHITFIELD', givenNames: 'Helen Margaret', documents: [{ documentNumber: '533401127', nationality: 'GBR', issuingState: 'GBR', documentType: 'passport', expiresOn: '2031-04-02' }] }),
    entry('TR-OKONKWO', { surname: 'OKONKWO', givenNames: 'Chidi', citizenship: 'NGA', documents: [{ documentNumber: 'A07734921', nationality: 'NGA', issuingState: 'NGA', documentType: 'passport' }] }),
    entry('TR-LOOKOUT', { surname: 'VARGA', givenNames: 'Imre', citizenship: 'HUN', documents: [{ documentNumber: 'BE4418270', nationality: 'HUN', issuingState: 'HUN', documentType: 'passport' }], alerts: [{ alertId: 'L9', kind: 'lookout', severity: 'hit', summary: 'Wanted for questioning' }] }),
  ].map((e) => [e.travellerId, e]),
);
const context = { departureDate: '2026-12-07', policy: finalRulePolicy };
const candidate = (travellerId: string): ExitCandidate => ({ travellerId, score: 0.58, threshold: 0.41, calibratedFpir: { fpir: 3e-4, bound: false, text: '1 in 3,300' }, gallerySize: 3, trackId: 'cam:1' });
const found = (travellerId: string): ExitIdentification => ({ kind: 'candidate', candidate: candidate(travellerId) });
const nobody: ExitIdentification = { kind: 'no_candidate', trackId: 'cam:1' };
const provenance = { modelId: 'arcface-r100', modelVersion: '1.2.0', calibrationVersion: 'lfw-2026-11', targetFmr: 1e-4, threshold: 0.36 };
const compared = (document: ExitDocument, score: number): ExitDocumentComparison => ({ kind: 'compared', document, decision: score >= provenance.threshold ? 'match' : 'no_match', score, referenceSource: 'chip', ...provenance });
const departure: DepartureContext = {
  departedAt: '2026-12-07T09:14:00Z',
  boothId: 'BOOTH-02',
  port: 'San Ysidro, CA',
  lane: { laneId: 'ped-4', laneType: 'pedestrian' },
  plate: null,
  sessionId: 'exit-ped-77',
  officer: 'officer-17',
  versions: { rules: 'exit-rules-test', policy: finalRulePolicy.id, faceModel: { modelId: 'arcface-r100', modelVersion: '1.2.0', calibrationVersion: 'lfw-2026-11' } },
};

describe('exit: the face compared 1:1 with the document presented', () => {
  it('the gallery finds Helen Whitfield and her face matches the passport she hands over (listed on her entry): departure confirmed, evidence carries both', () => {
    const a = assessExitOccupant('o1', found('TR-WHITFIELD'), gallery, context, undefined, undefined, compared(helenPassport, 0.71));
    expect(a).toMatchObject({ outcome: { kind: 'departure_confirmed', entry: { travellerId: 'TR-WHITFIELD' } }, confirmable: true, recordsDeparture: true, needsOfficer: false });
    const record = departureRecordSchema.parse(departureOf(a, 'dep-1', departure));
    expect(record.travellerId).toBe('TR-WHITFIELD');
    expect(record.evidence).toMatchObject({
      method: 'face_identification',
      candidateId: 'TR-WHITFIELD',
      score: 0.58,
      documentChip: { verdict: 'verified' },
      documentComparison: { outcome: 'match', documentNumber: '533401127', nationality: 'GBR', referenceSource: 'chip', score: 0.71, threshold: 0.36, targetFmr: 1e-4, modelId: 'arcface-r100', calibrationVersion: 'lfw-2026-11' },
    });
  });

  it('a document whose photo is among the gallery entry document photos is that traveller’s, even when the entry does not list its number', () => {
    const renewed = { ...helenPassport, documentNumber: '561009873', photoOfTravellers: ['TR-WHITFIELD'] };
    expect(assessExitOccupant('o1', found('TR-WHITFIELD'), gallery, context, undefined, undefined, compared(renewed, 0.66))).toMatchObject({ outcome: { kind: 'departure_confirmed' }, confirmable: true });
  });

  it('no gallery mate, but the face matches the passport: identified by the document, confirmable, recorded with the no-entry-record warning', () => {
    const visitor: ExitDocument = { documentNumber: 'C4RT88120', nationality: 'DEU', name: 'BRANDT, Jonas', chip: { verdict: 'verified' } };
    const a = assessExitOccupant('o1', nobody, gallery, context, undefined, undefined, compared(visitor, 0.64));
    expect(a).toMatchObject({ outcome: { kind: 'identified_by_document', document: visitor }, confirmable: true, recordsDeparture: true, needsOfficer: false });
    const record = departureRecordSchema.parse(departureOf(a, 'dep-2', departure));
    expect(record.travellerId).toBe('document:DEU:C4RT88120');
    expect(record.evidence).toEqual({ method: 'document', documentNumber: 'C4RT88120', noEntryRecord: true, faceComparison: { outcome: 'match', documentNumber: 'C4RT88120', nationality: 'DEU', referenceSource: 'chip', score: 0.64, ...provenance }, documentChip: { verdict: 'verified' } });
  });

  it('no gallery mate, the face matches the passport, but its chip did not verify it: held for the officer (the policy default), a failed chip always', () => {
    const visitor: ExitDocument = { documentNumber: 'C4RT88120', nationality: 'DEU', name: 'BRANDT, Jonas' };
    const unverified: readonly ExitDocument[] = [
      visitor,
      { ...visitor, chip: { verdict: 'not_read', reason: 'the card was removed' } },
      { ...visitor, chip: { verdict: 'not_verifiable', reason: 'Chip data signed by an untrusted signer: no CSCA for DEU in the trust list' } },
    ];
    for (const document of unverified) {
      // Before: confirmable and recorded on the document alone, as firmly as with a verified chip.
      const a = assessExitOccupant('o1', nobody, gallery, context, undefined, undefined, compared(document, 0.64));
      expect(a, JSON.stringify(document.chip)).toMatchObject({ outcome: { kind: 'identified_by_document', document }, confirmable: false, recordsDeparture: false, needsOfficer: true });
      expect(departureOf(a, 'dep-8', departure)).toBeNull();
    }
    const lenient = { ...context, policy: { ...finalRulePolicy, exitRecord: { ...finalRulePolicy.exitRecord, unverifiedDocumentIdentifies: true } } };
    for (const document of unverified) {
      expect(assessExitOccupant('o1', nobody, gallery, lenient, undefined, undefined, compared(document, 0.64))).toMatchObject({ outcome: { kind: 'identified_by_document' }, confirmable: true, recordsDeparture: true, needsOfficer: false });
    }
    // Where the policy lets it stand, the departure keeps the chip's standing and why (before: nothing of the chip, read as genuine).
    const standings = unverified.map((document) => departureRecordSchema.parse(departureOf(assessExitOccupant('o1', nobody, gallery, lenient, undefined, undefined, compared(document, 0.64)), 'dep-11', { ...departure, versions: { ...departure.versions, rules: documentChipRecordedFrom } })).evidence);
    expect(standings.map((e) => e.method === 'document' && e.documentChip)).toEqual([
      { verdict: 'not_read', reason: 'no chip was read' },
      { verdict: 'not_read', reason: 'the card was removed' },
      { verdict: 'not_verifiable', reason: 'Chip data signed by an untrusted signer: no CSCA for DEU in the trust list' },
    ]);
    const forged = { ...visitor, chip: { verdict: 'failed', reason: 'Chip data NOT genuine: DG1 hash mismatch' } } as const;
    for (const policy of [context, lenient]) {
      expect(assessExitOccupant('o1', nobody, gallery, policy, undefined, undefined, compared(forged, 0.64))).toMatchObject({ outcome: { kind: 'identified_by_document' }, confirmable: false, recordsDeparture: false, needsOfficer: true });
    }
    expect(finalRulePolicy.exitRecord.unverifiedDocumentIdentifies).toBe(false);
  });

  it('the gallery finds Helen Whitfield and the passport she hands over is hers, but its chip FAILED: held whatever the policy, the gallery finding and her alerts shown, nothing recorded', () => {
    const forged: ExitDocument = { ...helenPassport, chip: { verdict: 'failed', reason: 'Chip data NOT genuine: DG1 hash mismatch' } };
    const lenient = { ...context, policy: { ...finalRulePolicy, exitRecord: { ...finalRulePolicy.exitRecord, unverifiedDocumentIdentifies: true } } };
    const notCompared: ExitDocumentComparison = { kind: 'not_compared', document: forged, reason: 'no usable face in the document photo' };
    for (const [rules, comparison] of [[context, compared(forged, 0.71)], [lenient, compared(forged, 0.71)], [context, notCompared]] as const) {
      // Before: departure_confirmed, confirmable and recorded on a passport whose chip is not genuine.
      const a = assessExitOccupant('o1', found('TR-WHITFIELD'), gallery, rules, undefined, undefined, comparison);
      expect(a).toMatchObject({ outcome: { kind: 'identified_document_unverified', entry: { travellerId: 'TR-WHITFIELD' }, candidate: { travellerId: 'TR-WHITFIELD' }, document: forged, alerts: [] }, confirmable: false, recordsDeparture: false, needsOfficer: true });
      expect(departureOf(a, 'dep-10', departure)).toBeNull();
    }
    // A lookout's alerts stay on the card (and the hold): the chip's hold does not hide them.
    const vargaForged: ExitDocument = { documentNumber: 'BE4418270', nationality: 'HUN', name: 'VARGA, Imre', chip: { verdict: 'failed' } };
    expect(assessExitOccupant('o1', found('TR-LOOKOUT'), gallery, context, undefined, undefined, compared(vargaForged, 0.74))).toMatchObject({ outcome: { kind: 'identified_document_unverified', alerts: [{ kind: 'lookout' }] }, confirmable: false, needsOfficer: true });
  });

  it('the gallery finds the traveller and the passport is theirs, but no chip verified it (none read, unreadable, no trust anchor): confirmed on the gallery, whatever the policy, the record saying the chip did not verify it', () => {
    const unverified: readonly ExitDocument[] = [
      { documentNumber: '533401127', nationality: 'GBR', name: 'WHITFIELD, Helen Margaret' },
      { ...helenPassport, chip: { verdict: 'not_read', reason: 'the card was removed' } },
      { ...helenPassport, chip: { verdict: 'not_verifiable', reason: 'no CSCA for GBR in the trust list' } },
    ];
    const strict = { ...context, policy: { ...finalRulePolicy, exitRecord: { ...finalRulePolicy.exitRecord, unverifiedDocumentIdentifies: false } } };
    for (const document of unverified) {
      // The gallery identified them against their entry record; an exit lane without a reader (a chipless document) holds nobody for it.
      const confirmed = assessExitOccupant('o1', found('TR-WHITFIELD'), gallery, strict, undefined, undefined, compared(document, 0.71));
      expect(confirmed, JSON.stringify(document.chip)).toMatchObject({ outcome: { kind: 'departure_confirmed' }, confirmable: true, recordsDeparture: true, needsOfficer: false });
      // The departure says the passport beside the 1:N was not verified, and why.
      expect(departureRecordSchema.parse(departureOf(confirmed, 'dep-12', departure)).evidence).toMatchObject({ method: 'face_identification', documentChip: { verdict: document.chip?.verdict ?? 'not_read', reason: document.chip?.reason ?? 'no chip was read' } });
    }
    // A U.S. citizen on an unverified passport is confirmed the same way (nothing is recorded for them either way).
    const citizens = new Map([...gallery, ['TR-MORALES', entry('TR-MORALES', { citizenship: 'USA', usCitizen: true, admitUntil: null, documents: [{ documentNumber: '488213307', nationality: 'USA', issuingState: 'USA', documentType: 'passport' }] })]]);
    const morales: ExitDocument = { documentNumber: '488213307', nationality: 'USA', name: 'MORALES, Ana', chip: { verdict: 'not_verifiable' } };
    expect(assessExitOccupant('o1', found('TR-MORALES'), citizens, strict, undefined, undefined, compared(morales, 0.69))).toMatchObject({ outcome: { kind: 'citizen' }, confirmable: true, needsOfficer: false });
    // Their passport with a FAILED chip holds them (the next test's rule), U.S. citizen or not.
    expect(assessExitOccupant('o1', found('TR-MORALES'), citizens, strict, undefined, undefined, compared({ ...morales, chip: { verdict: 'failed', reason: 'Chip data NOT genuine: DG1 hash mismatch' } }, 0.69))).toMatchObject({ outcome: { kind: 'identified_document_unverified', entry: { usCitizen: true } }, confirmable: false, needsOfficer: true });
  });

  it('a U.S. citizen opts out of photography and hands over a passport whose chip FAILED: held, nothing recorded; one no chip verified, or a verified one, changes nothing', () => {
    const moralesEntry = entry('TR-MORALES', { citizenship: 'USA', usCitizen: true, admitUntil: null, documents: [{ documentNumber: '488213307', nationality: 'USA', issuingState: 'USA', documentType: 'passport' }] });
    const citizens = new Map([...gallery, ['TR-MORALES', moralesEntry]]);
    const optOut: ExitIdentification = { kind: 'opt_out', declaredAt: '2026-12-07T09:13:00Z', travellerId: 'TR-MORALES' };
    const recordsOptOuts = { ...context, policy: { ...finalRulePolicy, exitRecord: { ...finalRulePolicy.exitRecord, optOutRecorded: true } } };
    const passport: ExitDocument = { documentNumber: '488213307', nationality: 'USA', name: 'MORALES, Ana' };
    const notCompared = (document: ExitDocument): ExitDocumentComparison => ({ kind: 'not_compared', document, reason: 'the traveller opted out of photography' });
    const failed = { ...passport, chip: { verdict: 'failed', reason: 'Chip data NOT genuine: DG1 hash mismatch' } } as const;
    // Before: an eligible opt-out, confirmable and recorded as one ("documents inspected") on a passport the booth knew was not genuine.
    const a = assessExitOccupant('o1', optOut, citizens, recordsOptOuts, undefined, undefined, notCompared(failed));
    expect(a).toMatchObject({ outcome: { kind: 'opt_out', eligible: true, documentNotProven: failed }, confirmable: false, recordsDeparture: false, needsOfficer: true, reasons: [] });
    expect(departureOf(a, 'dep-13', departure)).toBeNull();
    // An opt-out IS the manual inspection: a passport no chip verified (no reader at the exit) or a verified one changes nothing.
    for (const document of [passport, { ...passport, chip: { verdict: 'not_read', reason: 'no chip reader at this lane' } } as const, { ...passport, chip: { verdict: 'verified' } } as const]) {
      const standing = assessExitOccupant('o1', optOut, citizens, recordsOptOuts, undefined, undefined, notCompared(document));
      expect(standing, JSON.stringify(document.chip)).toMatchObject({ outcome: { kind: 'opt_out', eligible: true }, confirmable: true, recordsDeparture: true, needsOfficer: false });
      expect(standing.outcome).not.toHaveProperty('documentNotProven');
    }
    const verified = assessExitOccupant('o1', optOut, citizens, recordsOptOuts, undefined, undefined, notCompared({ ...passport, chip: { verdict: 'verified' } }));
    // Nobody's face is compared for an opt-out: the comparison is never part of it.
    expect(verified).not.toHaveProperty('documentComparison');
    // Someone the policy does not let opt out is held for that already, and the card keeps saying so.
    const visitorOptOut: ExitIdentification = { kind: 'opt_out', declaredAt: '2026-12-07T09:13:00Z', travellerId: 'TR-WHITFIELD' };
    const ineligible = assessExitOccupant('o1', visitorOptOut, citizens, recordsOptOuts, undefined, undefined, notCompared({ ...helenPassport, chip: { verdict: 'failed' } }));
    expect(ineligible).toMatchObject({ outcome: { kind: 'opt_out', eligible: false }, confirmable: false, needsOfficer: true });
    expect(ineligible.outcome).not.toHaveProperty('documentNotProven');
  });

  it('a chip reason longer than a departure keeps is cut to its 300 characters: the departure is recorded, never lost to its length', () => {
    const lenient = { ...context, policy: { ...finalRulePolicy, exitRecord: { ...finalRulePolicy.exitRecord, unverifiedDocumentIdentifies: true } } };
    const visitor: ExitDocument = { documentNumber: 'C4RT88120', nationality: 'DEU', name: 'BRANDT, Jonas', chip: { verdict: 'not_verifiable', reason: `no CSCA for DEU: ${'x'.repeat(400)}` } };
    const record = departureRecordSchema.parse(departureOf(assessExitOccupant('o1', nobody, gallery, lenient, undefined, undefined, compared(visitor, 0.64)), 'dep-14', { ...departure, versions: { ...departure.versions, rules: documentChipRecordedFrom } }));
    expect(record.evidence.method === 'document' && record.evidence.documentChip).toEqual({ verdict: 'not_verifiable', reason: `no CSCA for DEU: ${'x'.repeat(300 - 17)}` });
  });

  it('says why a document chip did not verify it, in the officer\'s words', () => {
    const visitor: ExitDocument = { documentNumber: 'C4RT88120', nationality: 'DEU', name: 'BRANDT, Jonas' };
    expect(documentChipNotVerifiedBecause(visitor)).toBe('no chip was read');
    expect(documentChipNotVerifiedBecause({ ...visitor, chip: { verdict: 'not_read', reason: 'the card was removed' } })).toBe('the chip could not be read: the card was removed');
    expect(documentChipNotVerifiedBecause({ ...visitor, chip: { verdict: 'not_read' } })).toBe('the chip could not be read');
    expect(documentChipNotVerifiedBecause({ ...visitor, chip: { verdict: 'not_verifiable', reason: 'no CSCA for DEU' } })).toBe('no CSCA for DEU');
    expect(documentChipNotVerifiedBecause({ ...visitor, chip: { verdict: 'not_verifiable' } })).toBe('the chip data could not be verified');
    expect(documentChipNotVerifiedBecause({ ...visitor, chip: { verdict: 'failed' } })).toBe('a chip check failed');
  });

  it('no gallery mate found, but the passport (the face matching it) is an expected traveller\'s: held with their alerts shown, never "no entry record", nothing recorded', () => {
    const vargaPassport: ExitDocument = { documentNumber: 'BE4418270', nationality: 'HUN', name: 'VARGA, Imre' };
    const a = assessExitOccupant('o1', nobody, gallery, context, undefined, undefined, compared(vargaPassport, 0.66));
    expect(a).toMatchObject({ outcome: { kind: 'document_of_unfound_traveller', entry: { travellerId: 'TR-LOOKOUT' }, alerts: [{ kind: 'lookout' }] }, confirmable: false, recordsDeparture: false, needsOfficer: true });
    expect(departureOf(a, 'dep-7', departure)).toBeNull();
    // Known by its photo alone (the very image among the entry's document photos): the same.
    const renewed: ExitDocument = { documentNumber: '561009873', nationality: 'GBR', name: 'WHITFIELD, Helen Margaret', photoOfTravellers: ['TR-WHITFIELD'] };
    expect(assessExitOccupant('o1', nobody, gallery, context, undefined, undefined, compared(renewed, 0.7))).toMatchObject({ outcome: { kind: 'document_of_unfound_traveller', entry: { travellerId: 'TR-WHITFIELD' }, alerts: [] }, confirmable: false });
  });

  it('a U.S. passport holder identified by the document alone is confirmed with no biometric departure record (90 FR 48604)', () => {
    const citizen: ExitDocument = { documentNumber: '488213307', nationality: 'USA', name: 'MORALES, Ana', chip: { verdict: 'verified' } };
    const a = assessExitOccupant('o1', nobody, gallery, context, undefined, undefined, compared(citizen, 0.69));
    expect(a).toMatchObject({ outcome: { kind: 'identified_by_document' }, confirmable: true, recordsDeparture: false });
    expect(departureOf(a, 'dep-3', departure)).toBeNull();
  });

  it('the face does NOT match the passport presented (below the 1:1 threshold): held, whatever the gallery found, and nothing recorded', () => {
    for (const identification of [found('TR-WHITFIELD'), nobody]) {
      const a = assessExitOccupant('o1', identification, gallery, context, undefined, undefined, compared(helenPassport, 0.18));
      expect(a).toMatchObject({ outcome: { kind: 'document_face_mismatch', comparison: { score: 0.18, threshold: 0.36 } }, confirmable: false, recordsDeparture: false, needsOfficer: true });
      expect(departureOf(a, 'dep-4', departure)).toBeNull();
    }
  });

  it('the gallery finds Chidi Okonkwo but the passport presented is Helen Whitfield’s: held as a conflict naming both', () => {
    const a = assessExitOccupant('o1', found('TR-OKONKWO'), gallery, context, undefined, undefined, compared(helenPassport, 0.52));
    expect(a).toMatchObject({ outcome: { kind: 'document_conflict', entry: { surname: 'OKONKWO' }, document: { name: 'WHITFIELD, Helen Margaret' } }, confirmable: false, needsOfficer: true });
  });

  it('the same document number of another nationality is not the entry’s document: a conflict, never a match by number alone', () => {
    const a = assessExitOccupant('o1', found('TR-WHITFIELD'), gallery, context, undefined, undefined, compared({ ...helenPassport, nationality: 'IRL' }, 0.7));
    expect(a.outcome.kind).toBe('document_conflict');
  });

  it('a comparison that could not be made is said so and is never a pass: the gallery identification stands alone, nobody is identified by the document', () => {
    const noPhoto: ExitDocumentComparison = { kind: 'not_compared', document: helenPassport, reason: 'no usable face in the document photo' };
    const withGallery = assessExitOccupant('o1', found('TR-WHITFIELD'), gallery, context, undefined, undefined, noPhoto);
    expect(withGallery).toMatchObject({ outcome: { kind: 'departure_confirmed' }, confirmable: true, documentComparison: noPhoto });
    expect(departureRecordSchema.parse(departureOf(withGallery, 'dep-5', departure)).evidence).toMatchObject({ documentComparison: { outcome: 'not_compared', reason: 'no usable face in the document photo' } });
    expect(assessExitOccupant('o1', nobody, gallery, context, undefined, undefined, noPhoto)).toMatchObject({ outcome: { kind: 'not_identified', faceSeen: true }, confirmable: false, needsOfficer: true, documentComparison: noPhoto });
  });

  it('a gallery that could not be searched is not "no entry record": a matching document does not identify, the officer decides', () => {
    const a = assessExitOccupant('o1', { kind: 'no_candidate', trackId: 'cam:1', searchError: 'no identification calibration' }, gallery, context, undefined, undefined, compared(helenPassport, 0.7));
    expect(a).toMatchObject({ outcome: { kind: 'not_identified', searchError: 'no identification calibration' }, confirmable: false, needsOfficer: true });
  });

  it('a matching document does not lift a lookout hit on the gallery entry: still held', () => {
    const varga: ExitDocument = { documentNumber: 'BE4418270', nationality: 'HUN', name: 'VARGA, Imre', chip: { verdict: 'verified' } };
    expect(assessExitOccupant('o1', found('TR-LOOKOUT'), gallery, context, undefined, undefined, compared(varga, 0.74))).toMatchObject({ outcome: { kind: 'identified_with_alert' }, confirmable: false, needsOfficer: true });
  });

  it('in a vehicle, a document no face matches is a card of its own, held: the others are confirmed, nobody on that document', () => {
    const okonkwo: ExitDocument = { documentNumber: 'A07734921', nationality: 'NGA', name: 'OKONKWO, Chidi' };
    const vehicle = assessExitVehicle([{ occupantId: 'occupant-cam:1', identification: found('TR-WHITFIELD'), documentComparison: compared(helenPassport, 0.71) }], gallery, context, [compared(okonkwo, 0.12)]);
    expect(vehicle.confirmable.map((o) => o.occupantId)).toEqual(['occupant-cam:1']);
    const papers = vehicle.occupants.find((o) => o.outcome.kind === 'document_without_face');
    expect(papers).toMatchObject({ occupantId: 'document:NGA:A07734921', confirmable: false, recordsDeparture: false, needsOfficer: true, documentComparison: { decision: 'no_match', score: 0.12 } });
    expect(vehicle.held).toEqual([papers]);
    expect(departureOf(papers!, 'dep-9', departure)).toBeNull();
  });
});

describe('exit: whose document it is, and what the card and the record call its holder', () => {
  const renewedTwice = entry('TR-WHITFIELD', {
    documents: [
      { documentNumber: '099126734', nationality: 'GBR', issuingState: 'GBR', documentType: 'passport', expiresOn: '2021-04-02' },
      { documentNumber: '533401127', nationality: 'GBR', issuingState: 'GBR', documentType: 'passport', expiresOn: '2031-04-02' },
    ],
  });

  it('a document is the entry’s when it is any of the documents the entry lists (a traveller who entered on an older passport too)', () => {
    expect(documentIsEntrys(helenPassport, renewedTwice)).toBe(true);
    expect(documentIsEntrys({ ...helenPassport, documentNumber: '099126734' }, renewedTwice)).toBe(true);
  });

  it('a document of another number is not the entry’s, even of the same nationality and name', () => {
    expect(documentIsEntrys({ ...helenPassport, documentNumber: '533401128' }, renewedTwice)).toBe(false);
  });

  it('a document whose nationality was not read is the entry’s by its number alone (an unread field is no conflict)', () => {
    expect(documentIsEntrys({ ...helenPassport, nationality: null }, renewedTwice)).toBe(true);
  });

  it('the face matches the document only when it was compared and decided a match: a non-match and a comparison not made never do', () => {
    expect(documentFaceMatches(compared(helenPassport, 0.71))).toBe(true);
    expect(documentFaceMatches(compared(helenPassport, 0.18))).toBe(false);
    expect(documentFaceMatches({ kind: 'not_compared', document: helenPassport, reason: 'no usable face in the document photo' })).toBe(false);
  });

  it('a face that does not match the document never becomes the comparison a departure is recorded on', () => {
    expect(() => documentFaceComparisonOf(compared(helenPassport, 0.18))).toThrow(new RangeError('a face that does not match the document is held: no departure is recorded on it'));
  });

  it('a traveller known by the document alone is named by its nationality and number, "unknown" when the nationality was not read', () => {
    expect(documentTravellerId(helenPassport)).toBe('document:GBR:533401127');
    expect(documentTravellerId({ ...helenPassport, nationality: null })).toBe('document:unknown:533401127');
  });

  it('the card names the document’s holder with nationality and number, and says which of them was not read', () => {
    expect(documentHolderText(helenPassport)).toBe('WHITFIELD, Helen Margaret (GBR 533401127)');
    expect(documentHolderText({ documentNumber: '533401127', nationality: null, name: null })).toBe('unnamed holder (nationality unread 533401127)');
  });
});
