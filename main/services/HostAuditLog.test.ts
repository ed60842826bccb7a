import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../app/settings/boothSettings';
import { createBoothServices, type BoothServices } from './createBoothServices';
import { HostAuditLog } from './HostAuditLog';

const started: BoothServices[] = [];
afterEach(async () => {
  for (const services of started.splice(0)) await services.stop();
});

const clock = { now: () => new Date('2026-12-07T12:00:00Z') };
const window = { client: 'websocket-1', transport: 'window' as const };

describe('host audit log', () => {
  it('appends one owner-only JSON line per entry, in order, naming the caller and who was signed in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'booth-host-audit-'));
    const log = HostAuditLog.inUserData(dir, clock);
    await log.record(window, { userId: 'tara', name: 'Tara', role: 'trainer' }, { action: 'simulator_control', channel: 'sim:setChipFaults', outcome: 'done', details: { clone: true } });
    await log.record({ client: 'http-api-2', transport: 'http' }, undefined, { action: 'model_load_failed', channel: 'models:loadFailed', outcome: 'refused', reason: 'not a window' });
    expect(await log.entries()).toEqual([
      { at: '2026-12-07T12:00:00.000Z', action: 'simulator_control', channel: 'sim:setChipFaults', outcome: 'done', client: 'websocket-1', transport: 'window', userId: 'tara', role: 'trainer', details: { clone: true } },
      { at: '2026-12-07T12:00:00.000Z', action: 'model_load_failed', channel: 'models:loadFailed', outcome: 'refused', client: 'http-api-2', transport: 'http', userId: null, role: null, reason: 'not a window' },
    ]);
    if (process.platform !== 'win32') expect(statSync(log.file).mode & 0o777).toBe(0o600);
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
