import { describe, expect, it } from 'vitest';
import type { HostAuditEvent } from './channelAccess';
import { combineHandlers, createDispatch, type CallerAccess, type ChannelHandlers, type HandlersOf } from './dispatch';
import { inProcessCaller, type DispatchCaller } from './dispatchCaller';
import { HostFailure } from './result';
import type { SignedInUser } from './signedInUser';
import { shippedModelSet } from '../biometrics/modelSet';
import { shippedPolicies } from '../policy/testSupport/shippedPolicies';

const status = { kind: 'documentReader', id: 'r1', name: 'Reader', connected: true, since: '2026-01-01T00:00:00.000Z' } as const;

const idleTraining = { state: 'idle' as const, scenario: null, stepCount: 0, stepsDone: 0, currentStep: null, nextAtSeconds: null, problems: [], run: null };

function handlers(overrides: Partial<ChannelHandlers> = {}): ChannelHandlers {
  return {
    'app:getInfo': () => ({ boothId: 'B1', laneType: 'air', deviceMode: 'sim', faceMatchTargetFmr: 0.001, version: '1', screenLockMinutes: 5, retentionDays: 30, settingsProblems: [], direction: 'entry', policies: shippedPolicies }),
    'models:active': () => ({ origin: 'shipped', models: shippedModelSet(), notices: [], presentationAttackDetection: 'off' }),
    'models:loadFailed': () => ({ origin: 'shipped', models: shippedModelSet(), notices: [], presentationAttackDetection: 'off' }),
    'devices:list': () => [status],
    'cameras:list': () => [],
    'cameras:scenes': () => [],
    'lane:current': () => null,
    'auth:signIn': () => ({ userId: 'officer', name: 'O', role: 'officer' }),
    'auth:signOut': () => ({ userId: null }),
    'auth:signInActivity': () => ({ recentFailures: [], failuresLast24h: 0, lockedAccounts: [], lockoutFailures: 10, lockoutMinutes: 15 }),
    'audit:anchor': () => null,
    'documents:wedgeRead': () => {
      throw new HostFailure('unreadable_document', 'bad check digit');
    },
    'decisions:sync': () => ({ results: [] }),
    'storage:getKey': () => ({ key: 'A'.repeat(43) + '=' }),
    'chip:readAgain': () => {
      throw new HostFailure('device_unavailable', 'no document');
    },
    'sim:setChipFaults': (faults) => faults,
    'sim:setDeviceConnected': ({ connected }) => ({ ...status, connected }),
    'sim:readDocument': () => {
      throw new Error('no document');
    },
    'sim:vehicleArrives': () => ({ label: 'car', plate: 'P', occupants: 1 }),
    'exit:gallery': () => ({ port: 'Blaine, WA', lane: 'vehicle', generatedAt: '2026-01-01T00:00:00.000Z', entries: [] }),
    'sim:exitArrives': () => ({ label: 'car', plate: 'P', occupants: 4 }),
    'training:list': () => [],
    'training:progress': () => idleTraining,
    'training:run': () => ({ run: null }),
    'training:start': () => idleTraining,
    'training:stop': () => idleTraining,
    'training:decided': () => ({ run: null }),
    'training:alerted': () => ({ run: null }),
    'training:departed': () => ({ run: null }),
    'training:debrief': () => {
      throw new HostFailure('invalid_request', 'No training run yet on this booth.');
    },
    'training:runs': () => ({ runs: [], problems: [] }),
    ...overrides,
  };
}

/** The host's side of the access rules: who signed in on which connection, and the audit entries written (or a failing disk). */
function accessFor(users: Readonly<Record<string, SignedInUser>> = {}, options: { trainingRunOpen?: boolean; auditFails?: boolean } = {}) {
  const audited: { client: string; userId: string | null; event: HostAuditEvent }[] = [];
  const access: CallerAccess = {
    userOf: (caller) => users[caller.client],
    trainingRunOpen: () => options.trainingRunOpen ?? false,
    record: async (caller, user, event) => {
      if (options.auditFails) throw new Error('disk full');
      audited.push({ client: caller.client, userId: user?.userId ?? null, event });
    },
  };
  return { access, audited };
}
const nobodySignedIn = () => accessFor().access;

