import { describe, expect, it } from 'vitest';
import { RecordCipher } from './recordCipher';
import { rawStorageKeyProvider } from './storageKeys';
import { testStorageKey } from './testSupport/decisionFixtures';

const cipherWith = (key: Uint8Array) => RecordCipher.create(rawStorageKeyProvider(async () => key));

describe('RecordCipher (AES-GCM, AAD = table + primary key)', () => {
  it('round-trips JSON and bytes, with a fresh 96-bit IV each time and no plaintext in the ciphertext', async () => {
    const cipher = await cipherWith(testStorageKey());
    const value = { subject: { identityKey: 'doc:UTO:L12345678' }, note: 'asked about trip' };
    const a = await cipher.sealJson('decisions', 'd-1', value);
    const b = await cipher.sealJson('decisions', 'd-1', value);
    expect(a.iv).toHaveLength(12);
    expect(a.iv).not.toEqual(b.iv);
    expect(new TextDecoder().decode(a.data)).not.toContain('L12345678');
    expect(await cipher.openJson('decisions', 'd-1', a)).toEqual(value);
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
    expect(await cipher.openBytes('retainedBiometrics', 'b-1', await cipher.sealBytes('retainedBiometrics', 'b-1', bytes))).toEqual(bytes);
  });

  it('refuses a sealed field moved to another row or table, tampered, or opened with another key', async () => {
    const cipher = await cipherWith(testStorageKey());
    const sealed = await cipher.sealJson('decisions', 'd-1', { x: 1 });
    await expect(cipher.openJson('decisions', 'd-2', sealed)).rejects.toMatchObject({ code: 'corrupt_record' });
    await expect(cipher.openJson('reviews', 'd-1', sealed)).rejects.toMatchObject({ code: 'corrupt_record' });
    const flipped = new Uint8Array(sealed.data.slice(0));
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    await expect(cipher.openJson('decisions', 'd-1', { ...sealed, data: flipped.buffer })).rejects.toMatchObject({ code: 'corrupt_record' });
    const other = await cipherWith(Uint8Array.from({ length: 32 }, () => 7));
    await expect(other.openJson('decisions', 'd-1', sealed)).rejects.toMatchObject({ code: 'corrupt_record' });
    await expect(cipher.openBytes('decisions', 'd-1', sealed)).rejects.toThrow(/expected a sealed bytes field/);
  });

  it('gives stable keyed traveller tags that differ per traveller and per key', async () => {
    const cipher = await cipherWith(testStorageKey());
    const tag = await cipher.travellerTag('doc:UTO:L1');
    expect(tag).toMatch(/^[0-9a-f]{32}$/);
    expect(await cipher.travellerTag('doc:UTO:L1')).toBe(tag);
    expect(await cipher.travellerTag('doc:UTO:L2')).not.toBe(tag);
    expect(await (await cipherWith(Uint8Array.from({ length: 32 }, () => 7))).travellerTag('doc:UTO:L1')).not.toBe(tag);
  });

  it('wipes the raw key after deriving and rejects a key of the wrong size', async () => {
    const raw = testStorageKey();
    await cipherWith(raw);
    expect(raw.every((b) => b === 0)).toBe(true);
    await expect(cipherWith(new Uint8Array(16))).rejects.toThrow(/32 bytes, got 16/);
  });
});
