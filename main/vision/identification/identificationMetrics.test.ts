import { describe, expect, it } from 'vitest';
import { fpirTable, identificationCalibrationFrom, summariseSearches, thresholdAtFpir } from './identificationMetrics';
import type { MatedSearch } from './identificationMetrics';

const descending = (values: number[]) => Float64Array.from(values).sort().reverse();

describe('identification rates', () => {
  // 1,000 non-mated searches with top scores 0.000, 0.001, ..., 0.999.
  const nonMated = Array.from({ length: 1000 }, (_, i) => i / 1000);

  it('puts the threshold just above the (allowed+1)-th highest non-mated score', () => {
    const t = thresholdAtFpir(descending(nonMated), 3e-3);
    expect(t).toBeGreaterThan(0.996);
    expect(t).toBeLessThan(0.997);
    expect(nonMated.filter((s) => s >= (t ?? 0)).length).toBe(3);
    // Fewer than 1/target searches cannot resolve the rate.
    expect(thresholdAtFpir(descending(nonMated.slice(0, 100)), 1e-3)).toBeNull();
  });

  it('counts a mated search a hit only when its mate ranks first at or above the threshold; no face is a miss', () => {
    const mated: MatedSearch[] = [
      { top: { mate: true, score: 0.999 }, rival: 0.1 },
      { top: { mate: true, score: 0.5 }, rival: 0.1 },
      { top: { mate: false, score: 0.9995 }, rival: 0.2 },
      { top: null, rival: -Infinity },
    ];
    const summary = summariseSearches(mated, nonMated, 0.02);
    expect(summary.rank1).toBe(0.5);
    expect(summary.matedFailuresToAcquire).toBe(1);
    expect(summary.atFpir['3e-3']).toMatchObject({ fpir: 0.003, fnir: 0.75 });
    expect(summary.atFpir['1e-2']).toMatchObject({ fpir: 0.01, fnir: 0.75 });
  });

  it('reports mated searches whose runner-up is near the threshold as ambiguous', () => {
    const summary = summariseSearches([{ top: { mate: true, score: 0.9995 }, rival: 0.99 }], nonMated, 0.02);
    expect(summary.atFpir['3e-3']?.ambiguousMated).toBe(1);
  });

  it('writes an FPIR table falling as the threshold rises, and thresholds only where ten searches support them', () => {
    const table = fpirTable(nonMated);
    for (let i = 1; i < table.length; i++) {
      expect(table[i]!.threshold).toBeGreaterThan(table[i - 1]!.threshold);
      expect(table[i]!.fpir).toBeLessThanOrEqual(table[i - 1]!.fpir);
    }
    const calibration = identificationCalibrationFrom(nonMated, 10, 500, { fusion: 'centroid', normalisation: 'none' }, 0.02, 'v', 'test');
    expect(Object.keys(calibration.thresholdsByFpir)).toEqual(['1e-2']);
    expect(calibration).toMatchObject({ galleryIdentities: 500, nonMatedSearches: 1000, matedSearches: 10 });
  });
});
