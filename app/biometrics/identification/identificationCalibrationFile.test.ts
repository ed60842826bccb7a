import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identificationCalibrationSchema } from './identificationCalibration';

/**
 * The FPIR tables the booth ships (assets/models/fr_feature.json, measured on LFW) read through the schema inside the
 * tests, never while the suites are collected: a changed schema then fails these tests rather than the file's loading,
 * which a mutation run would not count.
 */

const manifest: unknown = JSON.parse(readFileSync(new URL('../../../assets/models/fr_feature.json', import.meta.url), 'utf8'));
const stored = (manifest as { identification: readonly unknown[] }).identification;

describe('the shipped identification calibrations', () => {
  it('every stored table parses: 500, 1,559 and 4,281 identities, tens of points with rates between 0 and 1, keys like 3e-3', () => {
    const parsed = stored.map((table) => identificationCalibrationSchema.safeParse(table));
    expect(parsed.map((p) => p.error?.issues ?? [])).toEqual([[], [], []]);
    for (const { data } of parsed) {
      expect(data?.version).toMatch(/^lfw-identification-\d+-centroid-2026-12-07$/);
      expect(data?.source).toMatch(/^npx booth faces eval --protocol identification /);
      expect(data?.table.length).toBeGreaterThan(2);
      expect(data?.table.some((point) => point.fpir > 0 && point.fpir < 1)).toBe(true);
      expect(Object.keys(data?.thresholdsByFpir ?? {})).toEqual(expect.arrayContaining(['1e-2', '3e-3']));
    }
    expect(parsed.map((p) => p.data?.galleryIdentities)).toEqual([500, 1559, 4281]);
  });

  it('a stored table with a rate outside 0-1 or a key that is not a rate is refused, naming the field', () => {
    const first = stored[0] as { table: { threshold: number; fpir: number }[]; thresholdsByFpir: Record<string, number> };
    const refused = (table: object) => identificationCalibrationSchema.safeParse(table).error?.issues.map((issue) => issue.path.join('.'));
    expect(refused({ ...first, table: first.table.map((point, i) => (i === 0 ? { ...point, fpir: 1.2 } : point)) })).toEqual(['table.0.fpir']);
    expect(refused({ ...first, table: first.table.map((point, i) => (i === 0 ? { ...point, fpir: -0.01 } : point)) })).toEqual(['table.0.fpir']);
    expect(refused({ ...first, thresholdsByFpir: { ...first.thresholdsByFpir, '3e-x': 0.5 } })).toEqual(['thresholdsByFpir.3e-x']);
    expect(refused({ ...first, thresholdsByFpir: { ...first.thresholdsByFpir, '0e-3': 0.5 } })).toEqual(['thresholdsByFpir.0e-3']);
  });
});
