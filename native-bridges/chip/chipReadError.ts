/** Why a chip read failed; the officer-facing message is in `message`, the code drives the UI and retries. */
export type ChipReadErrorCode =
  /** pcscd is not running or the PC/SC library is missing. */
  | 'pcsc_unavailable'
  /** No reader, or the named reader does not exist. */
  | 'no_reader'
  /** No card in the reader within the wait time. */
  | 'no_card'
  /** The card left the field (or the connection dropped) during the read. */
  | 'card_removed'
  /** The chip did not answer in time. */
  | 'timeout'
  /** BAC/PACE refused: the MRZ or CAN does not belong to this chip. */
  | 'access_denied'
  /** The chip's secure messaging failed (bad MAC, broken session). */
  | 'secure_messaging'
  /** The chip answered something the protocol does not allow. */
  | 'protocol'
  /** A required file (EF.COM, DG1) is missing on the chip. */
  | 'file_not_found'
  /** The caller gave neither MRZ data nor CAN, or malformed ones. */
  | 'bad_request';

export class ChipReadError extends Error {
  override readonly name = 'ChipReadError';
  constructor(
    readonly code: ChipReadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
