import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sequentialIds } from '../../app/ports/Ids';
import type { RfidCardRead } from '../../app/ports/rfidRead';
import { describeDevicePortConformance } from '../simulator/devicePortConformance';
import { parseRfidLine } from './rfidLineProtocol';
import { RfidTcpReader } from './RfidTcpReader.node.ts';

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
const started: RfidTcpReader[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((r) => r.stop()));
});

/** Sends lines and resolves with the answer lines once `expected` of them arrived. */
async function exchange(port: number, text: string, expected: number): Promise<string[]> {
  const socket = connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let received = '';
  return new Promise((resolve) => {
    socket.on('data', (chunk: string) => {
      received += chunk;
      const lines = received.split('\n').filter(Boolean);
      if (lines.length >= expected) {
        socket.destroy();
        resolve(lines);
      }
    });
    socket.on('connect', () => socket.write(text));
  });
}

describe('RFID line protocol', () => {
  it('parses TAG lines and names bad fields', () => {
    expect(parseRfidLine('TAG|e28011606000a12345678|passport_card|lane-1|2026-11-23T10:00:00Z|1|-52.5')).toEqual({
      type: 'tag',
      tag: { reference: 'E28011606000A12345678', cardType: 'passport_card', laneId: 'lane-1', readAt: '2026-11-23T10:00:00Z', antenna: 1, rssi: -52.5 },
    });
    expect(parseRfidLine('TAG|TT5E0000184226|trusted_traveller|lane-1|2026-11-23T10:00:00Z||')).toMatchObject({ type: 'tag', tag: { reference: 'TT5E0000184226' } });
    expect(parseRfidLine('TAG|TT5E0000184226|library_card|lane-1|2026-11-23T10:00:00Z||')).toMatchObject({ type: 'error', message: expect.stringMatching(/^card type:/) });
    expect(parseRfidLine('TAG|X|passport_card|lane-1|2026-11-23T10:00:00Z||')).toMatchObject({ message: expect.stringMatching(/^reference: an RFID reference has at least 4/) });
    expect(parseRfidLine('TAG|ABCD1|passport_card|lane-1|2026-11-23T10:00:00Z|one|')).toMatchObject({ message: 'antenna: "one" is not a number' });
    expect(parseRfidLine('TAG|ABCD1|passport_card|lane-1|soon||')).toMatchObject({ message: expect.stringMatching(/^timestamp:/) });
    expect(parseRfidLine('TAG|ABCD1')).toMatchObject({ code: 'malformed' });
    expect(parseRfidLine('READ|x')).toMatchObject({ code: 'unknown_command' });
  });
});

describe('RfidTcpReader', () => {
  it('reports each card once however often the reader sends it, answering OK / SEEN / ERR', async () => {
    const reader = new RfidTcpReader({ clock, ids: sequentialIds(), port: 0 });
    started.push(reader);
    const cards: RfidCardRead[] = [];
    reader.onCard((c) => cards.push(c));
    await reader.start();
    const tag = (ref: string, s: number) => `TAG|${ref}|passport_card|lane-1|2026-11-23T10:00:0${s}Z|0|-60\n`;
    const answers = await exchange(reader.port!, tag('AAAA1', 0) + tag('AAAA1', 1) + tag('BBBB2', 1) + 'garbage\n' + `TAG|${'Z'.repeat(600)}\n` + 'PING\n', 6);
    expect(answers).toEqual(['OK rfid-1', 'SEEN AAAA1', 'OK rfid-2', expect.stringMatching(/^ERR unknown_command/), expect.stringMatching(/^ERR too_large/), 'PONG']);
    expect(cards.map((c) => c.reference)).toEqual(['AAAA1', 'BBBB2']);
  });
});

describeDevicePortConformance('RfidTcpReader', () => {
  const device = new RfidTcpReader({ clock, ids: sequentialIds(), port: 0 });
  return { device, unplug: () => device.pause(), replug: () => device.resume() };
});
