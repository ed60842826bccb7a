import { z } from 'zod';

/**
 * Why a call failed. Only `{code, message}` crosses a process boundary: Electron keeps nothing of a thrown
 * error but its message, so every reply is an envelope instead of a throw.
 */
export const hostErrorCodes = [
  /** The channel is not in the contract. */
  'unknown_channel',
  /** The request did not match the channel's schema; the message names the field. */
  'invalid_request',
  /** The handler produced a reply that does not match the contract (a bug on the host side). */
  'invalid_reply',
  /** The handler failed for a reason it did not classify. */
  'handler_failed',
  /** The call makes no sense in this mode (e.g. simulator controls with real devices). */
  'not_supported',
  /** The device or service needed is not connected. */
  'device_unavailable',
  /** Sign-in refused: unknown user or wrong password (the message does not say which). */
  'bad_credentials',
  /** Sign-in refused unchecked: too soon after failed ones (the wait grows with each); the message says how long. */
  'sign_in_throttled',
  /** Sign-in refused unchecked: the account is locked after too many failures; the message says until when. */
  'account_locked',
  /** A document read was refused: its lines are no MRZ (layout, characters, field syntax); the message names each problem. Scan again. Failing check digits alone do not refuse a read: it is taken, flagged. */
  'unreadable_document',
  /** The call needs a signed-in user of another role (or anyone signed in) on this connection; the message says which. */
  'not_permitted',
  /** The Node host refused the call: it did not carry this launch's access token (missing or wrong). */
  'unauthorized',
  /** The Node host refused the call: it came from another web origin, or named a host other than this machine's loopback. */
  'forbidden',
  /** The host could not be reached (transport down); produced on the client side. */
  'host_unreachable',
  /** No reply in time; produced on the client side. */
  'timeout',
] as const;
export const hostErrorCodeSchema = z.enum(hostErrorCodes);
export type HostErrorCode = z.infer<typeof hostErrorCodeSchema>;

export const hostErrorSchema = z.object({ code: hostErrorCodeSchema, message: z.string() });
export type HostError = z.infer<typeof hostErrorSchema>;

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: HostError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: HostErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** Schema of an envelope whose value is not yet checked; the client checks it against the channel's reply schema. */
export const resultEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: hostErrorSchema }),
]);

/** Thrown by handlers that want a specific code in the envelope; anything else becomes `handler_failed`. */
export class HostFailure extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HostFailure';
  }
}
