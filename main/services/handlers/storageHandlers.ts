import type { HandlersOf } from '../../../app/host/dispatch';
import type { StorageKeySource } from '../storageKey';

/**
 * `storage:*`: the key of the renderer's encrypted storage, held here, never beside the data. It goes to a booth
 * window's own connection (Electron IPC from the app's frames; the page's WebSocket, opened with the launch's token
 * from the app's origin) whether or not anyone is signed in: the window opens its store and syncs the decisions
 * queued before a restart with nobody signed in, so none waits on a person. Never over the HTTP API: no script or
 * support tool needs the key to the travellers' personal and biometric data, signed in or not (a refusal is audited).
 */
export function storageHandlers(storageKey: StorageKeySource): HandlersOf<'storage'> {
  return {
    // Only to a booth window's own connection (app/host/channelAccess.ts, checked by dispatch).
    'storage:getKey': async () => ({ key: Buffer.from(await storageKey.load()).toString('base64') }),
  };
}
