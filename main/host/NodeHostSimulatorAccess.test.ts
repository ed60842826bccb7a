import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../app/audit/auditEntry';
import { AccountStore } from '../services/accounts';
import { HostAuditLog } from '../services/HostAuditLog';
import { callHostApi, connectToHost, httpApiCaller, startBoothHost } from './testSupport/nodeHostClient';

/** The simulator controls through the real host on loopback: who may drive them, and the audit of every call. */
const scenariosDir = fileURLToPath(new URL('../../assets/scenarios', import.meta.url));
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const booth of opened.splice(0)) await booth.close();
});

async function booth(raw: Record<string, unknown>) {
  const started = await startBoothHost(raw, { scenariosDir });
  opened.push(started);
  return { ...started, audit: () => HostAuditLog.inUserData(started.dataDir, { now: () => new Date() }).entries() };
}

/** The actor of a call nobody signed in on: the host (the caller is named in the details). */
const nobody = { userId: 'booth-host', role: 'system' };
const detailsOf = (entry: AuditEntry) => entry.details as Record<string, unknown>;
const unplugRecords = { kind: 'recordsService', connected: false };

describe('simulator controls on a simulated booth', () => {
  it('refuses them to a caller nobody signed in on, over HTTP and WebSocket, and audits the refusal', async () => {
    const { host, audit } = await booth({ devices: 'sim' });
    const refused = await callHostApi(host, 'sim:setDeviceConnected', unplugRecords);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ code: 'not_permitted', message: 'Sign in first: the simulator control sim:setDeviceConnected needs a signed-in trainer.' });
    expect((await callHostApi(host, 'sim:readDocument', { traveller: 0 })).body.error?.code).toBe('not_permitted');
    const window = await connectToHost<{ id?: number; result?: { ok: boolean; error?: { code: string } } }>(host);
    window.socket.send(JSON.stringify({ kind: 'call', id: 1, channel: 'sim:setChipFaults', payload: { clone: true } }));
    expect((await window.nextFrame((frame) => frame.id === 1)).result?.error?.code).toBe('not_permitted');
    window.socket.close();
    expect((await callHostApi(host, 'devices:list', {})).body.value).toContainEqual(expect.objectContaining({ kind: 'recordsService', connected: true }));
    expect(await audit()).toEqual([
      expect.objectContaining({
        action: 'simulator_control',
        actor: nobody,
        details: { channel: 'sim:setDeviceConnected', outcome: 'refused', reason: 'Sign in first: the simulator control sim:setDeviceConnected needs a signed-in trainer.', transport: 'http', client: expect.stringMatching(/^http-api-\d+$/), kind: 'recordsService', connected: false },
      }),
      expect.objectContaining({ actor: nobody, details: expect.objectContaining({ channel: 'sim:readDocument', outcome: 'refused' }) }),
      expect.objectContaining({ actor: nobody, details: expect.objectContaining({ channel: 'sim:setChipFaults', outcome: 'refused', transport: 'window', client: expect.stringMatching(/^websocket-\d+$/) }) }),
    ]);
  });

  it('lets a trainer drive every control; an officer practising alone brings travellers but causes no faults', async () => {
    const { host, audit } = await booth({ devices: 'sim', laneType: 'vehicle' });
    const trainer = httpApiCaller(host);
    const officer = httpApiCaller(host);
    const supervisor = httpApiCaller(host);
    await trainer.signIn('trainer');
    await officer.signIn('officer');
    await supervisor.signIn('supervisor');

    expect((await officer.call('sim:vehicleArrives', { vehicle: 0 })).status).toBe(200);
    expect((await officer.call('sim:readDocument', { traveller: 0 })).status).toBe(200);
    const fault = await officer.call('sim:setDeviceConnected', unplugRecords);
    expect(fault.status).toBe(403);
    expect(fault.body.error?.message).toBe('The simulator control sim:setDeviceConnected is for a signed-in trainer; this connection is signed in as officer.');
    expect((await officer.call('sim:setChipFaults', { clone: true })).body.error?.code).toBe('not_permitted');
    expect((await supervisor.call('sim:readDocument', { traveller: 0 })).body.error?.message).toBe(
      'The simulator control sim:readDocument is for a signed-in trainer (or officer while no training run is open); this connection is signed in as supervisor.',
    );

    expect((await trainer.call('sim:setDeviceConnected', unplugRecords)).status).toBe(200);
    expect((await trainer.call('sim:setChipFaults', { clone: true })).status).toBe(200);
    expect((await trainer.call('sim:vehicleArrives', { vehicle: 1 })).status).toBe(200);

    const entries = await audit();
    expect(entries.map((e) => [detailsOf(e).channel, e.actor.userId, detailsOf(e).outcome])).toEqual([
      ['sim:vehicleArrives', 'officer', 'done'],
      ['sim:readDocument', 'officer', 'done'],
      ['sim:setDeviceConnected', 'officer', 'refused'],
      ['sim:setChipFaults', 'officer', 'refused'],
      ['sim:readDocument', 'supervisor', 'refused'],
      ['sim:setDeviceConnected', 'trainer', 'done'],
      ['sim:setChipFaults', 'trainer', 'done'],
      ['sim:vehicleArrives', 'trainer', 'done'],
    ]);
    // Each entry names its caller's own session.
    expect(new Set(entries.map((e) => detailsOf(e).client)).size).toBe(3);
  });

  it("keeps an open training run the trainer's: the trainee brings no traveller of their own until it ends", async () => {
    const { host } = await booth({ devices: 'sim', laneType: 'pedestrian' });
    const trainer = httpApiCaller(host);
    const trainee = httpApiCaller(host);
    await trainer.signIn('trainer');
    await trainee.signIn('officer');
    expect((await trainer.call('training:start', { scenario: 'clean-lane', trainee: 'officer' })).status).toBe(200);
    const refused = await trainee.call('sim:readDocument', { traveller: 0 });
    expect(refused.body.error).toEqual({ code: 'not_permitted', message: 'A training run is open: only its trainer drives sim:readDocument until it ends.' });
    expect((await trainer.call('sim:readDocument', { traveller: 0 })).status).toBe(200);
    expect((await trainer.call('training:stop', {})).status).toBe(200);
    expect((await trainee.call('sim:readDocument', { traveller: 1 })).status).toBe(200);
  });
});

