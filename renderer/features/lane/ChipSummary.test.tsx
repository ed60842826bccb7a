import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChipCheck } from '../../../app/document/lds/chipCheck';
import type { ChipReport } from '../../../app/ports/chipReport';
import { ChipSummary } from './ChipSummary';

/** A genuine chip (Passive Authentication verified) with these clone checks. */
const verifiedChip = (clone: readonly ChipCheck[]): ChipReport => ({
  reportId: 'chip-1',
  readAt: '2026-11-23T10:00:00.000Z',
  reader: 'sim',
  outcome: 'read',
  checks: [...(['sod_structure', 'sod_signature', 'ds_certificate_validity', 'csca_chain'] as const).map((check): ChipCheck => ({ check, status: 'passed' })), { check: 'dg_hash', dg: 1, status: 'passed' }, ...clone],
  verdict: 'verified',
});
const listedChecks = (report: ChipReport) => [...renderToStaticMarkup(<ChipSummary report={report} />).matchAll(/data-check="([a-z_]+)" data-status="([a-z_]+)">(.*?)<\/li>/g)].map((m) => `${m[1]} ${m[2]}: ${m[3]?.replace(/<!-- -->/g, '')}`);

describe('ChipSummary on an occupant card', () => {
  const noDg14: ChipCheck = { check: 'chip_authentication', status: 'not_possible', reason: 'the chip has no DG14 (Chip Authentication not supported)', detail: { offered: false } };

  it('lists a clone check the chip offered and that could not be made, saying so, though the chip data is verified', () => {
    const aa: ChipCheck = { check: 'active_authentication', status: 'not_possible', reason: 'ECDSA with SHA3-256 cannot be computed by this booth: Active Authentication not checked', detail: { offered: true } };
    // Before: nothing listed (only failed checks, or not-made ones of a not-verifiable chip), as on a chip without AA.
    expect(listedChecks(verifiedChip([aa, noDg14]))).toEqual([
      'active_authentication not_possible: – Active Authentication (not cloned) offered by the chip, not made: ECDSA with SHA3-256 cannot be computed by this booth: Active Authentication not checked',
    ]);
  });

  it('lists nothing for a chip that offers no clone check', () => {
    const noDg15: ChipCheck = { check: 'active_authentication', status: 'not_possible', reason: 'the chip has no DG15 (Active Authentication not supported)', detail: { offered: false } };
    expect(listedChecks(verifiedChip([noDg15, noDg14]))).toEqual([]);
  });
});
