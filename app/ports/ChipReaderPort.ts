import type { DevicePort, Unsubscribe } from './DevicePort';
import type { MrzAccessKey } from '../document/mrz/mrzAccessKey';

/** An e-passport chip reader: PC/SC hardware, or the simulated chip for trainers and tests. */
export interface ChipReaderPort extends DevicePort {
  readonly kind: 'chipReader';
  /** PC/SC reader names currently attached. */
  listReaders(): Promise<readonly string[]>;
  /** Card placed on / taken off a reader. */
  onCard(listener: (event: ChipCardEvent) => void): Unsubscribe;
  /** Runs access control and reads the requested files from the card on the selected reader. */
  readPassport(request: ReadPassportRequest): Promise<ChipReadResult>;
}

export interface ChipCardEvent {
  readonly type: 'inserted' | 'removed';
  readonly reader: string;
  /** Answer-to-reset bytes (hex) on insertion. */
  readonly atr?: string;
}

export interface ReadPassportRequest {
  /** Document number, birth and expiry dates from the MRZ: the BAC key and a PACE password. */
  readonly mrz?: MrzAccessKey;
  /** Card access number printed on the document: a PACE password (needs a PACE chip). */
  readonly can?: string;
  /** Data groups to read; by default every one of 1, 2, 7, 11, 12, 14, 15 that EF.COM lists. */
  readonly dataGroups?: readonly number[];
  /** Reader name (or a distinctive part of it); the first reader with a card by default. */
  readonly reader?: string;
  /** Skip Active/Chip Authentication (faster reads where the result is not needed). */
  readonly skipChipChecks?: boolean;
}

export type AccessControlProtocol = 'BAC' | 'PACE';

export interface AccessControlOutcome {
  readonly protocol: AccessControlProtocol;
  /** e.g. "PACE ECDH-GM brainpoolP256r1 AES-128 (MRZ)" */
  readonly description: string;
  /** Why PACE was not used although EF.CardAccess offered it, if so. */
  readonly fallbackReason?: string;
}

export interface ChipProtocolOutcome {
  readonly status: 'passed' | 'failed' | 'not_possible';
  readonly reason?: string;
  readonly algorithm?: string;
}

export interface ChipReadTimings {
  readonly accessControlMs: number;
  readonly readMs: number;
  readonly chipAuthenticationMs: number;
  readonly activeAuthenticationMs: number;
  readonly totalMs: number;
  readonly apduCount: number;
  readonly bytesRead: number;
}

export interface ChipReadResult {
  readonly reader: string;
  readonly accessControl: AccessControlOutcome;
  /** Raw EF.COM bytes; undefined when the chip has none or it could not be read (the SOD then lists the data groups). */
  readonly com: Uint8Array | undefined;
  /** Raw EF.SOD bytes; undefined when the chip has none (Passive Authentication then fails). */
  readonly sod: Uint8Array | undefined;
  /** EF.CardAccess bytes when present. */
  readonly cardAccess: Uint8Array | undefined;
  /** Raw data group bytes by number, exactly as read (the input to hash checks). */
  readonly dataGroups: ReadonlyMap<number, Uint8Array>;
  /** Data groups EF.COM lists that were not read (not requested, or needing Extended Access Control). */
  readonly notRead: readonly number[];
  readonly activeAuthentication: ChipProtocolOutcome;
  readonly chipAuthentication: ChipProtocolOutcome;
  readonly timings: ChipReadTimings;
}
