import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../bytes';
import { VpcdCardConnection } from './VpcdCardConnection.node.ts';
import type { VirtualCard } from './VpcdCardConnection.node.ts';

// The vpcd wire protocol against a stand-in for vpcd (a local TCP server), so framing is tested without pcscd.

const card: VirtualCard & { resets: number } = {
  atr: hexToBytes('3B80800101'),
  resets: 0,
  reset() {
    this.resets++;
  },
  process: (command) => (bytesToHex(command) === '00A4040C07A0000002471001' ? hexToBytes('9000') : hexToBytes('6A82')),
};

let server: Server | undefined;
let connection: VpcdCardConnection | undefined;
const accepted: Socket[] = [];
afterEach(async () => {
  await connection?.stop();
  connection = undefined;
  for (const s of accepted.splice(0)) s.destroy();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

function frame(payload: string): Uint8Array {
  const p = hexToBytes(payload);
  return Uint8Array.from([p.length >> 8, p.length & 0xff, ...p]);
}

async function fakeVpcd(): Promise<{ port: number; peer: Promise<Socket> }> {
  let accept!: (s: Socket) => void;
  const peer = new Promise<Socket>((r) => (accept = r));
  server = createServer((s) => {
    accepted.push(s);
    accept(s);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return { port: (server!.address() as AddressInfo).port, peer };
}

function readFrames(socket: Socket, count: number): Promise<string[]> {
  return new Promise((resolve) => {
    let buffer = new Uint8Array(0);
    const frames: string[] = [];
    socket.on('data', (chunk) => {
      buffer = Uint8Array.from([...buffer, ...chunk]);
      while (buffer.length >= 2 && buffer.length >= 2 + ((buffer[0]! << 8) | buffer[1]!)) {
        const n = (buffer[0]! << 8) | buffer[1]!;
        frames.push(bytesToHex(buffer.subarray(2, 2 + n)));
        buffer = buffer.subarray(2 + n);
        if (frames.length === count) resolve(frames);
      }
    });
  });
}

describe('VpcdCardConnection (vpcd wire protocol)', () => {
  it('answers GET ATR and APDUs, handles power codes, and reassembles split frames', async () => {
    const { port, peer } = await fakeVpcd();
    connection = new VpcdCardConnection(card, { port, transport: 'tcp' });
    await connection.insert();
    const socket = await peer;
    const replies = readFrames(socket, 3);
    const resetsBefore = card.resets;
    socket.write(frame('01')); // power on
    socket.write(frame('04')); // get ATR
    const apdu = frame('00A4040C07A0000002471001');
    socket.write(apdu.subarray(0, 1)); // length split across writes, as vpcd does
    await new Promise((r) => setTimeout(r, 20));
    socket.write(apdu.subarray(1, 5));
    await new Promise((r) => setTimeout(r, 20));
    socket.write(Uint8Array.from([...apdu.subarray(5), ...frame('00A4020C02011E')]));
    expect(await replies).toEqual(['3B80800101', '9000', '6A82']);
    expect(card.resets).toBe(resetsBefore + 1);
  });

  it('leaves the field after the configured number of APDUs and comes back', async () => {
    const { port, peer } = await fakeVpcd();
    connection = new VpcdCardConnection(card, { port, transport: 'tcp', dropAfterApdus: 1, reinsertAfterMs: 50 });
    await connection.insert();
    const first = await peer;
    const closed = new Promise((r) => first.once('close', r));
    const replies = readFrames(first, 1);
    first.write(frame('00A4040C07A0000002471001'));
    expect(await replies).toEqual(['9000']);
    first.write(frame('00A4040C07A0000002471001'));
    await closed;
    const again = await new Promise<Socket>((r) => server!.once('connection', r));
    expect(again).toBeDefined();
  });

  it('reports a clear error when vpcd is not listening', async () => {
    connection = new VpcdCardConnection(card, { port: 1, transport: 'tcp' });
    await expect(connection.insert()).rejects.toThrow(/cannot reach vpcd/);
  });
});
