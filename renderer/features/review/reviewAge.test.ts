import { describe, expect, it } from 'vitest';
import { formatAge } from './reviewAge';

const min = 60_000;
const hour = 60 * min;
const day = 24 * hour;

describe('formatAge', () => {
  it.each([
    [0, '< 1 min'],
    [59_999, '< 1 min'],
    [-5_000, '< 1 min'],
    [Number.NaN, '< 1 min'],
    [min, '1 min'],
    [59 * min + 59_999, '59 min'],
    [hour, '1 h'],
    [3 * hour + 12 * min, '3 h 12 min'],
    [3 * hour + 12 * min + 59_999, '3 h 12 min'],
    [23 * hour + 59 * min, '23 h 59 min'],
    [day, '1 d'],
    [2 * day + 4 * hour + 30 * min, '2 d 4 h'],
    [40 * day, '40 d'],
  ])('%d ms is "%s" (rounded down, never older than it is)', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});
