/** A raw APDU pipe to one card: the PC/SC binding in production, a transcript or in-process chip in tests. */
export interface CardChannel {
  /** Sends one command APDU and resolves with the response APDU (data + SW). */
  transmit(command: Uint8Array): Promise<Uint8Array>;
}
