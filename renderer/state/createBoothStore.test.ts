import { describe, expect, it } from 'vitest';
import type { DocumentRead } from '../../app/ports/documentRead';
import { createBoothStore } from './createBoothStore';

const read = (readId: string): DocumentRead => ({ readId, readerId: 'r', source: 'simulated', readAt: '2026-11-23T10:00:00.000Z', mrz: ['a', 'b'] });

describe('booth store', () => {
  it('creates independent stores', () => {
    const first = createBoothStore();
    first.getState().announce('hello');
    expect(createBoothStore().getState().notice).toBeNull();
  });

  it('shows a new read once, and clears it', () => {
    const store = createBoothStore();
    store.getState().documentReadReceived(read('1'));
    store.getState().rawMrzToggled();
    store.getState().documentReadReceived(read('1'));
    expect(store.getState().showRawMrz).toBe(true);
    store.getState().documentReadReceived(read('2'));
    expect(store.getState()).toMatchObject({ documentRead: { readId: '2' }, showRawMrz: false });
    store.getState().travellerCleared();
    expect(store.getState().documentRead).toBeNull();
  });

  it('cycles cameras from the live one, and falls back to the default when the selected camera goes away', () => {
    const store = createBoothStore();
    const state = () => store.getState();
    state().camerasFound([
      { deviceId: 'a', label: 'A' },
      { deviceId: 'b', label: 'B' },
    ]);
    state().cameraStateChanged({ phase: 'live', label: 'A', deviceId: 'a' });
    state().nextCameraSelected();
    expect(state().selectedCameraId).toBe('b');
    state().nextCameraSelected();
    expect(state().selectedCameraId).toBe('a');
    state().cameraSelected('zzz');
    expect(state().selectedCameraId).toBe('a');
    state().camerasFound([{ deviceId: 'b', label: 'B' }]);
    expect(state().selectedCameraId).toBeNull();
  });

  it('replaces a device status by id', () => {
    const store = createBoothStore();
    const status = { kind: 'camera', id: 'c', name: 'C', connected: true, since: '2026-11-23T10:00:00.000Z' } as const;
    store.getState().devicesLoaded([status]);
    store.getState().deviceChanged({ ...status, connected: false });
    expect(store.getState().devices.c?.connected).toBe(false);
  });
});
