import { describe, expect, it } from 'vitest';
import { calibrationMismatch } from './calibrationProvenance';

const shipped = { boxScale: 1, refinementPasses: 1 };

describe('calibrationMismatch', () => {
  it('accepts a report measured with the landmark manifest as it ships (no overrides, or the same values)', () => {
    expect(calibrationMismatch({ landmarkBoxScale: null, landmarkPasses: null }, shipped, 'fr_landmark.json')).toBeNull();
    expect(calibrationMismatch({ landmarkBoxScale: 1, landmarkPasses: 1 }, shipped, 'fr_landmark.json')).toBeNull();
  });

  it('refuses a report measured with other landmark settings, naming each', () => {
    const message = calibrationMismatch({ landmarkBoxScale: 1.23, landmarkPasses: 2 }, shipped, 'fr_landmark.json');
    expect(message).toMatch(/--landmark-box-scale 1\.23 \(boxScale is 1\)/);
    expect(message).toMatch(/--landmark-passes 2 \(refinementPasses is 1\)/);
    expect(message).toMatch(/fr_landmark\.json/);
  });
});
