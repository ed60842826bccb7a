import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex } from '../bytes';
import type { SimulatedPassportConfigInput } from '../simulator/simulatedPassportConfig';
import { SimulatorProcess } from '../simulator/SimulatorProcess.node.ts';
import { Context, SCARD_STATE_PRESENT } from 'smartcard';
import { ensurePcscd } from './ensurePcscd.node.ts';
import { PcscChipReader } from './PcscChipReader.node.ts';

// End to end: terminal code -> smartcard binding -> pcscd -> vpcd -> simulated chip (TCP). All cases share
// vpcd's first slot, so they run one after another in this file. The chip runs in a child process, as a
// real card would be outside the terminal.

const pcscd = await ensurePcscd();
if (!pcscd.ok) console.warn(`[skip] PC/SC end-to-end tests: ${pcscd.reason}`);

const reader = 'Virtual PCD 00 00';
const erika = ['I<D<<T220001293<<<<<<<<<<<<<<<', '6408125F3110315D<<<<<<<<<<<<<2', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<'];
const erikaKey = { documentNumber: 'T22000129', birthDate: '640812', expiryDate: '311031' };

describe.skipIf(!pcscd.ok)('PcscChipReader through pcscd + vpcd with the simulated chip', () => {
  let simulator: SimulatorProcess | undefined;
  const chipReader = new PcscChipReader({ defaultReader: reader, cardWaitMs: 3000, transmitTimeoutMs: 3000 });

  /** Resolves when the monitor reports the card event on our reader (pcscd polls vpcd, so this takes a moment). */
  function cardEvent(type: 'inserted' | 'removed', timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (off(), reject(new Error(`no card ${type} event within ${timeoutMs} ms`))), timeoutMs);
      const off = chipReader.onCard((e) => {
        if (e.type === type && e.reader === reader) {
          clearTimeout(timer);
          off();
          resolve();
        }
      });
    });
  }

  /** Polls pcscd until our reader shows (or no longer shows) a card; safe because the chip is in another process. */
  async function waitForPresence(present: boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const context = new Context();
      const state = context.listReaders().find((r) => r.name === reader)?.state ?? 0;
      context.close();
      if (((state & SCARD_STATE_PRESENT) !== 0) === present) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`card still ${present ? 'absent' : 'present'} on ${reader} after ${timeoutMs} ms`);
  }

  async function insert(config: SimulatedPassportConfigInput): Promise<SimulatorProcess> {
    simulator = await SimulatorProcess.start(config);
    await waitForPresence(true);
    return simulator;
  }

  beforeAll(async () => {
    await chipReader.start();
  });
  afterEach(async () => {
    if (!simulator) return;
    await simulator.stop();
    simulator = undefined;
    await waitForPresence(false);
  });
  afterAll(async () => {
    await chipReader.stop();
  });

  it('lists the vpcd readers and reports insertion', async () => {
    expect(await chipReader.listReaders()).toContain(reader);
    const inserted = cardEvent('inserted', 15_000);
    await insert({ mrz: erika, accessControl: 'BAC' });
    await inserted;
    const removed = cardEvent('removed');
    await simulator!.remove();
    await removed;
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
    const passport = await insert({ mrz: erika, accessControl: 'BAC', faults: { dropAfterApdus: 30, reinsertAfterMs: 1500 } });
    await expect(chipReader.readPassport({ mrz: erikaKey })).rejects.toMatchObject({ code: 'card_removed', message: expect.stringMatching(/removed from the reader/) });
    // The officer puts the passport back (the simulator re-inserts it after 1.5 s).
    await waitForPresence(false);
    await waitForPresence(true);
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
