import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessCaller } from '../../app/host/dispatchCaller';
import type { HostEvent } from '../../app/host/events';
import type { LaneSession } from '../../app/inspection/laneSession';
import { sequentialIds } from '../../app/ports/Ids';
import { resolveSettings } from '../../app/settings/boothSettings';
import { simulatedTravellers } from '../../native-bridges/document-reader/simulatedTravellers';
import { createBoothServices, type BoothServices } from './createBoothServices';

/**
 * The lane session as the host assembles it from the real simulators (plate camera, UHF reader, document
 * and chip readers, and the records simulator over HTTP on loopback), through the contract.
 */
const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
const running: BoothServices[] = [];

async function startLane(laneType: string, datasets = '/nonexistent') {
  process.env.BOOTH_DATASETS = datasets;
  const services = createBoothServices({ resolved: resolveSettings({ laneType, devices: 'sim' }), version: 'test', clock, ids: sequentialIds(), userDataDir: mkdtempSync(join(tmpdir(), 'booth-lanes-')) });
  const events: HostEvent[] = [];
  services.events.subscribe((event) => events.push(event));
  await services.start();
  running.push(services);
  return { services, events };
}

afterEach(async () => {
  for (const services of running.splice(0)) await services.stop();
});

const current = async (services: BoothServices): Promise<LaneSession> => {
  await services.lane.settled();
  const result = await services.dispatch('lane:current', {}, inProcessCaller);
  if (!result.ok || !result.value) throw new Error('no current lane session');
  return result.value as LaneSession;
};

