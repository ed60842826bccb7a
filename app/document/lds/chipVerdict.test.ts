import { describe, expect, it } from 'vitest';
import type { ChipCheck } from './chipCheck';
import { chipReadVerdict, passiveAuthenticationPolicySchema, passiveAuthenticationVerdict } from './chipVerdict';

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

/** The genuine checks with `name` replaced (or removed when `by` is null). */
const with_ = (name: ChipCheck['check'], by: ChipCheck | null, dg?: number): ChipCheck[] =>
  genuine.flatMap((c) => (c.check === name && (dg === undefined || c.dg === dg) ? (by ? [by] : []) : [c]));
const notPossible = (check: ChipCheck['check'], reason?: string, detail?: ChipCheck['detail']): ChipCheck => ({ check, status: 'not_possible', ...(reason ? { reason } : {}), ...(detail ? { detail } : {}) });

describe('passiveAuthenticationVerdict: failed', () => {
  it('any Passive Authentication check that failed makes the chip data not genuine, before anything not possible', () => {
    const checks = [...with_('csca_chain', notPossible('csca_chain', 'no CSCA')), { check: 'dg_hash', dg: 3, status: 'failed', reason: 'DG3 does not match' } as ChipCheck];
    expect(passiveAuthenticationVerdict(checks, policy)).toEqual({ verdict: 'failed', reason: 'Chip data NOT genuine: DG3 does not match' });
    expect(passiveAuthenticationVerdict(with_('sod_signature', { check: 'sod_signature', status: 'failed' }), policy)).toEqual({ verdict: 'failed', reason: 'Chip data NOT genuine: sod_signature failed' });
    expect(passiveAuthenticationVerdict(with_('crl', null).concat({ check: 'crl', status: 'failed', reason: 'revoked' }), policy).verdict).toBe('failed');
  });

  it('checks outside Passive Authentication (clone checks, trust store) do not decide it', () => {
    const others: ChipCheck[] = [
      { check: 'active_authentication', status: 'failed', reason: 'clone' },
      { check: 'master_list', status: 'failed', reason: 'bad list' },
    ];
    expect(passiveAuthenticationVerdict([...genuine, ...others], policy)).toEqual({ verdict: 'verified' });
  });
});

describe('passiveAuthenticationVerdict: not verifiable', () => {
  it.each([
    ['sod_structure', 'sod structure'],
    ['sod_signature', 'sod signature'],
    ['ds_certificate_validity', 'ds certificate validity'],
    ['csca_chain', 'csca chain'],
  ] as const)('a %s check that was never made', (name, words) => {
    expect(passiveAuthenticationVerdict(with_(name, null), policy)).toEqual({ verdict: 'not_verifiable', reason: `Chip data not verifiable: the ${words} check was not made` });
  });

  it('a signature or validity check that was not possible, with its reason or naming the check', () => {
    expect(passiveAuthenticationVerdict(with_('sod_signature', notPossible('sod_signature', 'RSA-PSS with MGF1-sha1 is not supported')), policy)).toEqual({
      verdict: 'not_verifiable',
      reason: 'Chip data not verifiable: RSA-PSS with MGF1-sha1 is not supported',
    });
    expect(passiveAuthenticationVerdict(with_('ds_certificate_validity', notPossible('ds_certificate_validity')), policy)).toEqual({
      verdict: 'not_verifiable',
      reason: 'Chip data not verifiable: ds certificate validity not possible',
    });
  });

  it('an untrusted signer names the state: from DG1, else the signer\'s issuer country, else the chain\'s reason', () => {
    const chain = notPossible('csca_chain', 'no CSCA named C=NZ is in the trust store', { issuerCountry: 'NZ' });
    expect(passiveAuthenticationVerdict(with_('csca_chain', chain), policy, 'NZL').reason).toBe('Chip data signed by an untrusted signer: no CSCA for NZL in the trust list');
    expect(passiveAuthenticationVerdict(with_('csca_chain', chain), policy).reason).toBe('Chip data signed by an untrusted signer: no CSCA for NZ in the trust list');
    expect(passiveAuthenticationVerdict(with_('csca_chain', notPossible('csca_chain', 'the trust list is empty', { issuerCountry: 7 })), policy).reason).toBe(
      'Chip data signed by an untrusted signer: the trust list is empty',
    );
    expect(passiveAuthenticationVerdict(with_('csca_chain', notPossible('csca_chain')), policy).reason).toBe('Chip data signed by an untrusted signer: no CSCA in the trust list');
  });

  it('a required data group the SOD does not hash, or that was not checked', () => {
    expect(passiveAuthenticationVerdict(with_('dg_hash', null, 2), policy)).toEqual({ verdict: 'not_verifiable', reason: 'Chip data not verifiable: the security object holds no hash for DG2' });
    const unread = notPossible('dg_hash', 'DG2 was not read', { read: false });
    expect(passiveAuthenticationVerdict(with_('dg_hash', { ...unread, dg: 2 }, 2), policy)).toEqual({ verdict: 'not_verifiable', reason: 'Chip data not verifiable: DG2 was not read' });
    expect(passiveAuthenticationVerdict(with_('dg_hash', { check: 'dg_hash', dg: 1, status: 'not_possible', detail: { read: false } }, 1), policy)).toEqual({
      verdict: 'not_verifiable',
      reason: 'Chip data not verifiable: DG1 was not checked',
    });
    // Not required by the policy: excused.
    expect(passiveAuthenticationVerdict(with_('dg_hash', null, 2), { requiredDataGroups: [1], requireCrl: false }).verdict).toBe('verified');
  });

  it('a data group number on another check does not stand for that data group\'s hash', () => {
    // chipCheckSchema lets any check carry `dg`: only a dg_hash check proves a data group.
    const crlAboutDg2: ChipCheck = { check: 'crl', dg: 2, status: 'passed', detail: { crl: 'current' } };
    expect(passiveAuthenticationVerdict([crlAboutDg2, ...with_('dg_hash', null, 2)], policy)).toEqual({ verdict: 'not_verifiable', reason: 'Chip data not verifiable: the security object holds no hash for DG2' });
  });

  it('an unchecked data group without a reason is named', () => {
    expect(passiveAuthenticationVerdict([...genuine, { check: 'dg_hash', dg: 11, status: 'not_possible' }], policy)).toEqual({ verdict: 'not_verifiable', reason: 'Chip data not verifiable: DG11 could not be checked' });
  });
});

