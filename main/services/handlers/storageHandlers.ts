import type { HandlersOf } from '../../../app/host/dispatch';
import type { StorageKeySource } from '../storageKey';

/** `storage:*`: the key of the renderer's encrypted storage, held here, never beside the data. */
export function storageHandlers(storageKey: StorageKeySource): HandlersOf<'storage'> {
  return {
    'storage:getKey': async () => ({ key: Buffer.from(await storageKey.load()).toString('base64') }),
  };
}
