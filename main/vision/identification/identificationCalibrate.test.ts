import { describe, expect, it } from 'vitest';
import type { IdentificationCalibration } from '../../../app/biometrics/identification/identificationCalibration';
import { identificationReportSchema, withIdentificationTable } from './identificationCalibrate';

const table = (galleryIdentities: number, version: string): IdentificationCalibration => ({
  version,
  source: 'test',
  galleryIdentities,
  pipeline: { fusion: 'centroid', normalisation: 'none' },
  matedSearches: 1,
  nonMatedSearches: 100,
  table: [
    { threshold: 0.2, fpir: 0.1 },
    { threshold: 0.4, fpir: 0.01 },
  ],
  thresholdsByFpir: { '1e-2': 0.4 },
  ambiguityMargin: 0.02,
});

describe('storing an identification calibration', () => {
  it('keeps one table per gallery size: the new one replaces the same size, others stay, smallest first', () => {
    const stored = withIdentificationTable([table(5000, 'old-5000'), table(500, 'old-500')], table(500, 'new-500'));
    expect(stored.map((c) => c.version)).toEqual(['new-500', 'old-5000']);
    expect(withIdentificationTable(undefined, table(1559, 'first')).map((c) => c.galleryIdentities)).toEqual([1559]);
  });

  it('accepts only full identification reports', () => {
    const report = { protocol: 'identification', limit: null, flip: false, model: { manifest: '/m.json', id: 'x', version: '1', sha256: 'ab' }, identificationCalibration: table(500, 'v') };
    expect(identificationReportSchema.safeParse(report).success).toBe(true);
    expect(identificationReportSchema.safeParse({ ...report, limit: 100 }).success).toBe(false);
    expect(identificationReportSchema.safeParse({ ...report, protocol: 'lfw' }).success).toBe(false);
  });
});
