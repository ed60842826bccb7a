import type { ChipDeviations, SimulatedPassportConfigInput } from './simulatedPassportConfig';

/**
 * The conformance suite of deployed chips' deviations from ICAO 9303: each case is a genuine chip that deviates in
 * one documented way (or a few together) and must still be read completely and verified. Played by the simulated
 * chip, in process and through pcscd + vpcd (chipDeviations.test.ts).
 */
export interface DeviationCase {
  readonly name: string;
  readonly deviations: Partial<ChipDeviations>;
  readonly accessControl: 'BAC' | 'PACE';
}

export const deviationCases: readonly DeviationCase[] = [
  { name: 'errors answered without secure messaging objects (EF.COM absent, SELECT answers a bare 6A82)', deviations: { plainErrors: true, com: 'missing' }, accessControl: 'BAC' },
  { name: 'end of file reported with 6282 on an over-long Le', deviations: { overlongLe: 'end_of_file' }, accessControl: 'PACE' },
  { name: 'an over-long Le refused with 6700 (wrong length)', deviations: { overlongLe: 'wrong_length' }, accessControl: 'BAC' },
  { name: 'an over-long Le refused with 6Cxx (exact length)', deviations: { overlongLe: 'exact_length' }, accessControl: 'PACE' },
  { name: 'the chip\'s own block size of 100 bytes per READ BINARY', deviations: { blockSize: 100 }, accessControl: 'BAC' },
  { name: 'EF.COM with a malformed tag list (data groups found from the SOD)', deviations: { com: 'malformed' }, accessControl: 'PACE' },
  { name: 'EF.COM listing only DG1 (DG2 found from the SOD)', deviations: { com: 'incomplete' }, accessControl: 'BAC' },
  { name: 'DG2 without the biometric information group template', deviations: { dg2GroupTemplate: false }, accessControl: 'PACE' },
  { name: 'all of them at once', deviations: { plainErrors: true, overlongLe: 'wrong_length', blockSize: 64, com: 'malformed', dg2GroupTemplate: false }, accessControl: 'BAC' },
];

export const deviationMrz = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'] as const;

export function deviationConfig(c: DeviationCase): SimulatedPassportConfigInput {
  return { mrz: [...deviationMrz], accessControl: c.accessControl, deviations: c.deviations };
}