describe('simulator controls on a booth with real devices', () => {
  it('refuses every one, to a trainer too', async () => {
    const { host, dataDir, audit } = await booth({ devices: 'hardware' });
    await AccountStore.inUserData(dataDir).add({ userId: 'tara', name: 'Tara Trainer', role: 'trainer' }, 'a long trainer passphrase');
    const trainer = httpApiCaller(host);
    expect((await trainer.call('auth:signIn', { userId: 'tara', password: 'a long trainer passphrase' })).status).toBe(200);
    for (const [channel, payload] of [
      ['sim:setDeviceConnected', unplugRecords],
      ['sim:setChipFaults', {}],
      ['sim:readDocument', {}],
      ['sim:vehicleArrives', {}],
      ['sim:exitArrives', {}],
    ] as const) {
      const refused = await trainer.call(channel, payload);
      expect(refused.status, channel).toBe(409);
      expect(refused.body.error, channel).toEqual({ code: 'not_supported', message: 'Simulator controls are available only with --devices=sim.' });
    }
    // Let through to a trainer, then not supported: audited as failed, never left standing as done.
    expect((await audit()).map((entry) => [detailsOf(entry).channel, detailsOf(entry).outcome])).toEqual(
      ['sim:setDeviceConnected', 'sim:setChipFaults', 'sim:readDocument', 'sim:vehicleArrives', 'sim:exitArrives'].flatMap((channel) => [
        [channel, 'done'],
        [channel, 'failed'],
      ]),
    );
  });
});
