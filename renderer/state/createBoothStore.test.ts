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

  it('keeps the vision phase the worker reports', () => {
    const store = createBoothStore();
    expect(store.getState().vision).toEqual({ phase: 'loading', progress: 0 });
    store.getState().visionChanged({ phase: 'ready', backend: 'wasm' });
    expect(store.getState().vision).toEqual({ phase: 'ready', backend: 'wasm' });
  });
});
