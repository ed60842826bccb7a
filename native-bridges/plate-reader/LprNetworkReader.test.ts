import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sequentialIds } from '../../app/ports/Ids';
import type { PlateReadError } from '../../app/ports/PlateReaderPort';
import type { PlateRead, VehiclePlate } from '../../app/ports/plateRead';
import { describeDevicePortConformance } from '../simulator/devicePortConformance';
import { LprNetworkReader } from './LprNetworkReader.node.ts';
import { parseLprLine } from './lprLineProtocol';

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
const readers: LprNetworkReader[] = [];

async function startReader(options: Partial<ConstructorParameters<typeof LprNetworkReader>[0]> = {}) {
  const reader = new LprNetworkReader({ clock, ids: sequentialIds(), httpPort: 0, tcpPort: 0, ...options });
  readers.push(reader);
  const reads: PlateRead[] = [];
  const vehicles: VehiclePlate[] = [];
  const errors: PlateReadError[] = [];
  reader.onRead((r) => reads.push(r));
  reader.onVehicle((v) => vehicles.push(v));
  reader.onReadError((e) => errors.push(e));
  await reader.start();
  const { http, tcp } = reader.addresses();
  return { reader, reads, vehicles, errors, httpUrl: `http://127.0.0.1:${http}`, tcpPort: tcp ?? 0 };
}

afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.stop()));
});

