import { describe, expect, it } from 'vitest';
import { combineHandlers, createDispatch, type ChannelHandlers, type HandlersOf } from './dispatch';
import { HostFailure } from './result';
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

describe('dispatch: the caller', () => {
  it('hands the transport\'s caller to the handler, and an unnamed one when the transport gave none', async () => {
    const seen: string[] = [];
    const dispatch = createDispatch(handlers({ 'auth:signIn': (_request, caller) => (seen.push(caller.client), { userId: 'officer', name: 'O', role: 'officer' }) }));
    await dispatch('auth:signIn', { userId: 'officer', password: 'x' }, { client: 'websocket-7' });
    await dispatch('auth:signIn', { userId: 'officer', password: 'x' });
    expect(seen).toEqual(['websocket-7', 'unnamed']);
  });
});

describe('dispatch', () => {
  it('answers a valid call with the handler reply', async () => {
    const dispatch = createDispatch(handlers());
    expect(await dispatch('sim:setDeviceConnected', { kind: 'documentReader', connected: false })).toEqual({ ok: true, value: { ...status, connected: false } });
  });

  it('rejects a channel that is not in the contract', async () => {
    const result = await createDispatch(handlers())('sim:selfDestruct', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(!result.ok && result.error.message).toContain('sim:selfDestruct');
  });

  it('names the bad field of an invalid request', async () => {
    const result = await createDispatch(handlers())('sim:setDeviceConnected', { kind: 'documentReader', connected: 'yes' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_request');
    expect(result.error.message).toMatch(/^Invalid request for sim:setDeviceConnected: connected: /);
  });

  it('rejects fields the channel does not declare', async () => {
    const result = await createDispatch(handlers())('devices:list', { all: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('keeps a HostFailure code and wraps other errors as handler_failed', async () => {
    const dispatch = createDispatch(
      handlers({
        'cameras:list': () => {
          throw new HostFailure('device_unavailable', 'camera bridge down');
        },
      }),
    );
    expect(await dispatch('cameras:list', {})).toEqual({ ok: false, error: { code: 'device_unavailable', message: 'camera bridge down' } });
    expect(await dispatch('sim:readDocument', {})).toEqual({ ok: false, error: { code: 'handler_failed', message: 'sim:readDocument failed: no document' } });
  });

  it('refuses to send a reply that breaks the contract', async () => {
    const dispatch = createDispatch(handlers({ 'devices:list': () => [{ ...status, kind: 'toaster' }] as never }));
    const result = await dispatch('devices:list', {});
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
    const dispatch = createDispatch(combineHandlers(others, sim));
    expect(await dispatch('sim:vehicleArrives', {})).toEqual({ ok: true, value: { label: 'bus', plate: 'B', occupants: 40 } });
    expect(await dispatch('lane:current', {})).toEqual({ ok: true, value: null });
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
