import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { LaneSession } from '../../app/inspection/laneSession';
import { sequentialIds } from '../../app/ports/Ids';
import { resolveSettings } from '../../app/settings/boothSettings';
import { simulatedTravellers } from '../../native-bridges/document-reader/simulatedTravellers';
import { createBoothServices, type BoothServices } from '../services/createBoothServices';
import { startNodeHost, type RunningNodeHost } from './NodeHost';
import { callHostApi, connectToHost, staticDirForTests } from './testSupport/nodeHostClient';

/**
 * A keyboard-wedge read through the real Node host over the window's WebSocket, as the renderer hands it over (the
 * HTTP API may not: app/host/channelAccess.ts, NodeHostWindowOnly.test.ts): it must open a
 * traveller session with records like any other reader's read (flagged when its check digits fail, as a serial
 * reader's read is), and lines that are no MRZ must open nothing.
 */
const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
let services: BoothServices;
let host: RunningNodeHost;
type Frame = { name?: string; payload?: unknown; kind?: string };
let frames: Frame[];
let socket: WebSocket;
let window: Awaited<ReturnType<typeof connectToHost<Frame>>>;

beforeEach(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'booth-wedge-'));
  services = createBoothServices({
    resolved: resolveSettings({ devices: 'sim', laneType: 'air' }),
    version: 'test',
    clock,
    ids: sequentialIds(),
    userDataDir: dataDir,
  });
  await services.start();
  host = await startNodeHost({ services, staticDir: staticDirForTests(), port: 0 });
  // The renderer's view: every event the host pushes over its WebSocket.
  window = await connectToHost<Frame>(host);
  ({ socket, frames } = window);
  // The lane screen's officer: only they (or a trainer) hand in a scan.
  await window.signIn('officer');
});

afterEach(async () => {
  socket.close();
  await host.close();
  await services.stop();
});

const callApi = (channel: string, payload: unknown) => callHostApi(host, channel, payload);
/** The scan as the lane screen hands it over: over its own window's connection. */
const wedgeRead = async (lines: readonly string[]) => ({ body: await window.call('documents:wedgeRead', { lines }) });

