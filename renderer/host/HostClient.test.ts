import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostClient } from './HostClient';
import type { HostConnectionState, HostTransport } from './HostTransport';

/** A transport that replays canned frames: what is under test is the client's parsing of them. */
function transportReplying(reply: unknown) {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const transport: HostTransport = {
    call: async () => reply,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onConnection: (listener: (state: HostConnectionState) => void) => {
      listener('online');
      return () => undefined;
    },
    connection: () => 'online',
    close: () => undefined,
  };
  return { transport, emit: (name: string, payload: unknown) => listeners.forEach((listener) => listener(name, payload)) };
}

const status = { kind: 'camera', id: 'c', name: 'Cam', connected: true, since: '2026-11-23T10:00:00.000Z' };

describe('HostClient', () => {
  it('returns replies that match the contract', async () => {
    const client = new HostClient(transportReplying({ ok: true, value: [status] }).transport);
    expect(await client.call('devices:list', {})).toEqual({ ok: true, value: [status] });
  });

  it('turns a reply that breaks the contract into invalid_reply, naming the field', async () => {
    const client = new HostClient(transportReplying({ ok: true, value: [{ ...status, connected: 'maybe' }] }).transport);
    const result = await client.call('devices:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_reply' } });
    expect(!result.ok && result.error.message).toContain('0.connected');
    expect(await new HostClient(transportReplying('garbage').transport).call('devices:list', {})).toMatchObject({ ok: false, error: { code: 'invalid_reply' } });
  });

  it('passes host errors through unchanged', async () => {
    const error = { code: 'device_unavailable', message: 'unplugged' };
    expect(await new HostClient(transportReplying({ ok: false, error }).transport).call('sim:readDocument', {})).toEqual({ ok: false, error });
  });

  it('delivers only valid events of the requested name', () => {
    const { transport, emit } = transportReplying(null);
    const heard: unknown[] = [];
    new HostClient(transport).on('devices:onStatus', (payload) => heard.push(payload.id));
    emit('devices:onStatus', status);
    emit('devices:onStatus', { ...status, id: '' });
    emit('document:onRead', status);
    expect(heard).toEqual(['c']);
  });
});

/** A transport whose host never answers (a hung main process, a lost IPC reply). */
function transportNeverAnswering(): HostTransport & { closed: boolean } {
  return {
    closed: false,
    call: () => new Promise(() => undefined),
    onEvent: () => () => undefined,
    onConnection: () => () => undefined,
    connection: () => 'online',
    close() {
      this.closed = true;
    },
  };
}

describe('HostClient calls cannot hang', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers a call the host never replies to with timeout, on any transport', async () => {
    vi.useFakeTimers();
    const client = new HostClient(transportNeverAnswering(), { callTimeoutMs: 5000 });
    const call = client.call('devices:list', {});
    await vi.advanceTimersByTimeAsync(4999);
    let settled = false;
    void call.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await call).toEqual({ ok: false, error: { code: 'timeout', message: 'devices:list: no reply within 5000 ms' } });
  });

  it('settles the calls in flight when closed (the page goes away), and answers later calls at once', async () => {
    const transport = transportNeverAnswering();
    const client = new HostClient(transport);
    const calls = [client.call('devices:list', {}), client.call('lane:current', {})];
    client.close();
    expect(transport.closed).toBe(true);
    expect(await Promise.all(calls)).toEqual([
      { ok: false, error: { code: 'host_unreachable', message: expect.stringMatching(/^devices:list: the booth window closed its connection/) } },
      { ok: false, error: { code: 'host_unreachable', message: expect.stringMatching(/^lane:current: /) } },
    ]);
    expect(await client.call('app:getInfo', {})).toMatchObject({ ok: false, error: { code: 'host_unreachable' } });
  });

  it('turns a transport that throws into host_unreachable instead of a rejected promise', async () => {
    const client = new HostClient({ ...transportNeverAnswering(), call: () => Promise.reject(new Error("No handler registered for 'booth:call'")) });
    expect(await client.call('devices:list', {})).toEqual({
      ok: false,
      error: { code: 'host_unreachable', message: "devices:list: the call failed in transit: No handler registered for 'booth:call'" },
    });
  });
});
