import { describe, expect, it } from 'vitest';
import { faceIdentifiedDeparture } from './testSupport/faceIdentifiedDeparture';
import { departureIdempotencyKey, departureRecordSchema, departureSyncPayloadSchema, documentChipRecordedFrom, isDeparturePayload, recordsDocumentChip } from './departureRecord';

/** What the records service accepts as a departure (POST /v1/departures), at each field's limits. */

const record = faceIdentifiedDeparture(1, 'T1');
const refusedAt = (input: unknown): string[] => (departureRecordSchema.safeParse(input).error?.issues ?? []).map((issue) => issue.path.join('.'));
const faceEvidence = record.evidence.method === 'face_identification' ? record.evidence : null;
const among = (n: number) => Array.from({ length: n }, (_, i) => ({ candidateId: `C${i}`, score: 0.5 }));

describe('the departure record schema', () => {
  it('is an exit record with the fields it names only: no entry direction, no face image', () => {
    expect(refusedAt(record)).toEqual([]);
    expect(refusedAt({ ...record, direction: 'entry' })).toEqual(['direction']);
    expect(departureRecordSchema.safeParse({ ...record, faceImage: 'AAAA' }).success).toBe(false);
  });

  it('accepts each kind of evidence: a face identification, a document, an officer\'s inspection, an opt-out', () => {
    for (const evidence of [record.evidence, { method: 'document', documentNumber: 'L898902C3' }, { method: 'officer_inspection' }, { method: 'opt_out', declaredAt: '2026-12-07T17:58:00-08:00' }]) {
      expect(refusedAt({ ...record, evidence })).toEqual([]);
    }
    expect(refusedAt({ ...record, evidence: { method: 'opt_out' } })).toEqual(['evidence.declaredAt']);
    expect(refusedAt({ ...record, evidence: { method: 'document', documentNumber: '' } })).toEqual(['evidence.documentNumber']);
    expect(refusedAt({ ...record, evidence: { method: 'document', documentNumber: 'X'.repeat(21) } })).toEqual(['evidence.documentNumber']);
    expect(refusedAt({ ...record, evidence: { method: 'photograph' } })).toEqual(['evidence.method']);
  });

  it('holds identifiers from 1 to their limit, and refuses empty or overlong ones', () => {
    const limits = { departureId: 200, travellerId: 200, boothId: 40, port: 100, sessionId: 200, officer: 100, plate: 20 } as const;
    for (const [field, max] of Object.entries(limits)) {
      expect(refusedAt({ ...record, [field]: 'X' })).toEqual([]);
      expect(refusedAt({ ...record, [field]: 'X'.repeat(max) })).toEqual([]);
      expect(refusedAt({ ...record, [field]: '' })).toEqual([field]);
      expect(refusedAt({ ...record, [field]: 'X'.repeat(max + 1) })).toEqual([field]);
    }
    expect(refusedAt({ ...record, plate: null })).toEqual([]);
    expect(refusedAt({ ...record, lane: { laneId: '', laneType: 'vehicle' } })).toEqual(['lane.laneId']);
    for (const laneType of ['air', 'sea', 'pedestrian', 'vehicle']) expect(refusedAt({ ...record, lane: { laneId: 'l', laneType } })).toEqual([]);
    expect(refusedAt({ ...record, lane: { laneId: 'l', laneType: 'rail' } })).toEqual(['lane.laneType']);
  });

  it('takes times with their offset only', () => {
    expect(refusedAt({ ...record, departedAt: '2026-12-07T10:00:00-08:00' })).toEqual([]);
    expect(refusedAt({ ...record, departedAt: '2026-12-07' })).toEqual(['departedAt']);
  });

  it('counts whole days over, 0 to 100,000, or null for duration of status', () => {
    for (const days of [0, 1, 100_000, null]) expect(refusedAt({ ...record, overstayDays: days })).toEqual([]);
    for (const days of [-1, 1.5, 100_001]) expect(refusedAt({ ...record, overstayDays: days })).toEqual(['overstayDays']);
  });

  it('keeps up to 50 alerts, each an id and a known kind', () => {
    const alerts = (n: number) => Array.from({ length: n }, (_, i) => ({ alertId: `A${i}`, kind: 'lookout' }));
    expect(refusedAt({ ...record, alerts: alerts(50) })).toEqual([]);
    expect(refusedAt({ ...record, alerts: alerts(51) })).toEqual(['alerts']);
    expect(refusedAt({ ...record, alerts: [{ alertId: 'A', kind: 'curfew' }] })).toEqual(['alerts.0.kind']);
    expect(refusedAt({ ...record, alerts: [{ alertId: 'A', kind: 'lookout', summary: 'no summaries leave the booth' }] })).toEqual(['alerts.0']);
  });

  it('a face identification names a gallery of 1 to 1,000,000 and an FPIR between 0 and 1', () => {
    const withEvidence = (fields: object) => ({ ...record, evidence: { ...faceEvidence, ...fields } });
    for (const gallerySize of [1, 1_000_000]) expect(refusedAt(withEvidence({ gallerySize }))).toEqual([]);
    for (const gallerySize of [0, 2.5, 1_000_001]) expect(refusedAt(withEvidence({ gallerySize }))).toEqual(['evidence.gallerySize']);
    for (const fpir of [0, 1]) expect(refusedAt(withEvidence({ calibratedFpir: { fpir, bound: false, text: 'x' } }))).toEqual([]);
    for (const fpir of [-0.1, 1.1]) expect(refusedAt(withEvidence({ calibratedFpir: { fpir, bound: false, text: 'x' } }))).toEqual(['evidence.calibratedFpir.fpir']);
    expect(refusedAt(withEvidence({ calibratedFpir: { fpir: 0.1, bound: false, text: '' } }))).toEqual(['evidence.calibratedFpir.text']);
  });

  it('an officer\'s choice among look-alikes names 2 to 10 candidates and when it was made', () => {
    const withChoice = (officerChoice: object) => ({ ...record, evidence: { ...faceEvidence, officerChoice } });
    for (const n of [2, 10]) expect(refusedAt(withChoice({ among: among(n), chosenAt: '2026-12-07T17:59:30Z' }))).toEqual([]);
    for (const n of [1, 11]) expect(refusedAt(withChoice({ among: among(n), chosenAt: '2026-12-07T17:59:30Z' }))).toEqual(['evidence.officerChoice.among']);
    expect(refusedAt(withChoice({ among: among(2) }))).toEqual(['evidence.officerChoice.chosenAt']);
  });

  it('a document comparison names the document\'s nationality as a 1-3 letter ICAO code, or null when it was not read', () => {
    const comparison = { outcome: 'not_compared', documentNumber: '533401127', nationality: 'GBR', reason: 'no usable face in the document photo' };
    const withNationality = (nationality: unknown) => ({ ...record, evidence: { ...faceEvidence, documentComparison: { ...comparison, nationality } } });
    for (const nationality of ['D', 'GBR', 'D<<', null]) expect(refusedAt(withNationality(nationality))).toEqual([]);
    for (const nationality of ['', 'GBRX', 'XGBR', 'gbr', '1GB', 'GB1']) expect(refusedAt(withNationality(nationality))).toEqual(['evidence.documentComparison.nationality']);
    const issue = departureRecordSchema.safeParse(withNationality('GBRX')).error?.issues[0];
    expect(issue?.message).toBe('a nationality is a 1-3 letter ICAO code');
  });

  it('tells a comparison that was made from one that was not by its outcome: a match carries its score and model, one not made its reason', () => {
    const matched = { outcome: 'match', documentNumber: '533401127', nationality: 'GBR', referenceSource: 'chip', score: 0.7, threshold: 0.36, targetFmr: 1e-4, modelId: 'm', modelVersion: '1', calibrationVersion: 'c' };
    const notCompared = { outcome: 'not_compared', documentNumber: '533401127', nationality: 'GBR', reason: 'no usable face in the document photo' };
    const withComparison = (faceComparison: object) => ({ ...record, evidence: { method: 'document', documentNumber: '533401127', noEntryRecord: true, faceComparison } });
    expect(refusedAt(withComparison(matched))).toEqual([]);
    expect(refusedAt(withComparison(notCompared))).toEqual([]);
    expect(refusedAt(withComparison({ ...notCompared, outcome: 'match' })).length).toBeGreaterThan(0);
    expect(refusedAt(withComparison({ ...matched, outcome: 'not_compared' })).length).toBeGreaterThan(0);
  });

  it('names the rules, policy and face model versions; a departure without a face model has null', () => {
    expect(refusedAt({ ...record, versions: { rules: 'r', policy: 'p', faceModel: { modelId: 'm', modelVersion: '1', calibrationVersion: 'c' } } })).toEqual([]);
    expect(refusedAt({ ...record, versions: { rules: '', policy: 'p', faceModel: null } })).toEqual(['versions.rules']);
    expect(refusedAt({ ...record, versions: { rules: 'r', policy: '', faceModel: null } })).toEqual(['versions.policy']);
    expect(refusedAt({ ...record, versions: { rules: 'r', policy: 'p', faceModel: { modelId: 'm', modelVersion: '', calibrationVersion: 'c' } } })).toEqual(['versions.faceModel.modelVersion']);
  });
});