describe('dispatch: the caller', () => {
  it('hands the transport\'s caller to the handler; the host\'s own code names itself (no caller is never taken for the host)', async () => {
    const seen: string[] = [];
    const dispatch = createDispatch(handlers({ 'auth:signIn': (_request, caller) => (seen.push(caller.client), { userId: 'officer', name: 'O', role: 'officer' }) }), nobodySignedIn());
    await dispatch('auth:signIn', { userId: 'officer', password: 'x' }, { client: 'websocket-7', transport: 'window' as const });
    await dispatch('auth:signIn', { userId: 'officer', password: 'x' }, inProcessCaller);
    expect(seen).toEqual(['websocket-7', 'in-process']);
    // A call must say who made it: there is no default caller a forgetful transport would be trusted as.
    // @ts-expect-error the caller is required (tsc fails here if it becomes optional again)
    const unsaid = () => dispatch('auth:signIn', {});
    expect(unsaid).toBeTypeOf('function');
  });
});

describe('dispatch', () => {
  it('answers a valid call with the handler reply', async () => {
    const dispatch = createDispatch(handlers(), nobodySignedIn());
    expect(await dispatch('sim:setDeviceConnected', { kind: 'documentReader', connected: false }, inProcessCaller)).toEqual({ ok: true, value: { ...status, connected: false } });
  });

  it('rejects a channel that is not in the contract', async () => {
    const result = await createDispatch(handlers(), nobodySignedIn())('sim:selfDestruct', {}, inProcessCaller);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(!result.ok && result.error.message).toContain('sim:selfDestruct');
  });

  it('names the bad field of an invalid request', async () => {
    const result = await createDispatch(handlers(), nobodySignedIn())('sim:setDeviceConnected', { kind: 'documentReader', connected: 'yes' }, inProcessCaller);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_request');
    expect(result.error.message).toMatch(/^Invalid request for sim:setDeviceConnected: connected: /);
  });

  it('rejects fields the channel does not declare', async () => {
    const result = await createDispatch(handlers(), nobodySignedIn())('devices:list', { all: true }, inProcessCaller);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('keeps a HostFailure code and wraps other errors as handler_failed', async () => {
    const dispatch = createDispatch(
      handlers({
        'cameras:list': () => {
          throw new HostFailure('device_unavailable', 'camera bridge down');
        },
      }),
      nobodySignedIn(),
    );
    expect(await dispatch('cameras:list', {}, inProcessCaller)).toEqual({ ok: false, error: { code: 'device_unavailable', message: 'camera bridge down' } });
    expect(await dispatch('sim:readDocument', {}, inProcessCaller)).toEqual({ ok: false, error: { code: 'handler_failed', message: 'sim:readDocument failed: no document' } });
  });

  it('refuses to send a reply that breaks the contract', async () => {
    const dispatch = createDispatch(handlers({ 'devices:list': () => [{ ...status, kind: 'toaster' }] as never }), nobodySignedIn());
    const result = await dispatch('devices:list', {}, inProcessCaller);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_reply' } });
    expect(!result.ok && result.error.message).toContain('0.kind');
  });
});

describe('combineHandlers', () => {
  const all = handlers();
  const sliceOf = (prefix: string): Partial<ChannelHandlers> => Object.fromEntries(Object.entries(all).filter(([name]) => name.startsWith(`${prefix}:`)));

  it('serves every channel from the slice that handles it', async () => {
    const sim: HandlersOf<'sim'> = { ...(sliceOf('sim') as HandlersOf<'sim'>), 'sim:vehicleArrives': () => ({ label: 'bus', plate: 'B', occupants: 40 }) };
    const others = Object.fromEntries(Object.entries(all).filter(([name]) => !name.startsWith('sim:'))) as Omit<ChannelHandlers, keyof HandlersOf<'sim'>>;
    const dispatch = createDispatch(combineHandlers(others, sim), nobodySignedIn());
    expect(await dispatch('sim:vehicleArrives', {}, inProcessCaller)).toEqual({ ok: true, value: { label: 'bus', plate: 'B', occupants: 40 } });
    expect(await dispatch('lane:current', {}, inProcessCaller)).toEqual({ ok: true, value: null });
  });

  it('refuses a channel handled twice, naming it', () => {
    const slices = [all, sliceOf('training')] as const;
    expect(() => combineHandlers(...(slices as unknown as [ChannelHandlers]))).toThrow('Two handlers for the channel training:list.');
  });

  it('refuses a contract with a channel nobody handles, naming it', () => {
    const withoutLane = Object.fromEntries(Object.entries(all).filter(([name]) => name !== 'lane:current'));
    expect(() => combineHandlers(...([withoutLane] as unknown as [ChannelHandlers]))).toThrow('No handler for the channel(s) lane:current.');
  });
});

describe('dispatch: access rules (app/host/channelAccess.ts) before any handler', () => {
  const window: DispatchCaller = { client: 'websocket-1', transport: 'window' };
  const script: DispatchCaller = { client: 'http-api-1', transport: 'http' };
  const trainer: SignedInUser = { userId: 'tara', name: 'Tara', role: 'trainer' };
  const officer: SignedInUser = { userId: 'kim', name: 'Kim', role: 'officer' };
  /** Every handler counts its calls: a refused call must never reach one. */
  function counted() {
    const calls: string[] = [];
    const all = handlers();
    const wrapped = Object.fromEntries(Object.entries(all).map(([name, handler]) => [name, (request: never, caller: DispatchCaller) => (calls.push(name), (handler as (r: never, c: DispatchCaller) => unknown)(request, caller))]));
    return { handlers: wrapped as unknown as ChannelHandlers, calls };
  }

  it('gives the storage key to a booth window and the host, refuses it to the HTTP API (signed in or not), audited, the handler never run', async () => {
    const { handlers: all, calls } = counted();
    const { access, audited } = accessFor({ 'http-api-1': trainer });
    const dispatch = createDispatch(all, access);
    expect(await dispatch('storage:getKey', {}, window)).toMatchObject({ ok: true });
    expect(await dispatch('storage:getKey', {}, inProcessCaller)).toMatchObject({ ok: true });
    expect(await dispatch('storage:getKey', {}, script)).toEqual({ ok: false, error: { code: 'not_permitted', message: "The storage key goes only to the booth's own window, never over the HTTP API." } });
    expect(calls).toEqual(['storage:getKey', 'storage:getKey']);
    expect(audited).toEqual([{ client: 'http-api-1', userId: 'tara', event: { action: 'storage_key_refused', channel: 'storage:getKey', outcome: 'refused', reason: expect.stringContaining('never over the HTTP API') } }]);
  });

  it("refuses a model load failure reported over the HTTP API, audited with what it said; a window's report reaches the handler (which audits what it did)", async () => {
    const { handlers: all, calls } = counted();
    const { access, audited } = accessFor();
    const dispatch = createDispatch(all, access);
    expect(await dispatch('models:loadFailed', { origin: 'configured', message: 'pretend' }, script)).toMatchObject({ ok: false, error: { code: 'not_permitted', message: expect.stringContaining('the HTTP API may not') } });
    expect(await dispatch('models:loadFailed', { origin: 'configured', message: 'no WebGL' }, window)).toMatchObject({ ok: true });
    expect(calls).toEqual(['models:loadFailed']);
    expect(audited).toEqual([{ client: 'http-api-1', userId: null, event: expect.objectContaining({ action: 'model_load_failed', outcome: 'refused', details: { origin: 'configured', message: 'pretend' } }) }]);
  });

  it("keeps each role's channels to it, on the connection it signed in on: the sign-in activity a supervisor's, the trainer's controls a trainer's", async () => {
    const { handlers: all, calls } = counted();
    const supervisor: SignedInUser = { userId: 'sam', name: 'Sam', role: 'supervisor' };
    const dispatch = createDispatch(all, accessFor({ 'websocket-1': officer, 'http-api-1': supervisor }).access);
    expect(await dispatch('auth:signInActivity', {}, window)).toEqual({ ok: false, error: { code: 'not_permitted', message: 'The sign-in activity is for the supervisor role; kim is signed in as officer.' } });
    expect(await dispatch('auth:signInActivity', {}, { client: 'websocket-2', transport: 'window' })).toEqual({ ok: false, error: { code: 'not_permitted', message: 'Sign in first: The sign-in activity needs a signed-in supervisor.' } });
    expect(await dispatch('auth:signInActivity', {}, script)).toMatchObject({ ok: true });
    for (const channel of ['training:list', 'training:progress', 'training:start', 'training:stop', 'training:runs'] as const) {
      expect(await dispatch(channel, {}, window), channel).toMatchObject({ ok: false, error: { code: 'not_permitted', message: expect.stringContaining('is for the trainer role') } });
    }
    expect(await dispatch('training:run', {}, window)).toMatchObject({ ok: true });
    expect(calls).toEqual(['auth:signInActivity', 'training:run']);
  });

  it('lets a trainer drive the simulator, an officer only bring arrivals outside a training run, nobody unsigned; every call audited before it acts', async () => {
    const { handlers: all, calls } = counted();
    const { access, audited } = accessFor({ 'http-api-1': trainer, 'websocket-1': officer }, { trainingRunOpen: true });
    const dispatch = createDispatch(all, access);
    expect(await dispatch('sim:setDeviceConnected', { kind: 'chipReader', connected: false }, script)).toMatchObject({ ok: true });
    expect(await dispatch('sim:vehicleArrives', {}, window)).toEqual({ ok: false, error: { code: 'not_permitted', message: 'A training run is open: only its trainer drives sim:vehicleArrives until it ends.' } });
    expect(await dispatch('sim:setChipFaults', {}, { client: 'websocket-2', transport: 'window' })).toMatchObject({ ok: false, error: { code: 'not_permitted', message: expect.stringMatching(/^Sign in first/) } });
    // The host's own code (tests, the scenario player's controls) is the host: not refused, not audited.
    expect(await dispatch('sim:vehicleArrives', {}, inProcessCaller)).toMatchObject({ ok: true });
    expect(calls).toEqual(['sim:setDeviceConnected', 'sim:vehicleArrives']);
    expect(audited.map(({ client, userId, event }) => [client, userId, event.action, event.channel, event.outcome, event.details])).toEqual([
      ['http-api-1', 'tara', 'simulator_control', 'sim:setDeviceConnected', 'done', { kind: 'chipReader', connected: false }],
      ['websocket-1', 'kim', 'simulator_control', 'sim:vehicleArrives', 'refused', undefined],
      ['websocket-2', null, 'simulator_control', 'sim:setChipFaults', 'refused', { clone: false, sod: 'valid', alteredDataGroups: '' }],
    ]);
  });

  it('audits a control let through whose handler then failed as failed too: the log never shows as done what did nothing', async () => {
    const { access, audited } = accessFor({ 'http-api-1': trainer });
    const dispatch = createDispatch(handlers({ 'sim:vehicleArrives': () => Promise.reject(new HostFailure('not_supported', 'Simulator controls are available only with --devices=sim.')) }), access);
    expect(await dispatch('sim:readDocument', { traveller: 2 }, script)).toEqual({ ok: false, error: { code: 'handler_failed', message: 'sim:readDocument failed: no document' } });
    expect(await dispatch('sim:vehicleArrives', {}, script)).toMatchObject({ ok: false, error: { code: 'not_supported' } });
    expect(audited.map(({ event }) => [event.channel, event.outcome, event.reason])).toEqual([
      ['sim:readDocument', 'done', undefined],
      ['sim:readDocument', 'failed', 'sim:readDocument failed: no document'],
      ['sim:vehicleArrives', 'done', undefined],
      ['sim:vehicleArrives', 'failed', 'Simulator controls are available only with --devices=sim.'],
    ]);
    expect(audited[1]?.event.details).toEqual({ traveller: 2, photo: false });
  });

  it('does not act on a call whose audit entry cannot be written, and says so', async () => {
    const { handlers: all, calls } = counted();
    const dispatch = createDispatch(all, accessFor({ 'http-api-1': trainer }, { auditFails: true }).access);
    expect(await dispatch('sim:setDeviceConnected', { kind: 'chipReader', connected: false }, script)).toEqual({ ok: false, error: { code: 'handler_failed', message: 'sim:setDeviceConnected failed: disk full' } });
    expect(calls).toEqual([]);
  });
});
