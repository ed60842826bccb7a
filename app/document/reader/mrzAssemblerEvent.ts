import type { MrzReadError } from './mrzReadError';

/** What an assembler hands on: a whole, structurally checked MRZ, or why something was not one. */
export type MrzAssemblerEvent =
  | { readonly kind: 'read'; readonly lines: readonly string[] }
  | { readonly kind: 'error'; readonly error: MrzReadError };
