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