describe('passiveAuthenticationVerdict: revocation', () => {
  const crl = (found: string, reason?: string): ChipCheck => notPossible('crl', reason, { crl: found, serial: '2a' });
  const requireCrl = { ...policy, requireCrl: true };

  it('no CRL of the state loaded is fine, unless the policy requires one', () => {
    expect(passiveAuthenticationVerdict([...genuine, crl('none', 'no CRL from C=UT is loaded')], policy)).toEqual({ verdict: 'verified' });
    expect(passiveAuthenticationVerdict([...genuine, crl('none', 'no CRL from C=UT is loaded')], requireCrl)).toEqual({ verdict: 'not_verifiable', reason: 'Chip data not verifiable: no CRL from C=UT is loaded' });
    expect(passiveAuthenticationVerdict(genuine, requireCrl)).toEqual({ verdict: 'not_verifiable', reason: 'Chip data not verifiable: no CRL check was made' });
  });

  it.each(['expired', 'unauthentic'])('a loaded CRL that is %s leaves revocation unknown, whatever the policy', (found) => {
    expect(passiveAuthenticationVerdict([...genuine, crl(found, `the CRL is ${found}`)], policy)).toEqual({ verdict: 'not_verifiable', reason: `Chip data not verifiable: the CRL is ${found}` });
    expect(passiveAuthenticationVerdict([...genuine, crl(found)], policy)).toEqual({ verdict: 'not_verifiable', reason: 'Chip data not verifiable: revocation status unknown' });
  });

  it('a current CRL that does not list the signer verifies, also where the policy requires one', () => {
    const current: ChipCheck = { check: 'crl', status: 'passed', detail: { crl: 'current', serial: '2a', crls: 1 } };
    expect(passiveAuthenticationVerdict([...genuine, current], requireCrl)).toEqual({ verdict: 'verified' });
  });
});

describe('chipReadVerdict', () => {
  it('a failed clone check or DG1-vs-MRZ comparison fails the whole read', () => {
    expect(chipReadVerdict([...genuine, { check: 'active_authentication', status: 'failed', reason: 'possible clone' }], policy)).toEqual({ verdict: 'failed', reason: 'Chip check FAILED: possible clone' });
    expect(chipReadVerdict([...genuine, { check: 'dg1_vs_mrz', status: 'failed' }], policy)).toEqual({ verdict: 'failed', reason: 'Chip check FAILED: dg1_vs_mrz failed' });
  });

  it('a failed Passive Authentication is reported as such, before any other failure', () => {
    const checks: ChipCheck[] = [{ check: 'chip_authentication', status: 'failed', reason: 'clone' }, ...with_('sod_signature', { check: 'sod_signature', status: 'failed', reason: 'forged' })];
    expect(chipReadVerdict(checks, policy)).toEqual({ verdict: 'failed', reason: 'Chip data NOT genuine: forged' });
  });

  it('a master list that failed to load does not fail a chip that verifies with the rest of the trust store', () => {
    expect(chipReadVerdict([...genuine, { check: 'master_list', status: 'failed', reason: 'bad list' }], policy)).toEqual({ verdict: 'verified' });
  });

  it('otherwise it is the Passive Authentication verdict, not verifiable included', () => {
    expect(chipReadVerdict([...genuine, { check: 'active_authentication', status: 'not_possible' }], policy)).toEqual({ verdict: 'verified' });
    expect(chipReadVerdict(with_('csca_chain', notPossible('csca_chain')), policy, 'UTO')).toEqual({ verdict: 'not_verifiable', reason: 'Chip data signed by an untrusted signer: no CSCA for UTO in the trust list' });
  });
});

describe('chipPolicy (passiveAuthenticationPolicySchema)', () => {
  it('defaults to DG1 and DG2 required and no CRL required', () => {
    expect(policy).toEqual({ requiredDataGroups: [1, 2], requireCrl: false });
  });

  it('accepts data groups 1 to 16 and refuses others, more than 16 entries, and unknown fields', () => {
    expect(passiveAuthenticationPolicySchema.parse({ requiredDataGroups: [1, 16], requireCrl: true })).toEqual({ requiredDataGroups: [1, 16], requireCrl: true });
    for (const requiredDataGroups of [[0], [17], [1.5], Array.from({ length: 17 }, () => 1)]) expect(passiveAuthenticationPolicySchema.safeParse({ requiredDataGroups }).success, JSON.stringify(requiredDataGroups)).toBe(false);
    expect(passiveAuthenticationPolicySchema.safeParse({ requiredDataGroups: Array.from({ length: 16 }, () => 1) }).success).toBe(true);
    expect(passiveAuthenticationPolicySchema.safeParse({ requireCRL: true }).success).toBe(false);
  });
});
