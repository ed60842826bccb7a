import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findIcaoStateCode, icaoStateCodes, isIcaoStateCode } from './icaoStateCodes';
import { dataset } from '../../../testSupport/datasets';

const { path: csvFile, present } = dataset(import.meta.url, 'reference/icao9303_issuing_state_and_nationality_codes.csv', 'code list coverage');

/** First column of each data row; names may be quoted and hold commas, codes never do. */
function codesOf(csv: string): string[] {
  const [header, ...rows] = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (!header?.startsWith('code,')) throw new Error(`unexpected header: ${header}`);
  return rows.map((row) => row.slice(0, row.indexOf(',')));
}

describe('ICAO 9303 state and nationality codes', () => {
  it('knows the ICAO additions to ISO 3166 and rejects the specimen state Utopia', () => {
    expect(findIcaoStateCode('D')).toMatchObject({ name: 'Germany', category: 'icaoLetterCode' });
    expect(findIcaoStateCode('XXA')?.category).toBe('noDefinedNationality');
    expect(isIcaoStateCode('UNO')).toBe(true);
    expect(isIcaoStateCode('UTO')).toBe(false);
    expect(isIcaoStateCode('')).toBe(false);
    expect(new Set(icaoStateCodes.map((c) => c.code)).size).toBe(icaoStateCodes.length);
  });

  it.skipIf(!present)('covers every one of the 277 codes in the reference list, and nothing else', () => {
    const reference = codesOf(readFileSync(csvFile, 'utf8'));
    expect(reference).toHaveLength(277);
    const missing = reference.filter((code) => !isIcaoStateCode(code));
    expect(missing).toEqual([]);
    expect(icaoStateCodes.map((c) => c.code).sort()).toEqual([...reference].sort());
  });
});
