import { describe, expect, it } from 'vitest';
import { exportNotice } from './useAuditExport';

describe('the audit export notice', () => {
  it('is plain info for a complete export and a warning naming the seqs of entries exported as markers', () => {
    expect(exportNotice(12, [])).toEqual(['Audit log exported: 12 entries', 'info']);
    const [text, tone] = exportNotice(12, [1, 2]);
    expect(tone).toBe('warning');
    expect(text).toMatch(/12 entries, of which 2 sealed under another storage key could not be opened: exported as markers, content unverified \(seq 1, 2\)/);
    expect(exportNotice(40, Array.from({ length: 20 }, (_, i) => i + 1))[0]).toContain('(seq 1, 2, 3, 4, 5, 6, 7, 8…)');
  });
});

describe('the audit export notice: the anchor', () => {
  const anchor = { boothId: 'BOOTH-01', seq: 41, hash: 'a'.repeat(64), receivedAt: '2026-12-07T03:00:00.000Z' };
  it('says the file is anchored, not yet anchored, or could not be (a warning naming why)', () => {
    expect(exportNotice(50, [], { kind: 'anchored', anchor })).toEqual(['Audit log exported: 50 entries. Anchored at seq 41 by the records service: a cut end will show.', 'info']);
    expect(exportNotice(50, [], { kind: 'none' })[0]).toMatch(/Not anchored: no decision carrying the audit head has reached the records service yet\.$/);
    const [text, tone] = exportNotice(50, [], { kind: 'unavailable', reason: 'the records service is unavailable (503)' });
    expect(tone).toBe('warning');
    expect(text).toMatch(/Not anchored: the records service is unavailable \(503\) \(ask the records service .* --anchor\)\.$/);
    expect(exportNotice(50, [3], { kind: 'anchored', anchor })).toEqual([expect.stringMatching(/\(seq 3\)\. Restore that key file to export them in full\. Anchored at seq 41/), 'warning']);
  });
});
