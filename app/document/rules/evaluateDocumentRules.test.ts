import { describe, expect, it } from 'vitest';
import { parseMrz } from '../mrz/parseMrz';
import { td1Lines, td3Lines, visaLines, type MrzParts } from '../mrz/testSupport/buildMrzLines';
import { evaluateDocumentRules } from './evaluateDocumentRules';
import { laneRules } from './laneRules';

const today = new Date('2026-11-23T15:00:00Z');
const base: MrzParts = {
  documentCode: 'P',
  issuingState: 'NLD',
  name: 'DE<BRUIJN<<WILLEKE',
  documentNumber: 'SPECI2014',
  nationality: 'NLD',
  birthDate: '850310',
  sex: 'F',
  expirationDate: '300101',
};
const passport = (overrides: Partial<MrzParts> = {}) => parseMrz(td3Lines({ ...base, ...overrides }), { today });
const codes = (report: { findings: readonly { code: string }[] }) => report.findings.map((f) => f.code);

describe('evaluateDocumentRules', () => {
  it('finds nothing to say about a valid adult passport on an air lane', () => {
    const report = evaluateDocumentRules(passport(), { today, lane: 'air', minValidityDays: 90 });
    expect(report).toMatchObject({ documentKind: 'passport', expiresOn: '2030-01-01', expired: false, ageYears: 41, acceptedOnLane: true });
    expect(report.findings).toEqual([]);
  });

  it('refuses an expired document, counting the expiry day as still valid', () => {
    expect(codes(evaluateDocumentRules(passport({ expirationDate: '261122' }), { today, lane: 'air' }))).toEqual(['documentExpired']);
    const lastDay = evaluateDocumentRules(passport({ expirationDate: '261123' }), { today, lane: 'air' });
    expect(lastDay).toMatchObject({ expired: false, daysUntilExpiry: 0, findings: [] });
  });

  it('warns when remaining validity is below the minimum', () => {
    const report = evaluateDocumentRules(passport({ expirationDate: '270101' }), { today, lane: 'sea', minValidityDays: 90 });
    expect(report.daysUntilExpiry).toBe(39);
    expect(codes(report)).toEqual(['validityBelowMinimum']);
    expect(codes(evaluateDocumentRules(passport({ expirationDate: '270101' }), { today, lane: 'sea' }))).toEqual([]);
  });

  it('computes age on the injected day; what an age means is the policy\'s to say, so no age band is a finding here', () => {
    expect(evaluateDocumentRules(passport({ birthDate: '121124' }), { today, lane: 'air' })).toMatchObject({ ageYears: 13, findings: [] });
    expect(evaluateDocumentRules(passport({ birthDate: '121123' }), { today, lane: 'air' })).toMatchObject({ ageYears: 14, findings: [] });
    const elder = evaluateDocumentRules(passport({ birthDate: '461123' }), { today, lane: 'air' });
    expect(elder).toMatchObject({ ageYears: 80 });
    expect(codes(elder)).toEqual([]);
    expect(evaluateDocumentRules(passport({ birthDate: '461124' }), { today, lane: 'air' })).toMatchObject({ ageYears: 79, findings: [] });
  });

  it('refuses TD1 cards on air lanes but accepts them on land and sea lanes', () => {
    const card = parseMrz(td1Lines({ ...base, documentCode: 'ID' }), { today });
    expect(codes(evaluateDocumentRules(card, { today, lane: 'air' }))).toEqual(['notValidForLane']);
    for (const lane of ['sea', 'pedestrian', 'vehicle'] as const) expect(evaluateDocumentRules(card, { today, lane }).acceptedOnLane).toBe(true);
  });

  it('never accepts a visa on its own', () => {
    const visa = parseMrz(visaLines({ ...base, documentCode: 'V' }, 44), { today });
    const report = evaluateDocumentRules(visa, { today, lane: 'pedestrian' });
    expect(report.documentKind).toBe('visa');
    expect(report.findings).toEqual([expect.objectContaining({ code: 'notATravelDocument', severity: 'refuse' })]);
  });

  it('reports an invalid or unreadable MRZ instead of guessing', () => {
    const garbage = evaluateDocumentRules(parseMrz('not an mrz', { today }), { today, lane: 'air' });
    expect(codes(garbage)).toEqual(['mrzInvalid', 'birthDateUnknown', 'notATravelDocument']);
    const [a, b] = td3Lines(base);
    const badBirth = evaluateDocumentRules(parseMrz([a, b.slice(0, 13) + '851399' + b.slice(19)], { today }), { today, lane: 'air' });
    expect(badBirth.ageYears).toBeNull();
    expect(codes(badBirth)).toContain('birthDateUnknown');
  });

  it('keeps the lane rules table complete: every lane a travel document is accepted on is a real lane', () => {
    for (const rule of Object.values(laneRules)) {
      expect(rule.isTravelDocument || rule.acceptedOn.length === 0).toBe(true);
      if (rule.acceptedOn.length < 4) expect(rule.refusal.length).toBeGreaterThan(0);
    }
  });
});
