import { describe, expect, it } from 'vitest';
import type { ChipCheck } from './chipCheck';
import { passiveAuthenticationPolicySchema, passiveAuthenticationVerdict } from './chipVerdict';

const policy = passiveAuthenticationPolicySchema.parse({});
const genuine: ChipCheck[] = [
  { check: 'sod_structure', status: 'passed' },
  { check: 'sod_signature', status: 'passed' },
  { check: 'ds_certificate_validity', status: 'passed' },
  { check: 'csca_chain', status: 'passed' },
  { check: 'dg_hash', dg: 1, status: 'passed' },
  { check: 'dg_hash', dg: 2, status: 'passed' },
];

describe('passiveAuthenticationVerdict', () => {
  it('is verified when every needed check passed, and a data group never read is excused', () => {
    expect(passiveAuthenticationVerdict(genuine, policy).verdict).toBe('verified');
    const unread: ChipCheck = { check: 'dg_hash', dg: 14, status: 'not_possible', reason: 'DG14 was not read', detail: { read: false } };
    expect(passiveAuthenticationVerdict([...genuine, unread], policy).verdict).toBe('verified');
  });

  it('a data group hash that could not be checked is not verifiable, also when the check does not say whether it was read', () => {
    for (const detail of [{ read: true }, undefined]) {
      const unchecked: ChipCheck = { check: 'dg_hash', dg: 11, status: 'not_possible', reason: 'hash algorithm 1.2.3 is not supported', ...(detail ? { detail } : {}) };
      expect(passiveAuthenticationVerdict([...genuine, unchecked], policy)).toEqual({ verdict: 'not_verifiable', reason: 'Chip data not verifiable: hash algorithm 1.2.3 is not supported' });
    }
  });

  it('a chain that could not be made is not verifiable, never verified', () => {
    const noCsca = genuine.map((c): ChipCheck => (c.check === 'csca_chain' ? { check: 'csca_chain', status: 'not_possible', reason: 'no CSCA' } : c));
    expect(passiveAuthenticationVerdict(noCsca, policy, 'NZL')).toEqual({ verdict: 'not_verifiable', reason: 'Chip data signed by an untrusted signer: no CSCA for NZL in the trust list' });
  });
});
