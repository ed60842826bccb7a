/** Whether the renderer can reach its host right now; shown as the network light. */
export type HostConnectionState = 'connecting' | 'online' | 'offline';

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
