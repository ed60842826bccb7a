import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { ChipReadError } from '../../../native-bridges/chip/chipReadError';
import type { ChipReadResult } from '../../../app/ports/ChipReaderPort';
import { accessKeyFromMrzLines } from '../../../app/document/mrz/mrzAccessKey';
import { inspectChipRead, type ChipInspection } from '../../../native-bridges/chip/inspectChipRead.node.ts';
import { loadTrustStore } from '../../../native-bridges/chip/passive-auth/trustStore.node.ts';
import { ensurePcscd } from '../../../native-bridges/chip/pcsc/ensurePcscd.node.ts';
import { PcscChipReader } from '../../../native-bridges/chip/pcsc/PcscChipReader.node.ts';
import { createSimulatedPassport } from '../../../native-bridges/chip/simulator/createSimulatedPassport.node.ts';
import { simulatedPassportConfigSchema } from '../../../native-bridges/chip/simulator/simulatedPassportConfig';
import { createTestPkiSodSigner } from '../../../native-bridges/chip/simulator/testPkiSodSigner.node.ts';
import { VpcdCardConnection, vpcdDefaultPort } from '../../../native-bridges/chip/simulator/VpcdCardConnection.node.ts';
import { addChipTrustCommand } from './chipTrust';
import { addChipVerifyCommand, chipVerifyExitCodes, formatCheck } from './chipVerify';
import { defaultChipPolicy } from '../../../app/inspection/chipPolicy';

/** `npx booth chip ...`: read a passport chip through PC/SC, simulate one on vpcd, verify files offline. */

const readOptionsSchema = z
  .object({
    reader: z.string().min(1).optional(),
    mrz: z.array(z.string().min(1)).min(2).max(3).optional(),
    can: z.string().regex(/^\d{6}$/, 'CAN must be 6 digits').optional(),
    trust: z.array(z.string().min(1)).default([]),
    photoDir: z.string().min(1).default(path.join(os.tmpdir(), 'booth-chip')),
    json: z.boolean().default(false),
  })
  .refine((o) => o.mrz || o.can, 'give --mrz "LINE1" "LINE2" [LINE3] or --can NNNNNN');

