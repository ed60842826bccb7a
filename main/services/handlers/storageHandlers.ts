import type { HandlersOf } from '../../../app/host/dispatch';
import { HostFailure } from '../../../app/host/result';
import type { StorageKeySource } from '../storageKey';

/**
 * `storage:*`: the key of the renderer's encrypted storage, held here, never beside the data. It goes to a booth
 * window's own connection (Electron IPC from the app's frames; the page's WebSocket, opened with the launch's token
 * from the app's origin) whether or not anyone is signed in: the window opens its store and syncs the decisions
 * queued before a restart with nobody signed in, so none waits on a person. Never over the HTTP API: no script or
 * support tool needs the key to the travellers' personal and biometric data, signed in or not.
 */
export function storageHandlers(storageKey: StorageKeySource): HandlersOf<'storage'> {
  return {
    'storage:getKey': async (_, caller) => {
      if (caller.transport === 'http') throw new HostFailure('not_permitted', "The storage key goes only to the booth's own window, never over the HTTP API.");
      return { key: Buffer.from(await storageKey.load()).toString('base64') };
    },
  };
}
