import { describe, expect, it } from 'vitest';
import { StageClock } from './stageClock';

describe('StageClock', () => {
  it('sums time per stage, passes results and errors through, and starts over on take()', async () => {
    const clock = new StageClock();
    expect(clock.time('detect', () => 42)).toBe(42);
    clock.add('detect', 5);
    await expect(clock.timeAsync('embedRun', async () => 'done')).resolves.toBe('done');
    expect(() => clock.time('warp', () => { throw new Error('bad crop'); })).toThrow('bad crop');
    const totals = clock.take();
    expect(Object.keys(totals).sort()).toEqual(['detect', 'embedRun', 'warp']);
    expect(totals.detect).toBeGreaterThanOrEqual(5);
    expect(clock.take()).toEqual({});
  });
});
