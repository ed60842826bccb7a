import { channelNames, isChannelName } from '../../app/host/channels';
import { electronIpc, type PreloadBridge } from '../../app/host/PreloadBridge';
import { fail } from '../../app/host/result';

/** The slice of ipcRenderer the bridge uses, so the bridge can be tested without Electron. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds `window.boothHost`. Only channels declared in the contract get through, and the Electron event
 * object never reaches the page (it would hand the renderer `sender` and with it raw IPC).
 */
export function createPreloadBridge(ipc: IpcRendererLike): PreloadBridge {
  return {
    call(channel, payload) {
      if (!isChannelName(channel)) {
        return Promise.resolve(fail('unknown_channel', `No channel named ${JSON.stringify(channel)}; known: ${channelNames.join(', ')}`));
      }
      return ipc.invoke(electronIpc.call, channel, payload);
    },
    onEvent(listener) {
      const forward = (_event: unknown, message: unknown) => {
        const { name, payload } = (message ?? {}) as { name?: unknown; payload?: unknown };
        if (typeof name === 'string') listener(name, payload);
      };
      ipc.on(electronIpc.event, forward);
      return () => {
        ipc.removeListener(electronIpc.event, forward);
      };
    },
  };
}
