import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../app/ports/deviceStatus';
import { describeDevicePortConformance } from '../simulator/devicePortConformance';
import { simulatedTravellers } from '../document-reader/simulatedTravellers';
import { HttpRecordsClient } from './HttpRecordsClient.node.ts';
import { RecordsSimulatorServer } from './RecordsSimulatorServer.node.ts';
import { scriptedRecordsScenario, withGalleryImages } from './scriptedRecords.node.ts';

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
let server: RecordsSimulatorServer;
let client: HttpRecordsClient;
let statuses: DeviceStatus[];

beforeEach(async () => {
  server = new RecordsSimulatorServer();
  const url = await server.start();
  client = new HttpRecordsClient({ baseUrl: url, clock, timeoutMs: 300, probeIntervalMs: 0 });
  statuses = [];
  client.onStatus((s) => statuses.push(s));
  await client.start();
});

afterEach(async () => {
  await client.stop();
  await server.stop();
});

describe('HttpRecordsClient against the records simulator', () => {
  it('finds scripted travellers by document number (+ nationality), by RFID reference, and vehicles by plate', async () => {
    expect(client.status()).toMatchObject({ connected: true, detail: expect.stringMatching(/^reachable/) });
    const byDocument = await client.findTravellersByDocument({ documentNumber: 'L898902C3', nationality: 'SWE' });
    expect(byDocument.ok && byDocument.value.map((t) => t.surname)).toEqual(['ERIKSSON']);
    const wrongNationality = await client.findTravellersByDocument({ documentNumber: 'L898902C3', nationality: 'NLD' });
    expect(wrongNationality.ok && wrongNationality.value).toEqual([]);
    const byRfid = await client.findTravellersByRfid('E28011606000A12345678');
    expect(byRfid.ok && byRfid.value[0]).toMatchObject({ surname: 'JOHNSON', usCitizen: true });
    const lookout = await client.findTravellersByDocument({ documentNumber: 'T22000129' });
    expect(lookout.ok && lookout.value[0]?.alerts[0]).toMatchObject({ kind: 'lookout', severity: 'hit' });
    const vehicle = await client.findVehiclesByPlate({ plate: 'BTH4821', region: 'US-WA' });
    expect(vehicle.ok && vehicle.value[0]?.registeredOwner.travellerRecordId).toBe('TR-0002');
    const unknown = await client.findVehiclesByPlate({ plate: '7ABC123' });
    expect(unknown.ok && unknown.value).toEqual([]);
  });

  it('has a record for every scripted traveller of the simulated document reader', async () => {
    for (const traveller of simulatedTravellers) {
      const line = traveller.mrz.length === 3 ? traveller.mrz[0]!.slice(5, 14) : traveller.mrz[1]!.slice(0, 9);
      const result = await client.findTravellersByDocument({ documentNumber: line });
      expect(result.ok && result.value.length, line).toBe(1);
    }
  });

  it('returns images a test supplies at run time (real faces from BOOTH_DATASETS, for instance)', async () => {
    const image = { mediaType: 'image/jpeg' as const, base64: Buffer.from([0xff, 0xd8, 0xff, 0xe0]).toString('base64') };
    server.setScenario(withGalleryImages(scriptedRecordsScenario, { 'TR-0001': [image] }));
    const result = await client.findTravellersByDocument({ documentNumber: 'L898902C3' });
    expect(result.ok && result.value[0]?.gallery.map((g) => g.image)).toEqual([image]);
  });

  it('times out on a hanging service: typed timeout error, status unreachable', async () => {
    server.setFaults({ hang: true });
    const result = await client.findTravellersByDocument({ documentNumber: 'L898902C3' });
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(result.durationMs).toBeGreaterThanOrEqual(250);
    expect(client.status()).toMatchObject({ connected: false, detail: expect.stringMatching(/unreachable: no answer within 300 ms/) });
  });

  it('handles slowness below the timeout as success', async () => {
    server.setFaults({ delayMs: 100 });
    const result = await client.findVehiclesByPlate({ plate: 'BTH4821' });
    expect(result.ok).toBe(true);
    expect(result.durationMs).toBeGreaterThanOrEqual(90);
  });

  it('reports a down service as unavailable and recovers when it is back', async () => {
    server.setFaults({ down: true });
    const result = await client.findTravellersByRfid('E28011606000A12345678');
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('cannot reach') } });
    expect(client.status().connected).toBe(false);
    server.setFaults({});
    expect(await client.probe()).toBe(true);
    expect(client.status().connected).toBe(true);
    expect(statuses.map((s) => s.connected)).toEqual([true, false, true]);
  });

  it('reports a stopped service (connection refused) as unavailable', async () => {
    await server.stop();
    const result = await client.findTravellersByDocument({ documentNumber: 'L898902C3' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(client.status().connected).toBe(false);
  });

  it('types HTTP errors: 503 unavailable, 500 server_error, 400 bad_request', async () => {
    server.setFaults({ errorStatus: 503 });
    expect(await client.findTravellersByDocument({ documentNumber: 'X1' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    server.setFaults({ errorStatus: 500 });
    expect(await client.findTravellersByDocument({ documentNumber: 'X1' })).toMatchObject({ ok: false, error: { code: 'server_error', message: expect.stringContaining('simulated 500') } });
    expect(client.status()).toMatchObject({ connected: true, detail: expect.stringMatching(/last lookup failed/) });
    server.setFaults({});
    expect(await client.findTravellersByDocument({ documentNumber: 'BAD NUMBER!' })).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('documentNumber') } });
  });

  it('rejects an answer that breaks the contract as bad_response, naming the field', async () => {
    server.setFaults({ malformed: true });
    const result = await client.findTravellersByDocument({ documentNumber: 'L898902C3' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_response', message: expect.stringMatching(/travellers\.0\.recordId/) } });
  });

  it('refuses an oversized answer', async () => {
    const small = new HttpRecordsClient({ baseUrl: server.url, clock, maxResponseBytes: 500, probeIntervalMs: 0 });
    const result = await small.findTravellersByDocument({ documentNumber: 'L898902C3' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_response', message: expect.stringContaining('500-byte limit') } });
  });
});

const conformanceServer = new RecordsSimulatorServer();
beforeAll(() => conformanceServer.start());
afterAll(() => conformanceServer.stop());

describeDevicePortConformance('HttpRecordsClient', () => {
  // start() really probes the simulator; plug events must be synchronous in the suite, so they go through the
  // outcome recorder every request and probe reports to (a lookup's failure, then its success).
  const device = new HttpRecordsClient({ baseUrl: conformanceServer.url, clock, probeIntervalMs: 0 });
  return { device, unplug: () => device.recordOutcome({ code: 'unavailable', message: 'unplugged (test)' }), replug: () => device.recordOutcome(undefined) };
});
