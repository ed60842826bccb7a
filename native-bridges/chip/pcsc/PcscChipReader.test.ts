import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex } from '../bytes';
import { createSimulatedPassport } from '../simulator/createSimulatedPassport';
import type { SimulatedPassport } from '../simulator/createSimulatedPassport';
import type { SimulatedPassportConfigInput } from '../simulator/simulatedPassportConfig';
import { VpcdCardConnection } from '../simulator/VpcdCardConnection';
import { ensurePcscd } from './ensurePcscd';
import { PcscChipReader } from './PcscChipReader';

// End to end: terminal code -> smartcard binding -> pcscd -> vpcd -> simulated chip (TCP). All cases share
// vpcd's first slot, so they run one after another in this file.

const pcscd = await ensurePcscd();
if (!pcscd.ok) console.warn(`[skip] PC/SC end-to-end tests: ${pcscd.reason}`);

const reader = 'Virtual PCD 00 00';
const erika = ['I<D<<T220001293<<<<<<<<<<<<<<<', '6408125F3110315D<<<<<<<<<<<<<2', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<'];
const erikaKey = { documentNumber: 'T22000129', birthDate: '640812', expiryDate: '311031' };

describe.skipIf(!pcscd.ok)('PcscChipReader through pcscd + vpcd with the simulated chip', () => {
  let connection: VpcdCardConnection | undefined;
  const chipReader = new PcscChipReader({ defaultReader: reader, cardWaitMs: 3000, transmitTimeoutMs: 3000 });

  async function insert(config: SimulatedPassportConfigInput): Promise<SimulatedPassport> {
    const passport = await createSimulatedPassport(config);
    connection = new VpcdCardConnection(passport.chip, { dropAfterApdus: passport.config.faults.dropAfterApdus, reinsertAfterMs: passport.config.faults.reinsertAfterMs, responseDelayMs: passport.config.faults.responseDelayMs });
    await connection.insert();
    return passport;
  }

  beforeAll(async () => {
    await chipReader.start();
  });
  afterEach(async () => {
    await connection?.stop();
    connection = undefined;
  });
  afterAll(async () => {
    await chipReader.stop();
  });

  it('lists the vpcd readers and reports insertion', async () => {
    expect(await chipReader.listReaders()).toContain(reader);
    const inserted = new Promise((resolve) => {
      const off = chipReader.onCard((e) => {
        if (e.type === 'inserted' && e.reader === reader) {
          off();
          resolve(e);
        }
      });
    });
    await insert({ mrz: erika, accessControl: 'BAC' });
    await expect(inserted).resolves.toMatchObject({ atr: '3B80800101' });
  });

  it('BAC: reads DG1 and DG2 byte for byte', async () => {
    const passport = await insert({ mrz: erika, accessControl: 'BAC' });
    const result = await chipReader.readPassport({ mrz: erikaKey });
    expect(result.accessControl.protocol).toBe('BAC');
    expect(bytesToHex(result.dataGroups.get(1)!)).toBe(bytesToHex(passport.issuedDataGroups.get(1)!));
    expect(bytesToHex(result.dataGroups.get(2)!)).toBe(bytesToHex(passport.issuedDataGroups.get(2)!));
    expect(result.activeAuthentication.status).toBe('passed');
    expect(result.chipAuthentication.status).toBe('passed');
  });

  it('PACE (brainpoolP256r1, AES-128): reads DG1 and DG2', async () => {
    const passport = await insert({ mrz: erika });
    const result = await chipReader.readPassport({ mrz: erikaKey });
    expect(result.accessControl.description).toBe('PACE ECDH-GM brainpoolP256r1 AES-128 (MRZ)');
    expect(bytesToHex(result.dataGroups.get(2)!)).toBe(bytesToHex(passport.issuedDataGroups.get(2)!));
  });

  it('a wrong MRZ is a clear access-denied error', async () => {
    await insert({ mrz: erika });
    await expect(chipReader.readPassport({ mrz: { ...erikaKey, documentNumber: 'T22000128' } })).rejects.toMatchObject({ code: 'access_denied', message: expect.stringMatching(/MRZ or CAN does not match/) });
  });

  it('removing the card mid-read gives card_removed, and the next read works', async () => {
    const passport = await insert({ mrz: erika, accessControl: 'BAC', faults: { dropAfterApdus: 30, reinsertAfterMs: 300 } });
    await expect(chipReader.readPassport({ mrz: erikaKey })).rejects.toMatchObject({ code: 'card_removed' });
    const again = await chipReader.readPassport({ mrz: erikaKey });
    expect(bytesToHex(again.dataGroups.get(2)!)).toBe(bytesToHex(passport.issuedDataGroups.get(2)!));
  });

  it('a cloned chip fails Active and Chip Authentication', async () => {
    await insert({ mrz: erika, faults: { clone: true } });
    const result = await chipReader.readPassport({ mrz: erikaKey });
    expect(result.activeAuthentication).toMatchObject({ status: 'failed' });
    expect(result.chipAuthentication).toMatchObject({ status: 'failed' });
    expect(result.dataGroups.get(1)).toBeDefined();
  });

  it('a chip slower than the APDU timeout gives a timeout error', async () => {
    await insert({ mrz: erika, accessControl: 'BAC', faults: { responseDelayMs: 400 } });
    const impatient = new PcscChipReader({ defaultReader: reader, transmitTimeoutMs: 150 });
    await expect(impatient.readPassport({ mrz: erikaKey })).rejects.toMatchObject({ code: 'timeout' });
  });
});
