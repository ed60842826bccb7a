import { describe, expect, it } from 'vitest';
import type { CardChannel } from './cardChannel';
import { readPassportChip } from './passportReader.node.ts';
import { createSimulatedPassport } from './simulator/createSimulatedPassport.node.ts';
import type { SimulatedPassportConfigInput } from './simulator/simulatedPassportConfig';
import type { SimulatedPassportChip } from './simulator/SimulatedPassportChip.node.ts';
import { bytesToHex } from './bytes';

// In-process protocol tests: the terminal code against the simulated chip without PC/SC in between.
// The same pair runs through pcscd + vpcd in pcscChipReader.test.ts.

const erika = ['I<D<<T220001293<<<<<<<<<<<<<<<', '6408125F3110315D<<<<<<<<<<<<<2', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<'];
const erikaKey = { documentNumber: 'T22000129', birthDate: '640812', expiryDate: '311031' };

function channelTo(chip: SimulatedPassportChip): CardChannel {
  return { transmit: async (command) => chip.process(command) };
}

async function read(config: SimulatedPassportConfigInput, request: Parameters<typeof readPassportChip>[1] = { mrz: erikaKey }, chunkSize?: number) {
  const passport = await createSimulatedPassport(config);
  const result = await readPassportChip(channelTo(passport.chip), request, 'in-process', chunkSize ? { fileRead: { chunkSize } } : {});
  return { passport, result };
}

describe('readPassportChip against the simulated chip (in process)', () => {
  it('BAC chip: reads every data group byte for byte, AA (RSA) and CA pass', async () => {
    const { passport, result } = await read({ mrz: erika, accessControl: 'BAC' });
    expect(result.accessControl.protocol).toBe('BAC');
    for (const [dg, bytes] of passport.issuedDataGroups) expect(bytesToHex(result.dataGroups.get(dg)!)).toBe(bytesToHex(bytes));
    expect(result.activeAuthentication).toMatchObject({ status: 'passed' });
    expect(result.activeAuthentication.algorithm).toMatch(/RSA ISO 9796-2/);
    expect(result.chipAuthentication).toMatchObject({ status: 'passed' });
    expect(result.sod?.[0]).toBe(0x77);
  });

  for (const [curve, cipher] of [
    ['brainpoolP256r1', 'AES-128'],
    ['P-256', 'AES-192'],
    ['brainpoolP384r1', 'AES-256'],
  ] as const) {
    it(`PACE ${curve} ${cipher} with MRZ and with CAN`, async () => {
      const { passport, result } = await read({ mrz: erika, pace: { curve, cipher }, activeAuthentication: 'ec' });
      expect(result.accessControl.description).toBe(`PACE ECDH-GM ${curve} ${cipher} (MRZ)`);
      expect(bytesToHex(result.dataGroups.get(2)!)).toBe(bytesToHex(passport.issuedDataGroups.get(2)!));
      expect(result.activeAuthentication).toMatchObject({ status: 'passed', algorithm: 'ECDSA SHA256' });
      passport.chip.reset(); // a new session starts with a power cycle, as when the reader reconnects
      const byCan = await readPassportChip(channelTo(passport.chip), { can: '123456', dataGroups: [1] }, 'in-process');
      expect(byCan.accessControl.description).toContain('(CAN)');
    });
  }

  it('returns the DG15 that Active Authentication used, so its hash is checked, also when only DG1 and DG2 were asked for', async () => {
    const { passport, result } = await read({ mrz: erika }, { mrz: erikaKey, dataGroups: [1, 2] });
    expect(result.activeAuthentication).toMatchObject({ status: 'passed' });
    expect(bytesToHex(result.dataGroups.get(15)!)).toBe(bytesToHex(passport.issuedDataGroups.get(15)!));
    expect(result.notRead).not.toContain(15);
  });

  it('a wrong MRZ is access denied for BAC and for PACE', async () => {
    const wrong = { ...erikaKey, birthDate: '640813' };
    await expect(read({ mrz: erika, accessControl: 'BAC' }, { mrz: wrong })).rejects.toMatchObject({ code: 'access_denied' });
    await expect(read({ mrz: erika }, { mrz: wrong })).rejects.toMatchObject({ code: 'access_denied' });
    await expect(read({ mrz: erika }, { can: '654321' })).rejects.toMatchObject({ code: 'access_denied' });
  });

  it('a cloned chip fails AA and CA, and the data is still read', async () => {
    const { passport, result } = await read({ mrz: erika, faults: { clone: true } });
    expect(result.activeAuthentication.status).toBe('failed');
    expect(result.activeAuthentication.reason).toMatch(/clone/);
    expect(result.chipAuthentication.status).toBe('failed');
    expect(bytesToHex(result.dataGroups.get(1)!)).toBe(bytesToHex(passport.issuedDataGroups.get(1)!));
  });

  it('reads files beyond offset 32767 with READ BINARY B1 and large extended-length chunks', async () => {
    const big = new Uint8Array(70_000).fill(0x42);
    big.set([0xff, 0xd8, 0xff, 0xd9]);
    const { passport, result } = await read({ mrz: erika, face: { image: big, format: 'jpeg' }, accessControl: 'BAC', chipAuthentication: false, activeAuthentication: 'none' }, { mrz: erikaKey }, 4000);
    expect(result.dataGroups.get(2)!.length).toBeGreaterThan(70_000);
    expect(bytesToHex(result.dataGroups.get(2)!)).toBe(bytesToHex(passport.issuedDataGroups.get(2)!));
  });

  it('serves altered data groups and a missing SOD as configured', async () => {
    const { passport, result } = await read({ mrz: erika, faults: { alteredDataGroups: [1], sod: 'missing' } });
    expect(result.sod).toBeUndefined();
    expect(bytesToHex(result.dataGroups.get(1)!)).not.toBe(bytesToHex(passport.issuedDataGroups.get(1)!));
  });

  it('refuses a read without MRZ or CAN', async () => {
    await expect(read({ mrz: erika }, {})).rejects.toMatchObject({ code: 'bad_request' });
  });
});
