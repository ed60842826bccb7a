import type { PreloadBridge } from '../../app/host/PreloadBridge';
import type { HostConnectionState, HostTransport } from './HostTransport';

/** The transport inside Electron: the preload bridge, always connected while the window exists. */
export class ElectronTransport implements HostTransport {
  constructor(private readonly bridge: PreloadBridge) {}

  call(channel: string, payload: unknown): Promise<unknown> {
    return this.bridge.call(channel, payload);
  }

  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    return this.bridge.onEvent(listener);
  }

  onConnection(listener: (state: HostConnectionState) => void): () => void {
    listener('online');
    return () => undefined;
  }

  connection(): HostConnectionState {
    return 'online';
  }

  close(): void {}
}
