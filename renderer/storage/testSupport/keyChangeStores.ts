import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { sequentialIds } from '../../../app/ports/Ids';
import { BoothDatabase } from '../BoothDatabase';
import { DecisionStore } from '../DecisionStore';
import { rawStorageKeyProvider } from '../storageKeys';

/**
 * For the storage key change tests: one database (fake-indexeddb) opened again and again, each time with whichever
 * storage key the booth has then (testStorageKey or otherTestStorageKey from decisionFixtures.ts).
 */

export const officer = { userId: 'officer-1', role: 'officer' } as const;
export const supervisor = { userId: 'sup-1', role: 'supervisor' } as const;
export const clock = { now: () => new Date('2026-11-03T10:00:00.000Z') };

/** Opens the database `name` with `key`, as a booth starting up with that key file. */
export async function openWithKey(name: string, key: () => Uint8Array): Promise<{ readonly db: BoothDatabase; readonly store: DecisionStore }> {
  const db = new BoothDatabase(name, { indexedDB, IDBKeyRange });
  const store = await DecisionStore.open({ db, keys: rawStorageKeyProvider(async () => key()), clock, ids: sequentialIds() });
  return { db, store };
}
