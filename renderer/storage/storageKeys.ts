/**
 * Keys for encryption at rest. The main process holds the 256-bit storage key (safeStorage or an owner-only key
 * file) and gives it to the renderer through the host contract; the renderer derives non-extractable WebCrypto keys
 * from it and never writes it anywhere.
 */
export interface StorageKeys {
  /** AES-GCM 256: seals personal and biometric fields. */
  readonly cipher: CryptoKey;
  /** HMAC-SHA-256: keyed pseudonyms of traveller keys, so rows can be grouped by traveller without naming them. */
  readonly tagger: CryptoKey;
  /** HMAC-SHA-256: only for the key check value, which tells whether a database was sealed under this key. */
  readonly check: CryptoKey;
}

/** Supplies the storage keys (asks the main process once). */
export interface StorageKeyProvider {
  getKeys(): Promise<StorageKeys>;
}

const utf8 = new TextEncoder();

/** Derives the cipher, pseudonym and key-check keys from the raw storage key with HKDF, one `info` label each. */
export async function deriveStorageKeys(raw: Uint8Array): Promise<StorageKeys> {
  if (raw.length !== 32) throw new Error(`the storage key must be 32 bytes, got ${raw.length}`);
  const base = await crypto.subtle.importKey('raw', new Uint8Array(raw), 'HKDF', false, ['deriveKey']);
  const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: utf8.encode(info) });
  const cipher = await crypto.subtle.deriveKey(hkdf('booth/storage/aes-gcm/v1'), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const tagger = await crypto.subtle.deriveKey(hkdf('booth/storage/traveller-tag/v1'), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
  const check = await crypto.subtle.deriveKey(hkdf('booth/storage/key-check/v1'), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
  return { cipher, tagger, check };
}

/** A provider that fetches the raw key once (e.g. over the host contract), derives the keys and forgets the raw bytes. */
export function rawStorageKeyProvider(fetchRawKey: () => Promise<Uint8Array>): StorageKeyProvider {
  let keys: Promise<StorageKeys> | null = null;
  return {
    getKeys() {
      keys ??= fetchRawKey().then(async (raw) => {
        try {
          return await deriveStorageKeys(raw);
        } finally {
          raw.fill(0);
        }
      });
      keys.catch(() => {
        keys = null; // a failed fetch is retried next time
      });
      return keys;
    },
  };
}
