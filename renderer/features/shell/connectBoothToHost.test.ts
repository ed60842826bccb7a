import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostClient } from '../../host/HostClient';
import type { HostConnectionState, HostTransport } from '../../host/HostTransport';
import { createBoothStore } from '../../state/createBoothStore';
import { connectBoothToHost } from './connectBoothToHost';

/** A transport the test moves online and offline; it records the channels called and answers each with a failure. */
class ScriptedTransport implements HostTransport {
  readonly called: string[] = [];
  private state: HostConnectionState = 'connecting';
  private readonly listeners = new Set<(state: HostConnectionState) => void>();

  call(channel: string): Promise<unknown> {
    this.called.push(channel);
    return Promise.resolve(channel === 'auth:signOut' ? { ok: true, value: { userId: null } } : { ok: false, error: { code: 'not_supported', message: 'not in this test' } });
  }
  onEvent(): () => void {
    return () => undefined;
  }
  onConnection(listener: (state: HostConnectionState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }
  connection(): HostConnectionState {
    return this.state;
  }
  close(): void {}
  moveTo(state: HostConnectionState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

const officer = { userId: 'kim', name: 'Kim Lee', role: 'officer' } as const;

beforeEach(() => {
  vi.stubGlobal('window', { addEventListener: () => undefined, removeEventListener: () => undefined });
  vi.stubGlobal('navigator', { onLine: true });
});
afterEach(() => vi.unstubAllGlobals());

describe('connectBoothToHost: who is signed in on the host follows the screen', () => {
  it('signs the connection out on the host when the window connects with nobody on screen', () => {
    const transport = new ScriptedTransport();
    const stop = connectBoothToHost(new HostClient(transport), createBoothStore());
    transport.moveTo('online');
    expect(transport.called.filter((channel) => channel === 'auth:signOut')).toHaveLength(1);
    stop();
  });

  it('locks the screen when the window reconnects with a user on screen: the new connection has nobody on the host until they sign in again', () => {
    const transport = new ScriptedTransport();
    const store = createBoothStore();
    const stop = connectBoothToHost(new HostClient(transport), store);
    transport.moveTo('online');
    store.getState().signedIn(officer);
    transport.moveTo('offline');
    expect(store.getState().locked).toBe(false);
    transport.moveTo('online');
    expect(store.getState()).toMatchObject({ user: officer, locked: true });
    // Nobody on screen at the next reconnection: the host is told so again, and there is nothing to lock.
    store.getState().signedOut();
    transport.moveTo('offline');
    transport.moveTo('online');
    expect(store.getState().locked).toBe(false);
    expect(transport.called.filter((channel) => channel === 'auth:signOut')).toHaveLength(2);
    stop();
  });
});