/** The lane's session once its records and chip are in (the host reads the chip after publishing the read). */
async function settledSession(readId: string): Promise<LaneSession> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    await services.lane.settled();
    const { body } = await callApi('lane:current', {});
    const session = body.value as LaneSession | null;
    const document = session?.documents.find((d) => d.read.readId === readId);
    if (session && document?.chip && !session.recordsPending) return session;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no settled session for ${readId}`);
}

const events = (name: string) => frames.filter((frame) => frame.kind === 'event' && frame.name === name).map((frame) => frame.payload);
/** The document reads the renderer heard: each arrives in the lane session (lane:onSession), once per read. */
const readsHeard = () => [...new Map((events('lane:onSession') as { documents: { read: { readId: string } }[] }[]).flatMap((session) => session.documents.map((d) => [d.read.readId, d.read] as const))).values()];
const johnson = simulatedTravellers[1]!.mrz;

describe('documents:wedgeRead over the Node host', () => {
  it('opens a traveller session labelled with the wedge, with the records and chip of that document', async () => {
    const answer = await wedgeRead(johnson);
    expect(answer.body.ok).toBe(true);
    const reply = answer.body.value as { read: { readId: string; readerId: string; source: string; mrz: string[] }; document: Record<string, unknown> };
    expect(reply.read).toMatchObject({ readerId: 'keyboard-wedge-reader', source: 'keyboard', readAt: '2026-11-23T10:00:00.000Z', mrz: johnson });
    expect(reply.document).toMatchObject({ format: 'TD3', documentNumber: 'A12345678', lastName: 'JOHNSON', firstName: 'MICHAEL JAMES', problems: [], checkDigitFailures: [] });

    const session = await settledSession(reply.read.readId);
    expect(session.laneType).toBe('air');
    expect(session.documents).toHaveLength(1);
    expect(session.documents[0]?.read).toEqual(reply.read);
    expect(session.documents[0]?.chip).toMatchObject({ outcome: 'read', verdict: 'verified' });
    // Looked up exactly as a reader's read: the records service knows Michael Johnson.
    expect(session.records.travellers).toHaveLength(1);
    expect(session.records.travellers[0]?.result).toMatchObject({ ok: true, value: [{ recordId: 'TR-0002' }] });

    // The renderer heard the read in the session, the last one complete.
    await expect.poll(readsHeard).toEqual([reply.read]);
    await expect.poll(() => events('lane:onSession').at(-1)).toEqual(session);

    // The next scan is the next traveller: a new session.
    const next = await wedgeRead(simulatedTravellers[0]!.mrz);
    const nextRead = (next.body.value as { read: { readId: string } }).read;
    const second = await settledSession(nextRead.readId);
    expect(second.sessionId).not.toBe(session.sessionId);
    expect(second.records.travellers[0]?.result).toMatchObject({ ok: true, value: [{ recordId: 'TR-0001' }] });
  });

  it('takes a scan whose check digits fail as a flagged read: a session opens, the reply names each failing digit', async () => {
    // One character of the document number differs from what its check digit covers: a forged or damaged
    // document, or a key typed wrong. A serial reader delivers this read; so does the wedge, flagged.
    const tampered = [johnson[0]!, johnson[1]!.replace('A12345678', 'A12345679')];
    const answer = await wedgeRead(tampered);
    expect(answer.body.ok).toBe(true);
    const reply = answer.body.value as { read: { readId: string; mrz: string[] }; document: { checkDigitFailures: string[]; problems: string[]; documentNumber: string } };
    expect(reply.read).toMatchObject({ readerId: 'keyboard-wedge-reader', source: 'keyboard', readAt: '2026-11-23T10:00:00.000Z', mrz: tampered });
    const failures = ["document number check digit is 4 but the document number 'A12345679' gives 5", 'composite check digit is 2 but the characters it covers give 3'];
    expect(reply.document).toMatchObject({ format: 'TD3', documentNumber: 'A12345679', lastName: 'JOHNSON', checkDigitFailures: failures, problems: failures });

    // Into the lane as any reader's read: the session holds it as delivered, its records were looked up and its chip tried.
    const session = await settledSession(reply.read.readId);
    expect(session.documents).toHaveLength(1);
    expect(session.documents[0]?.read).toEqual(reply.read);
    expect(session.records.travellers).toHaveLength(1);
    await expect.poll(readsHeard).toEqual([reply.read]);
    await expect.poll(() => events('lane:onSession').at(-1)).toEqual(session);
  });

  it('refuses scans that are no MRZ (a letter for a check digit, a wrong line count), naming the problem, and opens nothing', async () => {
    // A keyboard layout that types O for 0, here in the composite check digit: no digit to check.
    const garbled = [johnson[0]!, `${johnson[1]!.slice(0, 43)}O`];
    const answer = await wedgeRead(garbled);
    expect(answer.body.error?.code).toBe('unreadable_document');
    expect(answer.body).toEqual({
      ok: false,
      error: {
        code: 'unreadable_document',
        message: "The typed MRZ was refused: composite check digit must be a digit, found 'O'; the characters it covers give 2. Scan the document again.",
      },
    });
    const oneLine = await wedgeRead([johnson[1]!]);
    expect(oneLine.body.error?.code).toBe('unreadable_document');
    expect(oneLine.body.error).toEqual({ code: 'unreadable_document', message: expect.stringMatching(/^The typed MRZ was refused: .+ Scan the document again\.$/) });
    const short = await wedgeRead([johnson[0]!, johnson[1]!.slice(0, 43)]);
    expect(short.body.error?.code).toBe('unreadable_document');
    expect(short.body.error?.message).toContain('line lengths 44, 43 match no MRZ layout');
    const lowerCase = await wedgeRead([johnson[0]!.toLowerCase(), johnson[1]!]);
    expect(lowerCase.body.error?.code).toBe('unreadable_document');
    expect(lowerCase.body.error?.message).toContain("line 1, column 1: 'p' is not an MRZ character");

    await services.lane.settled();
    expect((await callApi('lane:current', {})).body).toEqual({ ok: true, value: null });
    // Give a stray event time to arrive before saying none came.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readsHeard()).toEqual([]);
    expect(events('lane:onSession')).toEqual([]);
  });

  it('bounds the request: a stuck key or a flood of lines is an invalid request naming the field', async () => {
    const stuck = await wedgeRead([johnson[0]!, 'A'.repeat(5000)]);
    expect(stuck.body.error?.code).toBe('invalid_request');
    expect(stuck.body.error?.message).toMatch(/^Invalid request for documents:wedgeRead: lines\.1: /);
    const flood = await wedgeRead([...johnson, ...johnson]);
    expect(flood.body.error?.code).toBe('invalid_request');
    expect(flood.body.error?.message).toMatch(/^Invalid request for documents:wedgeRead: lines: /);
    expect((await callApi('lane:current', {})).body).toEqual({ ok: true, value: null });
  });
});