describe('vehicle lane sessions', () => {
  it('a scripted vehicle becomes one session: merged plate, its cards, each document with its chip, and the records', async () => {
    const { services, events } = await startLane('vehicle');
    const arrival = await services.dispatch('sim:vehicleArrives', { vehicle: 0 }, inProcessCaller);
    expect(arrival).toMatchObject({ ok: true, value: { plate: 'BTH4821', occupants: 3 } });

    const session = await current(services);
    expect(session.laneType).toBe('vehicle');
    expect(session.plate?.best.plate).toBe('BTH4821');
    // The OCR variant read first is kept as an alternative to the best read.
    expect(session.plate?.alternatives.map((a) => a.plate)).toContain('8TH4821');
    expect(session.rfidCards.map((c) => c.cardType).sort()).toEqual(['enhanced_drivers_licence', 'passport_card', 'trusted_traveller']);
    expect(session.documents).toHaveLength(3);
    expect(session.documents.every((d) => d.chip?.outcome === 'read' && d.chip.verdict === 'verified')).toBe(true);
    expect(session.recordsPending).toBe(false);
    expect(session.records.vehicle).toMatchObject({ ok: true, value: [{ vehicleId: 'VH-0001' }] });
    // Three cards and three documents were looked up, and every lookup found its traveller.
    expect(session.records.travellers).toHaveLength(6);
    expect(session.records.travellers.every((l) => l.result.ok && l.result.value.length === 1)).toBe(true);

    // The renderer heard every step, the last one being the complete session.
    const published = events.filter((e) => e.name === 'lane:onSession').map((e) => e.payload as LaneSession);
    expect(published.length).toBeGreaterThan(3);
    expect(published.at(-1)).toEqual(session);
  });

  it('the next vehicle opens a new session; cards of the previous one do not follow it', async () => {
    const { services } = await startLane('vehicle');
    await services.dispatch('sim:vehicleArrives', { vehicle: 0 }, inProcessCaller);
    const first = await current(services);
    await services.dispatch('sim:vehicleArrives', { vehicle: 1 }, inProcessCaller);
    const second = await current(services);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(second.plate?.best.plate).toBe('KX72QPL');
    expect(second.rfidCards).toEqual([]);
    expect(second.documents.map((d) => d.read.mrz[0]?.slice(0, 5))).toEqual(['I<D<<', 'P<NLD']);
    // The same car coming back is a new visit with its own session, not a continuation of the old one.
    await services.dispatch('sim:vehicleArrives', { vehicle: 1 }, inProcessCaller);
    const again = await current(services);
    expect(again.sessionId).not.toBe(second.sessionId);
    expect(again.documents).toHaveLength(2);
  });

  it('a records outage is part of the session: every lookup says why, and the reads are all there', async () => {
    const { services } = await startLane('vehicle');
    await services.dispatch('sim:setDeviceConnected', { kind: 'recordsService', connected: false }, inProcessCaller);
    await services.dispatch('sim:vehicleArrives', { vehicle: 0 }, inProcessCaller);
    const session = await current(services);
    expect(session.documents).toHaveLength(3);
    expect(session.records.vehicle?.ok).toBe(false);
    expect(session.records.travellers.length).toBe(6);
    for (const lookup of session.records.travellers) expect(lookup.result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/unavailable|server_error/) } });
  });

  it('puts the occupants in front of the cameras: front row on the driver side, the rest on the rear cameras, each its seats', async () => {
    const { services, events } = await startLane('vehicle');
    const face = (n: number) => ({ mediaType: 'image/png' as const, base64: Buffer.from(`face-${n}`).toString('base64') });
    await services.dispatch('sim:vehicleArrives', { vehicle: 0, occupants: [1, 0, 4].map((traveller, i) => ({ traveller, face: face(i) })) }, inProcessCaller);
    const scenes = await services.dispatch('cameras:scenes', {}, inProcessCaller);
    // Each camera plays a rendered approach of the whole car (every occupant's face) but draws only the seats it
    // is aimed at (app/scene/laneCameraLayout.ts): the front row for the driver-side camera, the rows behind split
    // between the two rear cameras on the gantry, one to each side of the lane.
    const everyone = [face(0), face(1), face(2)];
    expect(scenes.ok && scenes.value).toMatchObject([
      { cameraId: 'cam-driver', people: everyone, version: 1, approach: { seats: ['driver', 'front-passenger'] } },
      { cameraId: 'cam-rear-left', people: everyone, version: 2, approach: { seats: ['second-left', 'second-middle', 'third-right'] } },
      { cameraId: 'cam-rear-right', people: everyone, version: 3, approach: { seats: ['second-right', 'third-left'] } },
    ]);
    expect(events.filter((e) => e.name === 'camera:onScene')).toHaveLength(3);
  });

  it('a keyboard-wedge read at the window joins the current vehicle, with its records', async () => {
    const { services } = await startLane('vehicle');
    await services.dispatch('sim:vehicleArrives', { vehicle: 0 }, inProcessCaller);
    const vehicle = await current(services);
    const wedge = await services.dispatch('documents:wedgeRead', { lines: [...simulatedTravellers[3]!.mrz] }, inProcessCaller);
    expect(wedge).toMatchObject({ ok: true, value: { read: { readerId: 'keyboard-wedge-reader', source: 'keyboard' } } });
    const joined = await current(services);
    expect(joined.sessionId).toBe(vehicle.sessionId);
    expect(joined.documents).toHaveLength(vehicle.documents.length + 1);
    expect(joined.documents.at(-1)?.read.readerId).toBe('keyboard-wedge-reader');
    expect(joined.records.travellers.at(-1)?.result).toMatchObject({ ok: true, value: [{ recordId: 'TR-0004' }] });
  });

  it('refuses a vehicle in a lane that is not a vehicle lane, and an unknown vehicle or traveller', async () => {
    const { services: air } = await startLane('air');
    expect(await air.dispatch('sim:vehicleArrives', {}, inProcessCaller)).toMatchObject({ ok: false, error: { code: 'not_supported', message: expect.stringContaining('laneType is "air"') } });
    const { services } = await startLane('vehicle');
    expect(await services.dispatch('sim:vehicleArrives', { vehicle: 42 }, inProcessCaller)).toMatchObject({ ok: false, error: { message: expect.stringContaining('no simulated vehicle 42') } });
    expect(await services.dispatch('sim:vehicleArrives', { occupants: [{ traveller: 42 }] }, inProcessCaller)).toMatchObject({ ok: false, error: { message: expect.stringContaining('no scripted traveller 42') } });
    expect(await services.dispatch('sim:vehicleArrives', { occupants: [] }, inProcessCaller)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

describe('one-traveller lanes', () => {
  it('each document read is a new traveller session with its chip and record', async () => {
    const { services } = await startLane('air');
    await services.dispatch('sim:readDocument', { traveller: 0 }, inProcessCaller);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const first = await current(services);
    await services.dispatch('sim:readDocument', { traveller: 1 }, inProcessCaller);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = await current(services);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(second.documents).toHaveLength(1);
    expect(second.documents[0]?.chip?.outcome).toBe('read');
    expect(second.records.travellers[0]?.result).toMatchObject({ ok: true, value: [{ recordId: 'TR-0002' }] });
  });
});
