import { describe, expect, it } from 'vitest';
import { acquisitionProblem } from './acquisitionProblem';

const failed = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `images/p${i}.jpg`, error: 'no_face: no face was found in the image' }));

describe('acquisitionProblem', () => {
  it('fails a run where every image failed, whatever the limit (an NHWC model read as NCHW)', () => {
    expect(acquisitionProblem(failed(3), 3, undefined)).toMatch(/^every image \(3\) failed to acquire a face, e\.g\. images\/p0\.jpg: no_face/);
  });

  it('fails a run above --max-fta, and passes one at or below it', () => {
    expect(acquisitionProblem(failed(2), 100, 0.01)).toBe('2 of 100 images failed to acquire a face (2.00 %), above --max-fta 0.01');
    expect(acquisitionProblem(failed(1), 100, 0.01)).toBeNull();
    expect(acquisitionProblem(failed(50), 100, undefined)).toBeNull();
    expect(acquisitionProblem([], 0, 0)).toBeNull();
  });
});
