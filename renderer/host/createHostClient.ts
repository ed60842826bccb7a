import { preloadBridgeGlobal, type PreloadBridge } from '../../app/host/PreloadBridge';
import { ElectronTransport } from './ElectronTransport';
import { HostClient } from './HostClient';
import { takeHostAccessToken } from './hostAccessTokenFromPage';
import { WebSocketTransport } from './WebSocketTransport';

/**
 * Inside Electron the preload bridge is present; in a browser the page talks to the Node host that served it,
 * with the access token the launcher put in the URL fragment.
 */
export function createHostClient(): HostClient {
  const bridge = (window as unknown as Record<string, PreloadBridge | undefined>)[preloadBridgeGlobal];
  if (bridge) return new HostClient(new ElectronTransport(bridge));
  const url = new URL('host', window.location.href);
  url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const accessToken = takeHostAccessToken(window);
  if (accessToken === undefined) console.error('[booth] no host access token: open the booth with the URL the launcher opened or printed (it ends in #token=…)');
  return new HostClient(new WebSocketTransport({ url: url.toString(), accessToken }));
}
