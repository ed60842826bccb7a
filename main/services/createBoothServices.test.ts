import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcessCaller } from '../../app/host/dispatchCaller';
import type { HostEvent } from '../../app/host/events';
import type { ChipReport } from '../../app/ports/chipReport';
import { sequentialIds } from '../../app/ports/Ids';
import { resolveSettings } from '../../app/settings/boothSettings';
import type { SimulatedDocumentReader } from '../../native-bridges/document-reader/SimulatedDocumentReader.node.ts';
import { simulatedTravellers } from '../../native-bridges/document-reader/simulatedTravellers';
import { createBoothServices } from './createBoothServices';

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };

async function startServices(raw: Record<string, unknown> = {}) {
  const services = createBoothServices({ resolved: resolveSettings(raw), version: '9.9.9', clock, ids: sequentialIds(), userDataDir: mkdtempSync(join(tmpdir(), 'booth-services-')) });
  const events: HostEvent[] = [];
  services.events.subscribe((event) => events.push(event));
  await services.start();
  return { services, events };
}

describe('booth services over the contract (simulated devices)', () => {
  it('app:getInfo reports booth, lane, mode, screen lock and settings problems', async () => {
    const { services } = await startServices({ boothId: 'PED-3', laneType: 'bogus' });
    const result = await services.dispatch('app:getInfo', {}, inProcessCaller);
    expect(result).toMatchObject({ ok: true, value: { boothId: 'PED-3', laneType: 'pedestrian', deviceMode: 'sim', version: '9.9.9' } });
    expect(result.ok && (result.value as { settingsProblems: string[] }).settingsProblems[0]).toMatch(/^laneType:/);
  });

  it('keeps its own files in the user data folder it is given (tests never touch the officer\'s real one)', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'booth-services-own-'));
    const services = createBoothServices({ resolved: resolveSettings({}), version: '9.9.9', clock, ids: sequentialIds(), userDataDir });
    await services.start();
    try {
      expect(await services.dispatch('storage:getKey', {}, inProcessCaller)).toMatchObject({ ok: true });
      await services.modelFile('model-set/none');
      for (let waited = 0; waited < 5_000 && !existsSync(join(userDataDir, 'face-models-last-working.json')); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(readdirSync(userDataDir)).toEqual(expect.arrayContaining(['accounts.json', 'storage.key', 'policy-set.json', 'face-models-last-working.json']));
    } finally {
      await services.stop();
    }
  });

  it('devices:list lists all six devices, connected once started', async () => {
    const { services } = await startServices();
    const result = await services.dispatch('devices:list', {}, inProcessCaller);
    expect(result.ok).toBe(true);
    const devices = (result.ok ? result.value : []) as { kind: string; connected: boolean }[];
    expect(devices.map((device) => device.kind).sort()).toEqual(['camera', 'chipReader', 'documentReader', 'plateReader', 'recordsService', 'rfidReader']);
    expect(devices.every((device) => device.connected)).toBe(true);
  });

  it('cameras:list returns the configured cameras', async () => {
    const cameras = [{ id: 'd', label: 'Driver side', position: 'driver' }];
    const { services } = await startServices({ cameras });
    expect(await services.dispatch('cameras:list', {}, inProcessCaller)).toEqual({ ok: true, value: cameras });
  });

  it('sim:setDeviceConnected unplugs and replugs a device and pushes both changes as events', async () => {
    const { services, events } = await startServices();
    events.length = 0;
    const unplugged = await services.dispatch('sim:setDeviceConnected', { kind: 'chipReader', connected: false }, inProcessCaller);
    expect(unplugged).toMatchObject({ ok: true, value: { kind: 'chipReader', connected: false } });
    await services.dispatch('sim:setDeviceConnected', { kind: 'chipReader', connected: true }, inProcessCaller);
    expect(events.map((event) => [event.name, event.name === 'devices:onStatus' && event.payload.connected])).toEqual([
      ['devices:onStatus', false],
      ['devices:onStatus', true],
    ]);
  });

  it('sim:readDocument pushes the read in the lane session, and fails clearly while the reader is unplugged', async () => {
    const { services, events } = await startServices();
    const read = await services.dispatch('sim:readDocument', { traveller: 1 }, inProcessCaller);
    expect(read).toMatchObject({ ok: true, value: { source: 'simulated', mrz: [expect.stringMatching(/^P<USA/), expect.any(String)] } });
    const sessions = events.flatMap((e) => (e.name === 'lane:onSession' ? [e.payload] : []));
    expect(sessions[0]?.documents.map((d) => d.read)).toEqual([read.ok && read.value]);
    await services.dispatch('sim:setDeviceConnected', { kind: 'documentReader', connected: false }, inProcessCaller);
    expect(await services.dispatch('sim:readDocument', {}, inProcessCaller)).toMatchObject({ ok: false, error: { code: 'device_unavailable' } });
  });

  it('simulator controls are refused with real devices, whose unconfigured slots say no driver is configured', async () => {
    const { services } = await startServices({ devices: 'hardware' });
    try {
      expect(await services.dispatch('sim:readDocument', {}, inProcessCaller)).toMatchObject({ ok: false, error: { code: 'not_supported' } });
      const devices = await services.dispatch('devices:list', {}, inProcessCaller);
      const unconfigured = ((devices.ok ? devices.value : []) as { kind: string; connected: boolean; detail: string }[]).filter((device) => !['chipReader', 'documentReader'].includes(device.kind));
      expect(unconfigured).toHaveLength(4);
      expect(unconfigured.every((device) => !device.connected && /no hardware driver/.test(device.detail))).toBe(true);
    } finally {
      await services.stop();
    }
  });

  it('stops cleanly: devices disconnected and no more events', async () => {
    const { services, events } = await startServices();
    await services.stop();
    const count = events.length;
    services.devices.simulator!.setConnected('plateReader', true);
    expect(events.length).toBe(count);
  });

  it('reads the chip of every simulated document read and reports every check, all passed for a genuine passport', async () => {
    const { services, events } = await startServices();
    await services.dispatch('sim:readDocument', { traveller: 0 }, inProcessCaller);
    const report = await waitForChip(events);
    expect(report).toMatchObject({ outcome: 'read', verdict: 'verified', reader: 'Simulated chip reader', chipMrz: simulatedTravellers[0]!.mrz });
    const names = report.checks.map((check) => check.check);
    for (const name of ['access_control', 'sod_signature', 'dg_hash', 'csca_chain', 'active_authentication', 'chip_authentication', 'dg1_vs_mrz']) expect(names).toContain(name);
    // The simulator publishes no CRL, so that one check is "not possible"; every other check passed.
    expect(report.checks.filter((check) => check.status !== 'passed').map((check) => check.check)).toEqual(['crl']);
    expect(report.photo?.mediaType).toBe('image/jpeg');
  });

  it('shows a cloned chip failing Active and Chip Authentication, and a chip read that cannot happen as a failed report', async () => {
    const { services, events } = await startServices();
    expect(await services.dispatch('sim:setChipFaults', { clone: true }, inProcessCaller)).toMatchObject({ ok: true, value: { clone: true } });
    await services.dispatch('sim:readDocument', { traveller: 1 }, inProcessCaller);
    const cloned = await waitForChip(events);
    expect(cloned.verdict).toBe('failed');
    expect(cloned.checks.find((check) => check.check === 'active_authentication')?.status).toBe('failed');
    expect(cloned.checks.find((check) => check.check === 'chip_authentication')?.status).toBe('failed');

    await services.dispatch('sim:setDeviceConnected', { kind: 'chipReader', connected: false }, inProcessCaller);
    const again = await services.dispatch('chip:readAgain', {}, inProcessCaller);
    expect(again).toMatchObject({ ok: true, value: { outcome: 'failed', error: { code: 'no_reader' } } });
  });
});

describe('document reader errors', () => {
  it('reach the renderer as document:onReadError events naming the reader', async () => {
    const { services, events } = await startServices();
    (services.devices.documentReader as SimulatedDocumentReader).failRead({ code: 'partial_read', message: 'the scan stopped part way' });
    expect(events.at(-1)).toEqual({ name: 'document:onReadError', payload: { readerId: 'sim-document-reader', code: 'partial_read', message: 'the scan stopped part way' } });
  });
});

/** The first chip report the renderer hears: it joins its document in the lane session (lane:onSession). */
async function waitForChip(events: HostEvent[]): Promise<ChipReport> {
  for (let waited = 0; waited < 20_000; waited += 20) {
    const found = events.flatMap((event) => (event.name === 'lane:onSession' ? event.payload.documents : [])).find((document) => document.chip)?.chip;
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no chip report in any lane session');
}
