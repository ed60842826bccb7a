import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../app/ports/Ids';
import { resolveSettings } from '../../app/settings/boothSettings';
import { SerialMrzReader } from '../../native-bridges/document-reader/SerialMrzReader.node.ts';
import { createHardwareDevices } from './hardwareDevices';
import { createServer, connect } from 'node:net';
import { LprNetworkReader } from '../../native-bridges/plate-reader/LprNetworkReader.node.ts';
import { RfidTcpReader } from '../../native-bridges/rfid-reader/RfidTcpReader.node.ts';
import { HttpRecordsClient } from '../../native-bridges/records-service/HttpRecordsClient.node.ts';
import { RecordsSimulatorServer } from '../../native-bridges/records-service/RecordsSimulatorServer.node.ts';

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
const devicesFor = (documentReader: unknown) => createHardwareDevices(resolveSettings({ devices: 'hardware', documentReader }).settings, clock, sequentialIds());

describe('createHardwareDevices: the document reader', () => {
  it('is a serial MRZ reader on the configured port, which says why it is not connected when the port is absent', async () => {
    const { documentReader } = devicesFor({ type: 'serial', path: '/dev/ttyBOOTH-ABSENT', baudRate: 19200, readerKind: 'swipe' });
    expect(documentReader).toBeInstanceOf(SerialMrzReader);
    expect(documentReader.status().name).toBe('Swipe reader on /dev/ttyBOOTH-ABSENT');
    await documentReader.start();
    expect(documentReader.status()).toMatchObject({ connected: false, detail: expect.stringMatching(/^cannot open \/dev\/ttyBOOTH-ABSENT: .*retrying in/) });
    await documentReader.stop();
  });

  it('is connected with no host device for a keyboard-wedge reader', () => {
    const { documentReader } = devicesFor({ type: 'keyboard' });
    expect(documentReader.status()).toMatchObject({ kind: 'documentReader', connected: true, detail: 'keyboard-wedge reader (in the booth window)' });
    expect(typeof documentReader.onReadError(() => undefined)).toBe('function');
  });

  it('is an unconfigured slot by default', () => {
    expect(devicesFor(undefined).documentReader.status()).toMatchObject({ connected: false, detail: 'no hardware driver configured for this device' });
  });
});

describe('createHardwareDevices: the vehicle lane devices and the records service', () => {
  const freePort = () =>
    new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });

  it('are unconfigured slots that say so by default: lookups answer unavailable, decisions stay queued', async () => {
    const devices = createHardwareDevices(resolveSettings({ devices: 'hardware' }).settings, clock, sequentialIds());
    for (const device of [devices.plateReader, devices.rfidReader, devices.records]) expect(device.status()).toMatchObject({ connected: false, detail: 'no hardware driver configured for this device' });
    expect(await devices.records.findVehiclesByPlate({ plate: 'BTH4821' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('listen for the plate camera and the UHF reader, and query the configured records service, as the settings say', async () => {
    const records = new RecordsSimulatorServer();
    const baseUrl = await records.start();
    const [httpPort, rfidPort] = [await freePort(), await freePort()];
    const settings = resolveSettings({ devices: 'hardware', laneType: 'vehicle', plateReader: { type: 'network', httpPort }, rfidReader: { type: 'tcp', port: rfidPort }, recordsService: { type: 'http', baseUrl } });
    expect(settings.problems).toEqual([]);
    const devices = createHardwareDevices(settings.settings, clock, sequentialIds());
    expect(devices.plateReader).toBeInstanceOf(LprNetworkReader);
    expect(devices.rfidReader).toBeInstanceOf(RfidTcpReader);
    expect(devices.records).toBeInstanceOf(HttpRecordsClient);
    await Promise.all([devices.plateReader.start(), devices.rfidReader.start(), devices.records.start()]);
    try {
      const vehicles: string[] = [];
      devices.plateReader.onVehicle((v) => vehicles.push(v.best.plate));
      const response = await fetch(`http://127.0.0.1:${httpPort}/v1/plate-reads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ plate: 'BTH4821', region: 'US-WA', confidence: 0.9, timestamp: '2026-11-23T10:00:00Z', laneId: 'lane-1' }) });
      expect(response.status).toBe(202);
      expect(vehicles).toEqual(['BTH4821']);
      const lookup = await devices.records.findVehiclesByPlate({ plate: 'BTH4821' });
      expect(lookup).toMatchObject({ ok: true, value: [{ vehicleId: 'VH-0001' }] });
      const cards: string[] = [];
      devices.rfidReader.onCard((card) => cards.push(card.reference));
      const socket = connect(rfidPort, '127.0.0.1', () => socket.write('TAG|TT5E0000184226|trusted_traveller|lane-1|2026-11-23T10:00:00Z|0|-60\n'));
      try {
        await expect.poll(() => cards).toEqual(['TT5E0000184226']);
      } finally {
        socket.destroy();
      }
    } finally {
      await Promise.all([devices.plateReader.stop(), devices.rfidReader.stop(), devices.records.stop()]);
      await records.stop();
    }
  });

  it('names a bad lane device setting and falls back to none', () => {
    const { settings, problems } = resolveSettings({ plateReader: { type: 'network' }, recordsService: { type: 'http', baseUrl: 'ftp://records' } });
    expect(settings.plateReader).toEqual({ type: 'none' });
    expect(settings.recordsService).toEqual({ type: 'none' });
    expect(problems.join('\n')).toMatch(/plateReader: give httpPort, tcpPort or both/);
    expect(problems.join('\n')).toMatch(/recordsService\.baseUrl/);
  });
});