describe('the chip of the document a departure rests on (versioned)', () => {
  const matched = { outcome: 'match', documentNumber: '533401127', nationality: 'GBR', referenceSource: 'chip', score: 0.7, threshold: 0.36, targetFmr: 1e-4, modelId: 'm', modelVersion: '1', calibrationVersion: 'c' } as const;
  const onDocument = { method: 'document', documentNumber: '533401127', noEntryRecord: true, faceComparison: matched } as const;
  const withGalleryAndDocument = { ...faceEvidence, documentComparison: matched };
  const under = (rules: string, evidence: object) => ({ ...record, evidence, versions: { ...record.versions, rules } });

  it('is one of verified, failed, not_verifiable or not_read, with a reason of at most 300 characters', () => {
    for (const documentChip of [{ verdict: 'verified' }, { verdict: 'failed', reason: 'DG1 hash mismatch' }, { verdict: 'not_verifiable', reason: 'no CSCA for GBR' }, { verdict: 'not_read', reason: 'no chip was read' }, { verdict: 'not_read', reason: 'X'.repeat(300) }]) {
      expect(refusedAt(under(documentChipRecordedFrom, { ...onDocument, documentChip }))).toEqual([]);
      expect(refusedAt(under(documentChipRecordedFrom, { ...withGalleryAndDocument, documentChip }))).toEqual([]);
    }
    expect(refusedAt(under(documentChipRecordedFrom, { ...onDocument, documentChip: { verdict: 'genuine' } }))).toEqual(['evidence.documentChip.verdict']);
    expect(refusedAt(under(documentChipRecordedFrom, { ...onDocument, documentChip: { verdict: 'not_read', reason: '' } }))).toEqual(['evidence.documentChip.reason']);
    expect(refusedAt(under(documentChipRecordedFrom, { ...onDocument, documentChip: { verdict: 'not_read', reason: 'X'.repeat(301) } }))).toEqual(['evidence.documentChip.reason']);
    expect(refusedAt(under(documentChipRecordedFrom, { ...onDocument, documentChip: { verdict: 'verified', checkedBy: 'me' } }))).toEqual(['evidence.documentChip']);
  });

  it('a departure on a document recorded from exit-rules-2026.12.10 on must name it; one recorded before loads without it', () => {
    for (const evidence of [onDocument, withGalleryAndDocument, { method: 'document', documentNumber: '533401127' }]) {
      for (const rules of [documentChipRecordedFrom, 'exit-rules-2026.12.11', 'exit-rules-2026.13.1', 'exit-rules-2027.1.1']) {
        const issue = departureRecordSchema.safeParse(under(rules, evidence)).error?.issues[0];
        expect(issue?.path.join('.'), `${rules} ${evidence.method}`).toBe('evidence.documentChip');
        expect(issue?.message).toBe(`a departure recorded under ${rules} on a document presented must name its chip's standing (verified, failed, not_verifiable or not_read)`);
      }
      for (const rules of ['exit-rules-2026.12.9', 'exit-rules-2026.12.3', 'exit-rules-2026.11.40', 'exit-rules-2025.12.99', 'exit-rules-1', 'exit-rules-test']) {
        expect(refusedAt(under(rules, evidence)), rules).toEqual([]);
      }
    }
    // A departure on no document has no chip to name.
    for (const evidence of [record.evidence, { method: 'officer_inspection' }, { method: 'opt_out', declaredAt: '2026-12-07T17:58:00Z' }]) {
      expect(refusedAt(under(documentChipRecordedFrom, evidence))).toEqual([]);
    }
  });

  it('tells the versions that keep it by their numbers, not their text', () => {
    expect(recordsDocumentChip('exit-rules-2026.12.10')).toBe(true);
    expect(recordsDocumentChip('exit-rules-2026.12.100')).toBe(true);
    expect(recordsDocumentChip('exit-rules-2026.12.9')).toBe(false);
    expect(recordsDocumentChip('exit-rules-2026.9.10')).toBe(false);
    expect(recordsDocumentChip('exit-rules-2026.10.1')).toBe(false);
    expect(recordsDocumentChip('exit-rules-2027.01.1')).toBe(true);
    expect(recordsDocumentChip('exit-rules-2026.12.10-beta')).toBe(false);
    expect(recordsDocumentChip('inspection-rules-2027.1.1')).toBe(false);
  });
});

describe('a departure on the shared outbox', () => {
  it('is sent once per departure id, and told apart from a decision', () => {
    expect(departureIdempotencyKey('dep-1')).toBe('departure:dep-1');
    const payload = departureSyncPayloadSchema.parse({ departure: record, offline: true, recordedAt: '2026-12-07T18:00:01Z' });
    expect(isDeparturePayload(payload)).toBe(true);
    for (const other of [{ decision: {} }, null, undefined, 'departure', 42]) expect(isDeparturePayload(other)).toBe(false);
  });

  it('refuses a payload without its offline flag or time', () => {
    expect(departureSyncPayloadSchema.safeParse({ departure: record, recordedAt: '2026-12-07T18:00:01Z' }).success).toBe(false);
    expect(departureSyncPayloadSchema.safeParse({ departure: record, offline: false }).success).toBe(false);
  });
});
