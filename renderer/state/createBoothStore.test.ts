import { describe, expect, it } from 'vitest';
import { createBoothStore } from './createBoothStore';

describe('booth store', () => {
  it('creates independent stores', () => {
    const first = createBoothStore();
    first.getState().announce('hello');
    expect(createBoothStore().getState().notice).toBeNull();
  });

  it('replaces a device status by id', () => {
    const store = createBoothStore();
    const status = { kind: 'camera', id: 'c', name: 'C', connected: true, since: '2026-11-23T10:00:00.000Z' } as const;
    store.getState().devicesLoaded([status]);
    store.getState().deviceChanged({ ...status, connected: false });
    expect(store.getState().devices.c?.connected).toBe(false);
  });

  it('announces with a tone, info unless said otherwise', () => {
    const store = createBoothStore();
    store.getState().announce('Document read');
    expect(store.getState().notice).toEqual({ text: 'Document read', tone: 'info' });
    store.getState().announce('Chip reader disconnected', 'warning');
    expect(store.getState().notice).toEqual({ text: 'Chip reader disconnected', tone: 'warning' });
  });

  it('keeps where the host, the network and the decision sync stand', () => {
    const store = createBoothStore();
    expect(store.getState()).toMatchObject({ hostConnection: 'connecting', networkOnline: true, sync: null, storageProblem: null });
    store.getState().hostConnectionChanged('stale_token');
    store.getState().networkChanged(false);
    store.getState().syncChanged({ connection: 'offline', queued: 2, deadLettered: 0, failing: false, lastError: null, nextAttemptAt: null });
    store.getState().storageFailed('no storage key');
    store.getState().storageWarned('3 records sealed under another key');
    expect(store.getState()).toMatchObject({ hostConnection: 'stale_token', networkOnline: false, sync: { queued: 2 }, storageProblem: 'no storage key', storageWarning: '3 records sealed under another key' });
  });

  it('keeps the vision phase the worker reports', () => {
    const store = createBoothStore();
    expect(store.getState().vision).toEqual({ phase: 'loading', progress: 0 });
    store.getState().visionChanged({ phase: 'ready', backend: 'wasm' });
    expect(store.getState().vision).toEqual({ phase: 'ready', backend: 'wasm' });
  });
});
