import { describe, expect, it } from 'vitest';
import { defaultChipPolicy } from '../../app/inspection/chipPolicy';
import type { ChipReadResult } from '../../app/ports/ChipReaderPort';
import { inspectChipRead } from './inspectChipRead.node.ts';

/** A read with these data groups listed (read, or listed and not read) and these protocol outcomes; no SOD (its checks are not the point here). */
function read(listed: { readonly read: readonly number[]; readonly notRead: readonly number[] }, protocols: Pick<ChipReadResult, 'activeAuthentication' | 'chipAuthentication'>): ChipReadResult {
  return {
    reader: 'test',
    accessControl: { protocol: 'PACE', description: 'PACE' },
    com: undefined,
    sod: undefined,
    cardAccess: undefined,
    dataGroups: new Map(listed.read.map((dg) => [dg, new Uint8Array([dg])])),
    notRead: listed.notRead,
    ...protocols,
    timings: { accessControlMs: 0, readMs: 0, chipAuthenticationMs: 0, activeAuthenticationMs: 0, totalMs: 0, apduCount: 0, bytesRead: 0 },
  };
}
const clone = (result: ChipReadResult) =>
  inspectChipRead(result, { trust: { anchors: [], checks: [], crls: [], files: [] }, at: new Date('2026-11-23T10:00:00Z'), policy: defaultChipPolicy }).checks.filter((c) => c.check === 'active_authentication' || c.check === 'chip_authentication');

describe('inspectChipRead: whether the chip offered each clone check', () => {
  it('marks Active Authentication offered when the chip lists DG15 and Chip Authentication when it lists DG14, with the algorithm', () => {
    const checks = clone(
      read(
        { read: [1, 2, 15], notRead: [14] },
        { activeAuthentication: { status: 'not_possible', reason: 'ECDSA with SHA3-256 cannot be computed by this booth', algorithm: 'ECDSA SHA3-256' }, chipAuthentication: { status: 'not_possible', reason: 'not attempted' } },
      ),
    );
    expect(checks).toEqual([
      { check: 'active_authentication', status: 'not_possible', reason: 'ECDSA with SHA3-256 cannot be computed by this booth', detail: { offered: true, algorithm: 'ECDSA SHA3-256' } },
      { check: 'chip_authentication', status: 'not_possible', reason: 'not attempted', detail: { offered: true } },
    ]);
  });

  it('marks them not offered on a chip without DG15 or DG14', () => {
    const checks = clone(
      read({ read: [1, 2], notRead: [] }, { activeAuthentication: { status: 'not_possible', reason: 'the chip has no DG15 (Active Authentication not supported)' }, chipAuthentication: { status: 'not_possible', reason: 'the chip has no DG14 (Chip Authentication not supported)' } }),
    );
    expect(checks.map((c) => c.detail)).toEqual([{ offered: false }, { offered: false }]);
  });
});
