import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { hostWebSocketProtocols } from '../../../app/host/hostAccessToken';
import { startNodeHost, type RunningNodeHost } from '../NodeHost';
import { sequentialIds } from '../../../app/ports/Ids';
import { resolveSettings } from '../../../app/settings/boothSettings';
import { createBoothServices, type BoothServicesOptions } from '../../services/createBoothServices';
import { httpApiSessionHeader } from '../HttpApiSessions';

/** A folder holding only an index.html, for a host under test to serve as the renderer build. */
export function staticDirForTests(): string {
  const staticDir = mkdtempSync(join(tmpdir(), 'booth-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Booth</title>');
  return staticDir;
}

/**
 * The renderer's side of `host`'s WebSocket, opened with this launch's access token: it collects every frame the
 * host sends. `Frame` is how the test reads a frame (the JSON is not parsed against the contract here).
 */
export async function connectToHost<Frame = Record<string, unknown>>(host: RunningNodeHost, origin?: string) {
  const socket = new WebSocket(`${host.url.replace('http', 'ws')}host`, hostWebSocketProtocols(host.accessToken.value), origin ? { origin } : {});
  const frames: Frame[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString()) as Frame));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  /** The first frame (already received or still to come, within 3 s) that `predicate` picks. */
  const nextFrame = async (predicate: (frame: Frame) => boolean): Promise<Frame> => {
    for (let waited = 0; waited < 3000; waited += 10) {
      const found = frames.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('no such frame');
  };
  let callId = 0;
  /** A call over this window's socket, as the renderer makes it: the reply's envelope. */
  const call = async <Value = unknown>(channel: string, payload: unknown) => {
    const id = ++callId;
    socket.send(JSON.stringify({ kind: 'call', id, channel, payload }));
    const reply = (await nextFrame((frame) => (frame as { id?: unknown }).id === id)) as { result?: unknown };
    return reply.result as { ok: boolean; value?: Value; error?: { code: string; message: string } };
  };
  /** Signs this window in with a practice account (`booth-<userId>`); fails the test when refused. */
  const signIn = async (userId: 'trainer' | 'officer' | 'supervisor') => {
    const answer = await call('auth:signIn', { userId, password: `booth-${userId}` });
    if (!answer.ok) throw new Error(`sign-in as ${userId} refused: ${JSON.stringify(answer.error)}`);
  };
  return { socket, frames, nextFrame, call, signIn };
}

/**
 * `POST /api/<channel>` on `host` with this launch's access token, as a support tool calls it: the status, the
 * envelope and the `Booth-Session` the host answered with (a successful sign-in opens one); `session` is sent back.
 */
export async function callHostApi<Value = unknown>(host: RunningNodeHost, channel: string, payload: unknown, session?: string) {
  const response = await fetch(`${host.url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.accessToken.value}`, ...(session ? { [httpApiSessionHeader]: session } : {}) },
    body: JSON.stringify(payload),
  });
  return { status: response.status, session: response.headers.get(httpApiSessionHeader) ?? undefined, body: (await response.json()) as { ok: boolean; value?: Value; error?: { code: string; message: string } } };
}

/** One HTTP API caller (a script, a trainer's console): it keeps the session its sign-in opened and sends it with every call. */
export function httpApiCaller(host: RunningNodeHost) {
  let session: string | undefined;
  const call = async <Value = unknown>(channel: string, payload: unknown) => {
    const answer = await callHostApi<Value>(host, channel, payload, session);
    if (answer.session) session = answer.session;
    if (channel === 'auth:signOut' && answer.body.ok) session = undefined;
    return answer;
  };
  /** Signs this caller in with a practice account (`booth-<userId>`); fails the test when refused. */
  const signIn = async (userId: 'trainer' | 'officer' | 'supervisor') => {
    const answer = await call('auth:signIn', { userId, password: `booth-${userId}` });
    if (answer.status !== 200) throw new Error(`sign-in as ${userId} refused: ${JSON.stringify(answer.body)}`);
  };
  return { call, signIn, session: () => session };
}

/** A booth (simulated unless `raw` says otherwise) served by a real Node host on loopback, in a fresh user data folder. */
export async function startBoothHost(raw: Record<string, unknown> = {}, options: Partial<BoothServicesOptions> = {}) {
  const dataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'booth-host-'));
  const services = createBoothServices({ resolved: resolveSettings(raw), version: 'test', ids: sequentialIds(), ...options, userDataDir: dataDir });
  await services.start();
  const host = await startNodeHost({ services, staticDir: staticDirForTests(), port: 0 });
  const close = async () => {
    await host.close();
    await services.stop();
  };
  return { services, host, dataDir, close };
}
