import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../app/settings/boothSettings';
import { runAuditVerify } from '../cli/commands/audit';
import { createBoothServices, type BoothServices } from './createBoothServices';
import { HostAuditLog } from './HostAuditLog';

const started: BoothServices[] = [];
afterEach(async () => {
  for (const services of started.splice(0)) await services.stop();
});

const clock = { now: () => new Date('2026-12-07T12:00:00Z') };
const window = { client: 'websocket-1', transport: 'window' as const };

describe('host audit log', () => {
  it('appends one owner-only JSON line per entry, hash-chained like the booth\'s audit log, naming the caller and who was signed in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'booth-host-audit-'));
    const log = HostAuditLog.inUserData(dir, clock);
    await log.record(window, { userId: 'tara', name: 'Tara', role: 'trainer' }, { action: 'simulator_control', channel: 'sim:setChipFaults', outcome: 'done', details: { clone: true } });
    await log.record({ client: 'http-api-2', transport: 'http' }, undefined, { action: 'model_load_failed', channel: 'models:loadFailed', outcome: 'refused', reason: 'not a window' });
    const [first, second] = await log.entries();
    expect(first).toEqual({
      seq: 1,
      at: '2026-12-07T12:00:00.000Z',
      actor: { userId: 'tara', role: 'trainer' },
      action: 'simulator_control',
      details: { channel: 'sim:setChipFaults', outcome: 'done', client: 'websocket-1', transport: 'window', clone: true },
      prevHash: '0'.repeat(64),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(second).toMatchObject({
      seq: 2,
      actor: { userId: 'booth-host', role: 'system' },
      action: 'model_load_failed',
      details: { channel: 'models:loadFailed', outcome: 'refused', reason: 'not a window', client: 'http-api-2', transport: 'http' },
      prevHash: first?.hash,
    });
    if (process.platform !== 'win32') expect(statSync(log.file).mode & 0o777).toBe(0o600);
  });

  it('continues the chain after a restart, and `booth audit verify` finds it intact, or names the entry changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'booth-host-audit-'));
    const trainer = { userId: 'tara', name: 'Tara', role: 'trainer' } as const;
    const done = { action: 'simulator_control', channel: 'sim:readDocument', outcome: 'done' } as const;
    await HostAuditLog.inUserData(dir, clock).record(window, trainer, done);
    // Another start of the booth: a new log on the same file.
    await HostAuditLog.inUserData(dir, clock).record(window, trainer, done);
    await HostAuditLog.inUserData(dir, clock).record(window, undefined, { ...done, outcome: 'refused', reason: 'nobody signed in' });
    const file = join(dir, 'host-audit.jsonl');
    expect(await runAuditVerify(file)).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('intact: 3 entries') });

    // Someone turns the refusal into a call that was done.
    writeFileSync(file, readFileSync(file, 'utf8').replace('"outcome":"refused"', '"outcome":"done"'));
    expect(await runAuditVerify(file)).toMatchObject({ exitCode: 1, stdout: expect.stringContaining('broken at line 3, seq 3: hash_mismatch') });
  });

  it('does not act on a simulator control whose entry cannot be written: the caller gets the error, the device stays as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'booth-host-audit-'));
    // A folder where the log should be: every append fails.
    mkdirSync(join(dir, 'host-audit.jsonl'));
    const services = createBoothServices({ resolved: resolveSettings({ devices: 'sim' }), version: 'test', userDataDir: dir, clock });
    started.push(services);
    await services.start();
    expect((await services.dispatch('auth:signIn', { userId: 'trainer', password: 'booth-trainer' }, window)).ok).toBe(true);
    const answer = await services.dispatch('sim:setDeviceConnected', { kind: 'recordsService', connected: false }, window);
    expect(answer).toMatchObject({ ok: false, error: { code: 'handler_failed', message: expect.stringContaining('EISDIR') } });
    expect(services.devices.records.status().connected).toBe(true);
  });
});
