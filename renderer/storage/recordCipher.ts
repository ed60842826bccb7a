import type { StorageKeyProvider, StorageKeys } from './storageKeys';

/** An encrypted field as stored: AES-GCM ciphertext (tag included) with its own random 96-bit IV. */
export interface SealedField {
  readonly enc: 'json' | 'bytes';
  readonly iv: Uint8Array;
  readonly data: ArrayBuffer;
}

export class RecordCipherError extends Error {
  readonly code = 'corrupt_record' as const;
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/**
 * Seals and opens fields of rows. The additional data binds each ciphertext to its table and primary key, so a sealed
 * field copied into another row or table fails to open instead of showing someone else's data.
 */
export class RecordCipher {
  private constructor(private readonly keys: StorageKeys) {}

  static async create(provider: StorageKeyProvider): Promise<RecordCipher> {
    return new RecordCipher(await provider.getKeys());
  }

  sealJson(table: string, primaryKey: string | number, value: unknown): Promise<SealedField> {
    return this.seal('json', table, primaryKey, utf8Encoder.encode(JSON.stringify(value)));
  }

  sealBytes(table: string, primaryKey: string | number, bytes: Uint8Array): Promise<SealedField> {
    return this.seal('bytes', table, primaryKey, bytes);
  }

  /** The JSON value sealed in this row (the caller parses it against its schema). */
  async openJson(table: string, primaryKey: string | number, sealed: SealedField): Promise<unknown> {
    return JSON.parse(utf8Decoder.decode(await this.open('json', table, primaryKey, sealed)));
  }

  async openBytes(table: string, primaryKey: string | number, sealed: SealedField): Promise<Uint8Array> {
    return new Uint8Array(await this.open('bytes', table, primaryKey, sealed));
  }

  /** A keyed pseudonym of a traveller key: equal keys give equal tags, and the tag says nothing without the key. */
  async travellerTag(travellerKey: string): Promise<string> {
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', this.keys.tagger, utf8Encoder.encode(travellerKey)));
    return Array.from(mac.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /**
   * The key check value: an HMAC of a fixed label under a key derived for nothing else. Equal for equal storage
   * keys, different otherwise, and it reveals nothing of the key (so it may be stored in clear and audited).
   */
  async keyCheckValue(): Promise<string> {
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', this.keys.check, utf8Encoder.encode('booth storage key check value')));
    return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** Whether this sealed field opens with this booth's key (nothing is returned or kept of its content). */
  async canOpen(table: string, primaryKey: string | number, sealed: SealedField): Promise<boolean> {
    try {
      await this.open(sealed.enc, table, primaryKey, sealed);
      return true;
    } catch (error) {
      if (error instanceof RecordCipherError) return false;
      throw error;
    }
  }

  private async seal(enc: SealedField['enc'], table: string, primaryKey: string | number, plain: Uint8Array): Promise<SealedField> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(table, primaryKey) }, this.keys.cipher, new Uint8Array(plain));
    return { enc, iv, data };
  }

  private async open(enc: SealedField['enc'], table: string, primaryKey: string | number, sealed: SealedField): Promise<ArrayBuffer> {
    if (sealed.enc !== enc) throw new RecordCipherError(`${table}/${primaryKey}: expected a sealed ${enc} field, found ${sealed.enc}`);
    try {
      return await crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(sealed.iv), additionalData: additionalData(table, primaryKey) }, this.keys.cipher, sealed.data);
    } catch {
      throw new RecordCipherError(`${table}/${primaryKey}: the sealed field does not open with this booth's key (tampered, moved, or another key)`);
    }
  }
}

const additionalData = (table: string, primaryKey: string | number) => utf8Encoder.encode(`booth:${table}:${typeof primaryKey}:${primaryKey}`);
