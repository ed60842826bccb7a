import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { accessKeyFromMrzLines } from '../../../app/document/mrz/mrzAccessKey';
import { curves } from '../crypto/ellipticCurve.node.ts';
import { fileIds } from '../fileReader.node.ts';
import { oids } from '../oid';
import { encodeTlv } from '../../../app/document/lds/tlv';
import { encodeOid } from '../oid';
import { concatBytes } from '../bytes';
import { generateAaKey, generateCaKey } from './chipSecrets.node.ts';
import { buildCardAccess, buildCom, buildDg1, buildDg14, buildDg15, buildDg2 } from './ldsBuilder.node.ts';
import { SimulatedPassportChip } from './SimulatedPassportChip.node.ts';
import type { SimulatedChipContents } from './SimulatedPassportChip.node.ts';
import { simulatedPassportConfigSchema } from './simulatedPassportConfig';
import type { SimulatedPassportConfig, SimulatedPassportConfigInput, SodBuilder } from './simulatedPassportConfig';

const paceParameterIds = { 'P-256': 12, brainpoolP256r1: 13, brainpoolP384r1: 16 } as const;
const paceCipherArc = { 'AES-128': 2, 'AES-192': 3, 'AES-256': 4 } as const;
const caProtocol = `${oids.caEcdh}.2`; // id-CA-ECDH-AES-CBC-CMAC-128

/** The drawn placeholder portrait shipped in assets/chip (no real person). */
export function defaultPortrait(): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL('../../../assets/chip/simulated-portrait.jpg', import.meta.url))));
}

/**
 * A stand-in SOD used when no test PKI is wired in: a structurally recognisable but unsigned object,
 * so Passive Authentication reports a clear failure instead of the chip pretending to be genuine.
 */
function unsignedPlaceholderSod(): Uint8Array {
  return encodeTlv(0x77, encodeTlv(0x30, concatBytes(encodeTlv(0x06, encodeOid('1.2.840.113549.1.7.2')), encodeTlv(0xa0, new Uint8Array(0)))));
}

/** Changes one byte the way a forger would: a letter or digit of DG1's MRZ, elsewhere the last byte. */
function alter(dg: number, bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  if (dg === 1) {
    for (let i = out.length - 1; i >= 0; i--) {
      const c = out[i]!;
      if (c >= 0x41 && c <= 0x5a) {
        out[i] = c === 0x5a ? 0x41 : c + 1;
        return out;
      }
    }
  }
  out[out.length - 1] = out[out.length - 1]! ^ 0x01;
  return out;
}

/** EF.COM as the deviation has it (it is not signed, so a chip's mistakes in it change no hash). */
function comAsIssued(kind: SimulatedPassportConfig['deviations']['com'], dataGroups: readonly number[]): Uint8Array | undefined {
  switch (kind) {
    case 'valid':
      return buildCom(dataGroups);
    case 'incomplete':
      return buildCom([1]);
    case 'malformed':
      // A tag list (5C) whose length runs past the end of the file.
      return Uint8Array.of(0x60, 0x08, 0x5f, 0x01, 0x04, 0x30, 0x31, 0x30, 0x37, 0x5c, 0x09, 0x61);
    case 'missing':
      return undefined;
  }
}

export interface SimulatedPassport {
  readonly config: SimulatedPassportConfig;
  readonly chip: SimulatedPassportChip;
  /** Data groups as the genuine issuer signed them (before any fault). */
  readonly issuedDataGroups: ReadonlyMap<number, Uint8Array>;
  /** What the chip actually serves. */
  readonly contents: SimulatedChipContents;
}

/** Builds the chip's files and keys from a config; `buildSod` signs them (the test PKI), else the SOD is an unsigned stand-in. */
export async function createSimulatedPassport(input: SimulatedPassportConfigInput, buildSod?: SodBuilder): Promise<SimulatedPassport> {
  const config = simulatedPassportConfigSchema.parse(input);
  const mrzKey = accessKeyFromMrzLines(config.mrz);
  const face = config.face ?? { image: defaultPortrait(), format: 'jpeg' as const };

  const genuineAa = config.activeAuthentication === 'none' ? undefined : generateAaKey(config.activeAuthentication);
  const genuineCa = config.chipAuthentication ? generateCaKey('brainpoolP256r1') : undefined;
  const dataGroups = new Map<number, Uint8Array>([
    [1, buildDg1(config.mrz)],
    [2, buildDg2(face.image, face.format, config.deviations.dg2GroupTemplate)],
  ]);
  for (const [dg, bytes] of Object.entries(config.extraDataGroups)) dataGroups.set(Number(dg), bytes);
  if (genuineCa || genuineAa?.kind === 'ec') {
    // DG14 also carries the ECDSA AA algorithm; without CA it then holds only that entry.
    const aaOid = genuineAa?.kind === 'ec' ? `${oids.ecdsaPlain}.3` : undefined;
    if (genuineCa) dataGroups.set(14, buildDg14(genuineCa.publicSpki, caProtocol, aaOid));
  }
  if (genuineAa) dataGroups.set(15, buildDg15(genuineAa.publicSpki));
  const ordered = new Map([...dataGroups].sort(([a], [b]) => a - b));

  const sod = buildSod ? await buildSod(ordered, config.faults.sod === 'untrusted' ? 'untrusted' : 'trusted') : unsignedPlaceholderSod();
  const served = new Map<number, Uint8Array>();
  const com = comAsIssued(config.deviations.com, [...ordered.keys()]);
  if (com) served.set(fileIds.com, com);
  for (const [dg, bytes] of ordered) served.set(fileIds.dataGroup(dg), config.faults.alteredDataGroups.includes(dg) ? alter(dg, bytes) : bytes);
  if (config.faults.sod === 'forged') served.set(fileIds.sod, alter(0, sod));
  else if (config.faults.sod === 'valid' || config.faults.sod === 'untrusted') served.set(fileIds.sod, sod);

  const pace =
    config.accessControl === 'PACE'
      ? {
          protocol: `0.4.0.127.0.7.2.2.4.2.${paceCipherArc[config.pace.cipher]}`,
          parameterId: paceParameterIds[config.pace.curve],
          curve: curves[config.pace.curve],
          cipher: config.pace.cipher,
          mrz: mrzKey,
          can: config.can,
        }
      : undefined;
  // A clone has the genuine chip's files but cannot copy its private keys.
  const aaKey = genuineAa && config.faults.clone ? generateAaKey(genuineAa.kind) : genuineAa;
  const caKey = genuineCa && config.faults.clone ? generateCaKey(genuineCa.curve) : genuineCa;
  const contents: SimulatedChipContents = {
    applicationFiles: served,
    ...(pace ? { cardAccess: buildCardAccess(pace.protocol, pace.parameterId), pace } : {}),
    mrz: mrzKey,
    ...(aaKey ? { aaKey } : {}),
    ...(caKey ? { caKey } : {}),
    caCipher: 'AES-128',
    deviations: config.deviations,
  };
  return { config, chip: new SimulatedPassportChip(contents), issuedDataGroups: ordered, contents };
}