function savePhoto(result: ChipReadResult, face: ChipInspection['face'], dir: string, name: string): { path?: string; note?: string } {
  if (!result.dataGroups.has(2)) return { note: 'DG2 was not read' };
  if (!face) return { note: 'DG2 holds no face image' };
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^0-9A-Z]/gi, '_')}-dg2.${face.mimeType === 'image/jp2' ? 'jp2' : 'jpg'}`);
  writeFileSync(file, face.image);
  return { path: file };
}

/** Exit codes of `booth chip read`: the verdicts as `chip verify` gives them, and 4 when the chip could not be read. */
export const chipReadExitCodes = { ...chipVerifyExitCodes, unread: 4 } as const;

/** Reads the chip and runs every check; returns the exit code (0 verified, 1 failed, 2 bad input, 3 not verifiable, 4 not read). */
export async function runChipRead(raw: unknown, now: Date, print: (text: string) => void): Promise<number> {
  const parsed = readOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    print(`invalid arguments: ${parsed.error.issues.map((i) => `${i.path.length ? `--${i.path.join('.')}: ` : ''}${i.message}`).join('; ')}`);
    return 2;
  }
  const options = parsed.data;
  let mrzKey;
  try {
    mrzKey = options.mrz ? accessKeyFromMrzLines(options.mrz) : undefined;
  } catch (e) {
    print(`invalid arguments: --mrz: ${(e as Error).message}`);
    return 2;
  }
  const fail = (code: string, message: string) => {
    print(options.json ? JSON.stringify({ verdict: 'not_verifiable', error: { code, message } }, null, 2) : `error (${code}): ${message}`);
    return chipReadExitCodes.unread;
  };
  const pcscd = await ensurePcscd({ readerPrefix: '' });
  if (!pcscd.ok) return fail('pcsc_unavailable', pcscd.reason);

  const chipReader = new PcscChipReader({ ...(options.reader ? { defaultReader: options.reader } : {}), cardWaitMs: 5000 });
  let result: ChipReadResult;
  try {
    result = await chipReader.readPassport({ ...(mrzKey ? { mrz: mrzKey } : {}), ...(options.can ? { can: options.can } : {}) });
  } catch (e) {
    if (e instanceof ChipReadError) return fail(e.code, e.message);
    return fail('unexpected', (e as Error).message);
  }

  let inspection: ChipInspection;
  let photo: ReturnType<typeof savePhoto>;
  try {
    inspection = inspectChipRead(result, { ...(options.mrz ? { opticalMrz: options.mrz } : {}), trust: loadTrustStore(options.trust, now), at: now, policy: defaultChipPolicy });
    photo = savePhoto(result, inspection.face, options.photoDir, mrzKey?.documentNumber ?? 'chip');
  } catch (e) {
    // Whatever the chip held, the answer is a message, never a stack trace.
    return fail('unexpected', (e as Error).message);
  }
  const { checks } = inspection;

  if (options.json) {
    print(
      JSON.stringify(
        {
          reader: result.reader,
          document: { mrz: inspection.chipMrz ?? null, dataGroups: [...result.dataGroups.keys()], notRead: result.notRead, documentSigner: inspection.documentSigner ?? null },
          accessControl: result.accessControl,
          verdict: inspection.verdict,
          ...(inspection.verdictReason ? { verdictReason: inspection.verdictReason } : {}),
          checks,
          photo: photo.path ?? null,
          timings: result.timings,
        },
        null,
        2,
      ),
    );
  } else {
    print([`Reader: ${result.reader}`, `MRZ on chip: ${inspection.chipMrz?.join(' / ') ?? '-'}`, ...checks.map(formatCheck), `Photo: ${photo.path ?? photo.note}`, `Chip: ${inspection.verdict.replace('_', ' ').toUpperCase()}${inspection.verdictReason ? ` (${inspection.verdictReason})` : ''}`].join('\n'));
  }
  return chipReadExitCodes[inspection.verdict];
}

const simulateOptionsSchema = z.object({
  mrz: z.array(z.string()).min(2).max(3).default(['I<D<<T220001293<<<<<<<<<<<<<<<', '6408125F3110315D<<<<<<<<<<<<<2', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<']),
  access: z.enum(['bac', 'pace']).default('pace'),
  curve: z.enum(['brainpoolP256r1', 'P-256', 'brainpoolP384r1']).default('brainpoolP256r1'),
  cipher: z.enum(['AES-128', 'AES-192', 'AES-256']).default('AES-128'),
  can: z.string().default('123456'),
  aa: z.enum(['rsa', 'ec', 'none']).default('rsa'),
  ca: z.boolean().default(true),
  face: z.string().optional(),
  alterDg: z.array(z.coerce.number().int()).default([]),
  sod: z.enum(['valid', 'forged', 'missing', 'untrusted', 'unsigned']).default('valid'),
  clone: z.boolean().default(false),
  slow: z.coerce.number().int().min(0).default(0),
  dropAfter: z.coerce.number().int().min(1).optional(),
  port: z.coerce.number().int().default(vpcdDefaultPort),
  cscaOut: z.string().optional(),
});

async function runChipSimulate(raw: unknown, print: (text: string) => void): Promise<number> {
  const parsed = simulateOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    print(`invalid arguments: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return 2;
  }
  const o = parsed.data;
  const config = simulatedPassportConfigSchema.safeParse({
    mrz: o.mrz,
    ...(o.face ? { face: { image: new Uint8Array(readFileSync(o.face)), format: /\.(jp2|j2k)$/i.test(o.face) ? 'jpeg2000' : 'jpeg' } } : {}),
    accessControl: o.access === 'bac' ? 'BAC' : 'PACE',
    pace: { curve: o.curve, cipher: o.cipher },
    can: o.can,
    activeAuthentication: o.aa,
    chipAuthentication: o.ca,
    faults: { alteredDataGroups: o.alterDg, sod: o.sod === 'unsigned' ? 'valid' : o.sod, clone: o.clone, responseDelayMs: o.slow, ...(o.dropAfter ? { dropAfterApdus: o.dropAfter } : {}) },
  });
  if (!config.success) {
    print(`invalid simulated passport: ${config.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return 2;
  }
  const pcscd = await ensurePcscd();
  if (!pcscd.ok) {
    print(`error: ${pcscd.reason}`);
    return 3;
  }
  const signer = o.sod === 'unsigned' ? undefined : await createTestPkiSodSigner(new Date());
  if (signer && o.cscaOut) writeFileSync(o.cscaOut, signer.cscaDer);
  const passport = await createSimulatedPassport(config.data, signer?.buildSod);
  const connection = new VpcdCardConnection(passport.chip, { port: o.port, responseDelayMs: o.slow, ...(o.dropAfter ? { dropAfterApdus: o.dropAfter } : {}), log: (m) => print(`[chip] ${m}`) });
  await connection.insert();
  print(`Simulated passport on vpcd port ${o.port} (${o.access.toUpperCase()}${o.access === 'pace' ? ` ${o.curve} ${o.cipher}, CAN ${o.can}` : ''}); MRZ: ${o.mrz.join(' / ')}`);
  if (signer && o.cscaOut) print(`Test CSCA written to ${o.cscaOut} (use --trust ${o.cscaOut})`);
  print('Ctrl+C removes the passport.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await connection.stop();
  return 0;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function register(program: Command): void {
  const chip = program.command('chip').description('e-passport chip: read through PC/SC, simulate on vpcd, verify offline');
  chip
    .command('read')
    .description('read the passport on a PC/SC reader and show every security check')
    .option('--reader <name>', 'reader name (or part of it); default: the first reader with a card')
    .option('--mrz <lines...>', 'the printed MRZ lines (BAC key / PACE password, and the DG1 comparison)')
    .option('--can <digits>', 'card access number (PACE)')
    .option('--trust <path>', 'CSCA certificate folder or master list (repeatable)', collect, [])
    .option('--photo-dir <dir>', 'where to save the DG2 face image')
    .option('--json', 'print JSON', false)
    .action(async (opts: Record<string, unknown>) => {
      process.exitCode = await runChipRead(opts, new Date(), (t) => console.log(t));
    });
  chip
    .command('simulate')
    .description('put a simulated e-passport on the vpcd virtual reader (trainer mode, manual tests)')
    .option('--mrz <lines...>', 'MRZ lines of the simulated passport')
    .option('--access <bac|pace>', 'BAC-only chip or PACE+BAC chip')
    .option('--curve <name>', 'PACE curve: brainpoolP256r1, P-256, brainpoolP384r1')
    .option('--cipher <name>', 'PACE cipher: AES-128, AES-192, AES-256')
    .option('--can <digits>', 'card access number')
    .option('--aa <kind>', 'Active Authentication key: rsa, ec, none')
    .option('--no-ca', 'no Chip Authentication (no DG14)')
    .option('--face <file>', 'JPEG or JPEG 2000 face image for DG2')
    .option('--alter-dg <n>', 'fault: change this data group after signing (repeatable)', collect, [])
    .option('--sod <kind>', 'valid (test PKI), forged, missing, untrusted (a Document Signer outside the trust list), unsigned')
    .option('--clone', 'fault: cloned chip (AA/CA keys do not match DG15/DG14)')
    .option('--slow <ms>', 'fault: delay every response')
    .option('--drop-after <n>', 'fault: leave the field after n APDUs, come back 0.5 s later')
    .option('--port <port>', 'vpcd port (35963 = "Virtual PCD 00 00", 35964 = "00 01")')
    .option('--csca-out <file>', 'write the test CSCA certificate (DER) here')
    .action(async (opts: Record<string, unknown>) => {
      process.exitCode = await runChipSimulate(opts, (t) => console.log(t));
    });
  addChipVerifyCommand(chip);
  addChipTrustCommand(chip);
}