const body = (overrides: Record<string, unknown> = {}) => ({ plate: 'BTH 4821', region: 'us-wa', confidence: 0.93, timestamp: '2026-11-23T10:00:01Z', laneId: 'lane-1', ...overrides });
const post = (url: string, payload: unknown) => fetch(`${url}/v1/plate-reads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof payload === 'string' ? payload : JSON.stringify(payload) });

/** A TCP client that collects the reader's reply lines. */
async function tcpClient(port: number): Promise<{ socket: Socket; send(text: string): void; nextLine(): Promise<string> }> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.setEncoding('utf8');
  const lines: string[] = [];
  let pending = '';
  const waiters: ((line: string) => void)[] = [];
  socket.on('data', (chunk: string) => {
    pending += chunk;
    let i: number;
    while ((i = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, i);
      pending = pending.slice(i + 1);
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  return {
    socket,
    send: (text) => socket.write(text),
    nextLine: () => (lines.length > 0 ? Promise.resolve(lines.shift() ?? '') : new Promise((resolve) => waiters.push(resolve))),
  };
}

describe('LPR line protocol parser', () => {
  it('parses a PLATE line and names the bad field otherwise', () => {
    expect(parseLprLine('PLATE|BTH-4821|US-WA|0.91|2026-11-23T10:00:00Z|lane-1\r')).toEqual({
      type: 'plate',
      read: { plate: 'BTH4821', region: 'US-WA', confidence: 0.91, timestamp: '2026-11-23T10:00:00Z', laneId: 'lane-1' },
    });
    expect(parseLprLine('PING')).toEqual({ type: 'ping' });
    expect(parseLprLine('PLATE|BTH4821|US-WA|1.5|2026-11-23T10:00:00Z|lane-1')).toMatchObject({ type: 'error', code: 'malformed', message: expect.stringMatching(/^confidence:/) });
    expect(parseLprLine('PLATE|BTH4821|US-WA|high|2026-11-23T10:00:00Z|lane-1')).toMatchObject({ message: expect.stringMatching(/^confidence: "high"/) });
    expect(parseLprLine('PLATE|BTH4821|US-WA|0.9|yesterday|lane-1')).toMatchObject({ message: expect.stringMatching(/^timestamp:/) });
    expect(parseLprLine('PLATE|B@D!|US-WA|0.9|2026-11-23T10:00:00Z|lane-1')).toMatchObject({ message: expect.stringMatching(/^text:/) });
    expect(parseLprLine('PLATE|BTH4821|US-WA|0.9|2026-11-23T10:00:00Z|lane 1')).toMatchObject({ message: expect.stringMatching(/^lane:/) });
    expect(parseLprLine('PLATE|BTH4821|0.9')).toMatchObject({ code: 'malformed', message: expect.stringContaining('5 fields') });
    expect(parseLprLine('HELLO|x')).toMatchObject({ code: 'unknown_command' });
  });
});

describe('LprNetworkReader over HTTP', () => {
  it('accepts a JSON read, normalises it and merges repeated reads of the vehicle', async () => {
    const { httpUrl, reads, vehicles } = await startReader();
    const response = await post(httpUrl, body());
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ readId: 'plate-read-1' });
    await post(httpUrl, body({ plate: '8TH4821', confidence: 0.6, timestamp: '2026-11-23T10:00:02Z' }));
    expect(reads.map((r) => [r.plate, r.region, r.source])).toEqual([
      ['BTH4821', 'US-WA', 'http'],
      ['8TH4821', 'US-WA', 'http'],
    ]);
    expect(vehicles).toHaveLength(1);
    expect(vehicles[0]?.best.plate).toBe('BTH4821');
  });

  it('carries plate and scene images', async () => {
    const { httpUrl, reads } = await startReader();
    const image = { mediaType: 'image/png', base64: 'iVBORw0KGgo=' };
    expect((await post(httpUrl, body({ plateImage: image, sceneImage: image }))).status).toBe(202);
    expect(reads[0]?.plateImage).toEqual(image);
  });

  it('rejects malformed bodies with 400 naming the field, and keeps serving', async () => {
    const { httpUrl, reads, errors } = await startReader();
    const notJson = await post(httpUrl, '{"plate": ');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { message: string } }).error.message).toMatch(/not JSON/);
    const badField = await post(httpUrl, body({ confidence: 'high' }));
    expect(badField.status).toBe(400);
    expect(((await badField.json()) as { error: { message: string } }).error.message).toMatch(/^confidence:/);
    const missing = await post(httpUrl, { plate: 'BTH4821' });
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/region:/);
    expect((await fetch(`${httpUrl}/v1/plate-reads`)).status).toBe(405);
    expect((await fetch(`${httpUrl}/nope`)).status).toBe(404);
    expect((await post(httpUrl, body())).status).toBe(202);
    expect(reads).toHaveLength(1);
    expect(errors.map((e) => e.code)).toEqual(['malformed', 'malformed', 'malformed']);
  });

  it('refuses oversized bodies with 413 without buffering them', async () => {
    const { httpUrl, errors } = await startReader({ maxBodyBytes: 1000 });
    const response = await post(httpUrl, body({ plateImage: { mediaType: 'image/png', base64: 'A'.repeat(5000) } }));
    expect(response.status).toBe(413);
    expect(errors[0]?.code).toBe('too_large');
    expect((await fetch(`${httpUrl}/v1/health`)).status).toBe(200);
  });

  it('answers 503 while paused (lane closed)', async () => {
    const { httpUrl, reader } = await startReader();
    reader.pause();
    expect((await post(httpUrl, body())).status).toBe(503);
    reader.resume();
    expect((await post(httpUrl, body())).status).toBe(202);
  });
});

describe('LprNetworkReader over TCP', () => {
  it('reads one plate per line, answers OK/PONG/ERR and keeps the connection open after errors', async () => {
    const { tcpPort, reads } = await startReader();
    const client = await tcpClient(tcpPort);
    client.send('PING\n');
    expect(await client.nextLine()).toBe('PONG');
    client.send('PLATE|BTH4821|US-WA|0.91|2026-11-23T10:00:00Z|lane-1\r\nPLATE|BTH4821|US-WA|2|2026-11-23T10:00:00Z|lane-1\n');
    expect(await client.nextLine()).toBe('OK plate-read-1');
    expect(await client.nextLine()).toMatch(/^ERR malformed confidence:/);
    // A line split across packets is one line.
    client.send('PLATE|KX72QPL|CA-BC|0.8');
    await new Promise((r) => setTimeout(r, 20));
    client.send('|2026-11-23T10:00:05Z|lane-1\n');
    expect(await client.nextLine()).toMatch(/^OK plate-read-\d+$/);
    expect(reads.map((r) => r.plate)).toEqual(['BTH4821', 'KX72QPL']);
    client.socket.destroy();
  });

  it('drops an oversized line (and only that line)', async () => {
    const { tcpPort, reads, errors } = await startReader({ maxLineBytes: 200 });
    const client = await tcpClient(tcpPort);
    client.send(`PLATE|${'X'.repeat(500)}`);
    expect(await client.nextLine()).toMatch(/^ERR too_large/);
    client.send(`${'Y'.repeat(300)}\nPLATE|BTH4821|US-WA|0.9|2026-11-23T10:00:00Z|lane-1\n`);
    expect(await client.nextLine()).toBe('OK plate-read-1');
    expect(reads).toHaveLength(1);
    expect(errors.map((e) => e.code)).toEqual(['too_large']);
    client.socket.destroy();
  });

  it('drops the half line of a client that disconnects mid-line, and serves the next client', async () => {
    const { tcpPort, reads, errors } = await startReader();
    const first = await tcpClient(tcpPort);
    first.send('PLATE|BTH4821|US-WA|0.9|2026-11-23T1');
    await new Promise((r) => setTimeout(r, 20));
    first.socket.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(reads).toHaveLength(0);
    expect(errors[0]?.message).toMatch(/closed in the middle of a line/);
    const second = await tcpClient(tcpPort);
    second.send('PLATE|BTH4821|US-WA|0.9|2026-11-23T10:00:00Z|lane-1\n');
    expect(await second.nextLine()).toBe('OK plate-read-1');
    second.socket.destroy();
  });

  it('answers garbage and binary input with ERR and never crashes', async () => {
    const { tcpPort, httpUrl } = await startReader();
    const client = await tcpClient(tcpPort);
    client.send('\u0000\u00ff\u0007garbage\n');
    expect(await client.nextLine()).toMatch(/^ERR unknown_command/);
    client.send('PLATE||||||||\n');
    expect(await client.nextLine()).toMatch(/^ERR malformed/);
    client.socket.destroy();
    expect((await fetch(`${httpUrl}/v1/health`)).status).toBe(200);
  });

  it('reports a taken port in its status instead of throwing', async () => {
    const { tcpPort } = await startReader();
    const clash = new LprNetworkReader({ clock, ids: sequentialIds(), tcpPort });
    await clash.start();
    expect(clash.status()).toMatchObject({ connected: false, detail: expect.stringMatching(/cannot listen/) });
    await clash.stop();
  });
});

describeDevicePortConformance('LprNetworkReader', () => {
  const device = new LprNetworkReader({ clock, ids: sequentialIds(), httpPort: 0, tcpPort: 0 });
  return { device, unplug: () => device.pause(), replug: () => device.resume() };
});
