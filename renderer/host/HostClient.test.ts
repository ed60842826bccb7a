import { describe, expect, it } from 'vitest';
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
    emit('camera:onScene', status);
    expect(heard).toEqual(['c']);
  });
});
