import { z } from 'zod';

/**
 * Ways deployed chips deviate from ICAO 9303 while being genuine (each switchable, for the reader's conformance
 * suite): the reader must read every one of them and still verify the chip.
 */
export const chipDeviationsSchema = z
  .object({
    /** Errors (file not found ...) answered as a bare status word without secure messaging objects. */
    plainErrors: z.boolean().default(false),
    /** The chip returns at most this many bytes per READ BINARY, whatever Le asks (its own block size). */
    blockSize: z.number().int().min(1).max(65536).optional(),
    /** How the chip answers an Le beyond the end of the file: data + 6282 (ISO), 6700 wrong length, or 6Cxx exact length. */
    overlongLe: z.enum(['end_of_file', 'wrong_length', 'exact_length']).default('end_of_file'),
    /** EF.COM as issued: valid, with a malformed tag list, listing only DG1, or absent. */
    com: z.enum(['valid', 'malformed', 'incomplete', 'missing']).default('valid'),
    /** DG2 with the biometric information group template (7F61) or with its 7F60 directly under 75. */
    dg2GroupTemplate: z.boolean().default(true),
    /** Corrupts the MAC of every protected response after this many secured commands (a broken or tampered channel). */
    corruptMacAfter: z.number().int().min(0).optional(),
  })
  .default({ plainErrors: false, overlongLe: 'end_of_file', com: 'valid', dg2GroupTemplate: true });
export type ChipDeviations = z.output<typeof chipDeviationsSchema>;

/** How a simulated e-passport chip is built: content, access control, keys and deliberate faults. */
export const simulatedPassportConfigSchema = z.object({
  /** MRZ lines printed on the data page, stored in DG1; they also define the BAC/PACE password. */
  mrz: z.array(z.string().regex(/^[0-9A-Z<]+$/, 'MRZ lines use 0-9, A-Z and <')).min(2).max(3),
  /** Face image for DG2; the bundled drawn portrait by default. */
  face: z.object({ image: z.instanceof(Uint8Array), format: z.enum(['jpeg', 'jpeg2000']) }).optional(),
  /** Raw bytes of further data groups (e.g. DG11, DG12, DG7), stored as given and listed in EF.COM. */
  extraDataGroups: z.record(z.string().regex(/^(3|4|5|6|7|8|9|10|11|12|13|16)$/), z.instanceof(Uint8Array)).default({}),
  /** 'PACE' chips also answer BAC (PACE+BAC, as real passports do); 'BAC' chips have no EF.CardAccess. */
  accessControl: z.enum(['BAC', 'PACE']).default('PACE'),
  pace: z
    .object({
      curve: z.enum(['brainpoolP256r1', 'P-256', 'brainpoolP384r1']).default('brainpoolP256r1'),
      cipher: z.enum(['AES-128', 'AES-192', 'AES-256']).default('AES-128'),
    })
    .default({ curve: 'brainpoolP256r1', cipher: 'AES-128' }),
  /** Card access number for PACE. */
  can: z.string().regex(/^\d{6}$/).default('123456'),
  /** Active Authentication key (DG15): RSA-1024 with ISO 9796-2, EC P-256 with ECDSA, or none. */
  activeAuthentication: z.enum(['rsa', 'ec', 'none']).default('rsa'),
  /** Chip Authentication with an ECDH brainpoolP256r1 key (DG14), AES-128 secure messaging afterwards. */
  chipAuthentication: z.boolean().default(true),
  deviations: chipDeviationsSchema,
  faults: z
    .object({
      /** Data groups changed after the SOD was signed (their hashes no longer match). */
      alteredDataGroups: z.array(z.number().int().min(1).max(16)).default([]),
      /**
       * 'forged': a byte of the SOD's signature is changed; 'missing': the chip has no EF.SOD; 'untrusted': the SOD
       * is re-signed by a Document Signer whose CSCA is not in the trust list (a forger's own PKI).
       */
      sod: z.enum(['valid', 'forged', 'missing', 'untrusted']).default('valid'),
      /** A clone: files copied from a genuine chip, but AA/CA private keys that do not match DG15/DG14. */
      clone: z.boolean().default(false),
      /** Delay before every response, in ms. */
      responseDelayMs: z.number().int().min(0).max(60_000).default(0),
      /** The card leaves the field after this many APDUs (once), then comes back after reinsertAfterMs. */
      dropAfterApdus: z.number().int().min(1).optional(),
      reinsertAfterMs: z.number().int().min(0).default(500),
    })
    .default({ alteredDataGroups: [], sod: 'valid', clone: false, responseDelayMs: 0, reinsertAfterMs: 500 }),
});


export type SimulatedPassportConfig = z.infer<typeof simulatedPassportConfigSchema>;
export type SimulatedPassportConfigInput = z.input<typeof simulatedPassportConfigSchema>;

/**
 * Builds a signed EF.SOD (tag 0x77) over the given data groups; provided by the test PKI. `signer` 'untrusted'
 * signs with a Document Signer outside the trust list.
 */
export type SodBuilder = (dataGroups: ReadonlyMap<number, Uint8Array>, signer: 'trusted' | 'untrusted') => Promise<Uint8Array>;
