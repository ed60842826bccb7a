import { describe, expect, it } from 'vitest';
import { electronIpc } from '../../app/host/PreloadBridge';
import { createPreloadBridge, type IpcRendererLike } from './preloadBridge';

/** A stand-in for ipcRenderer that records what the bridge sends and lets the test emit events. */
function fakeIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: IpcRendererLike = {
    invoke: async (...args) => {
      invoked.push(args);
      return { ok: true, value: 'reply' };
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, message: unknown) => listeners.get(channel)?.forEach((listener) => listener({ sender: 'secret' }, message));
  return { ipc, invoked, emit };
}

describe('preload bridge', () => {
  it('forwards declared channels to ipcMain and refuses others without sending them', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createPreloadBridge(ipc);
    expect(await bridge.call('devices:list', {})).toEqual({ ok: true, value: 'reply' });
    expect(await bridge.call('fs:readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(invoked).toEqual([[electronIpc.call, 'devices:list', {}]]);
  });

  it('passes events on without the Electron event object, and stops on unsubscribe', () => {
    const { ipc, emit } = fakeIpc();
    const heard: unknown[][] = [];
    const stop = createPreloadBridge(ipc).onEvent((...args) => heard.push(args));
    emit(electronIpc.event, { name: 'devices:onStatus', payload: { id: 'x' } });
    stop();
    emit(electronIpc.event, { name: 'devices:onStatus', payload: { id: 'y' } });
    expect(heard).toEqual([['devices:onStatus', { id: 'x' }]]);
  });
});
