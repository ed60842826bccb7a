import { afterEach, describe, expect, it } from 'vitest';
import type { SignInActivity } from '../../app/host/signInActivity';
import { SignedInCallers } from '../services/SignedInCallers';
import { HttpApiSessions } from './HttpApiSessions';
import { callHostApi, connectToHost, httpApiCaller, startBoothHost } from './testSupport/nodeHostClient';

/** Who is signed in where, through the real host on loopback: each HTTP API caller on its own session, each WebSocket on its own connection. */
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const booth of opened.splice(0)) await booth.close();
});

async function booth() {
  const callers = new SignedInCallers();
  let now = Date.parse('2026-12-07T12:00:00Z');
  const clock = { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
  const started = await startBoothHost({ devices: 'sim' }, { signedInCallers: callers, clock });
  opened.push(started);
  return { ...started, callers, clock };
}

interface ReplyFrame {
  readonly kind: string;
  readonly id: number | null;
  readonly result: { readonly ok: boolean; readonly error?: { readonly code: string; readonly message: string } };
}

describe('HTTP API sessions', () => {
  it("gives each caller its own sign-in: one caller's role and sign-out never reach another", async () => {
    const { host } = await booth();
    const console = httpApiCaller(host);
    const script = httpApiCaller(host);
    await console.signIn('trainer');
    await script.signIn('officer');
    expect(console.session()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(script.session()).not.toBe(console.session());

    // The officer's sign-in, later, did not replace the trainer's.
    expect((await console.call('training:list', {})).status).toBe(200);
    expect((await script.call('training:list', {})).body.error).toEqual({ code: 'not_permitted', message: 'The scenario list is for the trainer role; officer is signed in as officer.' });
    // A request without a session is nobody, whatever anyone else signed in as.
    expect((await callHostApi(host, 'training:list', {})).body.error?.message).toBe('Sign in first: The scenario list needs a signed-in trainer.');

    // The officer signs out: the trainer's session stays signed in.
    expect((await script.call('auth:signOut', {})).body).toEqual({ ok: true, value: { userId: 'officer' } });
    expect((await console.call('training:list', {})).status).toBe(200);
    expect((await console.call('auth:signOut', {})).body).toEqual({ ok: true, value: { userId: 'trainer' } });
  });

  it('refuses a session that ended (signed out) or never was, saying to sign in again', async () => {
    const { host } = await booth();
    const caller = httpApiCaller(host);
    await caller.signIn('trainer');
    const ended = caller.session() ?? '';
    await caller.call('auth:signOut', {});
    for (const session of [ended, 'made-up-session-id']) {
      const refused = await callHostApi(host, 'training:list', {}, session);
      expect(refused.status).toBe(401);
      expect(refused.body.error).toEqual({ code: 'unauthorized', message: expect.stringContaining('names no session of this host') });
    }
  });

  it('names each caller in the sign-in failures supervisors see, not one shared "http-api"', async () => {
    const { host, clock } = await booth();
    expect((await callHostApi(host, 'auth:signIn', { userId: 'kim', password: 'wrong-password' })).status).toBe(401);
    const supervisor = httpApiCaller(host);
    // The failure above throttles every caller without a session for a second (they count as one client).
    expect((await callHostApi(host, 'auth:signIn', { userId: 'supervisor', password: 'booth-supervisor' })).body.error?.code).toBe('sign_in_throttled');
    clock.advance(1000);
    await supervisor.signIn('supervisor');
    const failures = (await supervisor.call<SignInActivity>('auth:signInActivity', {})).body.value?.recentFailures ?? [];
    expect(failures).toHaveLength(2);
    expect(failures[1]).toMatchObject({ userId: 'kim', outcome: 'wrong_credentials', client: expect.stringMatching(/^http-api-\d+$/) });
    expect(failures[0]).toMatchObject({ userId: 'supervisor', outcome: 'refused_throttled', client: expect.stringMatching(/^http-api-\d+$/) });
    expect(failures[0]?.client).not.toBe(failures[1]?.client);
  });

  it('forgets the sign-in of every session it ends: signed out, unused too long, or beyond the most it keeps', () => {
    let now = 0;
    const forgotten: string[] = [];
    const sessions = new HttpApiSessions((caller) => forgotten.push(caller.client), { maxSessions: 2, idleMinutes: 10 }, () => now);
    const signIn = () => {
      const from = sessions.callerOf(undefined);
      if ('unknownSession' in from) throw new Error('a request without a session is never unknown');
      return { client: from.caller.client, secret: sessions.signedIn(from.caller, from.session) };
    };
    const a = signIn();
    const b = signIn();
    const c = signIn();
    // Three sessions, two kept: the least recently used (a) ended.
    expect(forgotten).toEqual([a.client]);
    expect(sessions.callerOf(a.secret)).toEqual({ unknownSession: true });
    sessions.signedOut(b.secret);
    expect(forgotten).toEqual([a.client, b.client]);
    now += 10 * 60_000;
    expect(sessions.callerOf(c.secret)).toEqual({ unknownSession: true });
    expect(forgotten).toEqual([a.client, b.client, c.client]);
    expect(sessions.size).toBe(0);
  });
});

describe('WebSocket connections', () => {
  it("forgets a closed connection's sign-in: the record does not grow with connections, and a new one inherits nothing", async () => {
    const { host, callers } = await booth();
    for (let i = 0; i < 5; i++) {
      const connection = await connectToHost<ReplyFrame>(host);
      connection.socket.send(JSON.stringify({ kind: 'call', id: 1, channel: 'auth:signIn', payload: { userId: 'trainer', password: 'booth-trainer' } }));
      expect((await connection.nextFrame((frame) => frame.id === 1)).result.ok).toBe(true);
      expect(callers.size).toBe(1);
      const closed = new Promise((resolve) => connection.socket.once('close', resolve));
      connection.socket.close();
      await closed;
      await expect.poll(() => callers.size).toBe(0);
    }
    const next = await connectToHost<ReplyFrame>(host);
    next.socket.send(JSON.stringify({ kind: 'call', id: 2, channel: 'training:list', payload: {} }));
    expect((await next.nextFrame((frame) => frame.id === 2)).result.error).toEqual({ code: 'not_permitted', message: 'Sign in first: The scenario list needs a signed-in trainer.' });
    next.socket.close();
  });

  it('forgets HTTP API sessions when the host closes', async () => {
    const { host, callers, close } = await booth();
    await httpApiCaller(host).signIn('trainer');
    expect(callers.size).toBe(1);
    await close();
    opened.splice(0);
    expect(callers.size).toBe(0);
  });
});
