/**
 * What Electron's preload script exposes to the renderer as `window.boothHost`. It carries untrusted data
 * both ways: the renderer's HostClient parses every reply and event it receives from it.
 */
export interface PreloadBridge {
  /** Calls a contract channel; resolves to a result envelope, never rejects for host-side errors. */
  call(channel: string, payload: unknown): Promise<unknown>;
  /** Hears host events; returns a function that stops listening. */
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

/** The name under which the preload script exposes the bridge. */
export const preloadBridgeGlobal = 'boothHost';

/** The two IPC channel names Electron uses underneath: one for calls, one for events. */
export const electronIpc = { call: 'booth:call', event: 'booth:event' } as const;
