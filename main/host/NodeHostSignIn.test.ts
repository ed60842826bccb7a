import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SignInActivity } from '../../app/host/signInActivity';
import { resolveSettings } from '../../app/settings/boothSettings';
import { createBoothServices, type BoothServices } from '../services/createBoothServices';
import { startNodeHost, type RunningNodeHost } from './NodeHost';
import { callHostApi, connectToHost, httpApiCaller, staticDirForTests } from './testSupport/nodeHostClient';
import { AccountStore } from '../services/accounts';
import { SignInThrottleFile } from '../services/signInThrottleFile';
import type { SignInThrottleState } from '../services/signInThrottle';

// The defect: 60 wrong passwords in 3 seconds were all answered and the right one still worked.

function manualClock(iso = '2026-12-07T03:00:00.000Z') {
  let t = Date.parse(iso);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

interface ReplyFrame {
  readonly kind: string;
  readonly id: number | null;
  readonly result: { readonly ok: boolean; readonly value?: unknown; readonly error?: { readonly code: string; readonly message: string } };
}

const running: { services: BoothServices; host: RunningNodeHost }[] = [];

async function startHost(dataDir: string, clock: ReturnType<typeof manualClock>) {
  const settings = resolveSettings({ devices: 'sim', signInLockoutFailures: 5, signInLockoutMinutes: 10 });
  const services = createBoothServices({ resolved: settings, version: 'test', userDataDir: dataDir, clock });
  await services.start();
  const host = await startNodeHost({ services, staticDir: staticDirForTests(), port: 0 });
  running.push({ services, host });
  return host;
}

afterEach(async () => {
  for (const { host, services } of running.splice(0)) {
    await host.close();
    await services.stop();
  }
});

/** Signs in over one WebSocket connection; resolves with the reply's error code, or 'ok'. */
async function signInOver(connection: Awaited<ReturnType<typeof connectToHost<ReplyFrame>>>, id: number, password: string, userId = 'officer'): Promise<string> {
  connection.socket.send(JSON.stringify({ kind: 'call', id, channel: 'auth:signIn', payload: { userId, password } }));
  const reply = await connection.nextFrame((frame) => frame.kind === 'reply' && frame.id === id);
  return reply.result.ok ? 'ok' : (reply.result.error?.code ?? 'no code');
}

describe('sign-in throttling over the Node host', () => {
  it('60 wrong passwords fired at once over WebSocket: one is checked, the rest refused, and the right one is refused too', async () => {
    const clock = manualClock();
    const host = await startHost(mkdtempSync(join(tmpdir(), 'booth-signin-')), clock);
    const connection = await connectToHost<ReplyFrame>(host);
    const codes = await Promise.all(Array.from({ length: 60 }, (_, i) => signInOver(connection, i + 1, `guess-${i}-password`)));
    expect(codes.filter((c) => c === 'bad_credentials')).toHaveLength(1);
    expect(codes.filter((c) => c === 'sign_in_throttled')).toHaveLength(59);
    expect(await signInOver(connection, 100, 'booth-officer')).toBe('sign_in_throttled');
    // Over HTTP too, with the status a script can act on and the wait in the message.
    const refused = await callHostApi(host, 'auth:signIn', { userId: 'officer', password: 'booth-officer' });
    expect(refused).toMatchObject({ status: 429, body: { ok: false, error: { code: 'sign_in_throttled', message: expect.stringMatching(/try again in 1 s/) } } });
    clock.advance(1000);
    expect(await signInOver(connection, 101, 'booth-officer')).toBe('ok');
    connection.socket.close();
  }, 60_000);

  it('locks the account after 5 failures for 10 minutes, from any connection, shows it to supervisors, and keeps it across a restart', async () => {
    const clock = manualClock();
    const dataDir = mkdtempSync(join(tmpdir(), 'booth-signin-'));
    const host = await startHost(dataDir, clock);
    for (let i = 0; i < 5; i++) {
      const connection = await connectToHost<ReplyFrame>(host);
      expect(await signInOver(connection, 1, 'wrong-password', 'Supervisor')).toBe('bad_credentials');
      connection.socket.close();
      clock.advance(60_000);
    }
    const locked = await callHostApi(host, 'auth:signIn', { userId: 'supervisor', password: 'booth-supervisor' });
    expect(locked).toMatchObject({ status: 423, body: { error: { code: 'account_locked', message: expect.stringMatching(/locked after 5 failed sign-ins, until 03:14 UTC/) } } });
    // Another account is not locked by it.
    expect((await callHostApi(host, 'auth:signIn', { userId: 'officer', password: 'booth-officer' })).body).toMatchObject({ ok: true, value: { userId: 'officer' } });
    // The activity is the supervisors': refused to a caller nobody signed in on, shown to another supervisor.
    expect((await callHostApi(host, 'auth:signInActivity', {})).body.error).toEqual({ code: 'not_permitted', message: 'Sign in first: The sign-in activity needs a signed-in supervisor.' });
    await AccountStore.inUserData(dataDir).add({ userId: 'kim', name: 'Kim Lee', role: 'supervisor' }, 'a long supervisor passphrase');
    const kim = httpApiCaller(host);
    expect((await kim.call('auth:signIn', { userId: 'kim', password: 'a long supervisor passphrase' })).status).toBe(200);
    const activity = await kim.call<SignInActivity>('auth:signInActivity', {});
    expect(activity.body.value).toMatchObject({ failuresLast24h: 6, lockedAccounts: [{ userId: 'supervisor', until: '2026-12-07T03:14:00.000Z', failures: 5 }], lockoutFailures: 5, lockoutMinutes: 10 });
    // Each HTTP API request without a session is a caller of its own, named in the entry.
    expect(activity.body.value?.recentFailures[0]).toMatchObject({ userId: 'supervisor', outcome: 'refused_locked', client: expect.stringMatching(/^http-api-\d+$/) });
    expect(activity.body.value?.recentFailures[1]).toMatchObject({ outcome: 'wrong_credentials', failures: 5, client: expect.stringMatching(/^websocket-/) });

    // Restarted on the same user data folder: still locked, until the lock is over.
    await running[0]?.host.close();
    await running[0]?.services.stop();
    running.splice(0);
    const restarted = await startHost(dataDir, clock);
    expect((await callHostApi(restarted, 'auth:signIn', { userId: 'supervisor', password: 'booth-supervisor' })).body).toMatchObject({ error: { code: 'account_locked' } });
    clock.advance(10 * 60_000);
    expect((await callHostApi(restarted, 'auth:signIn', { userId: 'supervisor', password: 'booth-supervisor' })).body).toMatchObject({ ok: true, value: { role: 'supervisor' } });
    const supervisor = httpApiCaller(restarted);
    await supervisor.signIn('supervisor');
    expect((await supervisor.call<SignInActivity>('auth:signInActivity', {})).body.value?.lockedAccounts).toEqual([]);
  }, 60_000);

  it('saves each failure before answering it: the reply never reaches the caller while the count is only in memory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'booth-signin-'));
    const events: string[] = [];
    // The file's write is held back a while, as a slow disk would: the reply must wait for it.
    class SlowDisk extends SignInThrottleFile {
      override async save(state: SignInThrottleState): Promise<void> {
        events.push('saving');
        await new Promise((resolve) => setTimeout(resolve, 200));
        await super.save(state);
        events.push('saved');
      }
    }
    const services = createBoothServices({ resolved: resolveSettings({ devices: 'sim' }), version: 'test', userDataDir: dataDir, clock: manualClock(), signInThrottleFile: new SlowDisk(join(dataDir, 'sign-in-throttle.json')) });
    await services.start();
    const host = await startNodeHost({ services, staticDir: staticDirForTests(), port: 0 });
    running.push({ services, host });
    const connection = await connectToHost<ReplyFrame>(host);
    expect(await signInOver(connection, 1, 'a wrong guess')).toBe('bad_credentials');
    events.push('answered');
    expect(events).toEqual(['saving', 'saved', 'answered']);
    // What a restart right after the answer would find on disk.
    expect(await new SignInThrottleFile(join(dataDir, 'sign-in-throttle.json')).load(() => undefined)).toMatchObject({ accounts: { officer: { failures: 1 } } });
    connection.socket.close();
  });
});
