/**
 * Whether the renderer can reach its host right now; shown as the network light. The last two are the Node
 * host answering but refusing this window's access token (401 `unauthorized`): retrying cannot help there,
 * the officer has to use another window (see `hostAccessRefusal.ts`).
 */
export type HostConnectionState =
  | 'connecting'
  | 'online'
  | 'offline'
  /** The window's token is not this host's: it belongs to an earlier start of the host (each start makes a new token). */
  | 'stale_token'
  /** The window has no token at all: it was not opened through the launch page. */
  | 'no_token';

/**
 * Moves calls and events between the renderer and its host, untyped: the HostClient above it parses
 * everything against the contract. Two implementations: Electron's preload bridge and WebSocket.
 */
export interface HostTransport {
  call(channel: string, payload: unknown): Promise<unknown>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  onConnection(listener: (state: HostConnectionState) => void): () => void;
  connection(): HostConnectionState;
  close(): void;
}
