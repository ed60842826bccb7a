import { preloadBridgeGlobal, type PreloadBridge } from '../../app/host/PreloadBridge';
import { ElectronTransport } from './ElectronTransport';
import { HostClient } from './HostClient';
import type { HostTransport } from './HostTransport';
import { takeHostAccessToken } from './hostAccessTokenFromPage';
import { WebSocketTransport } from './WebSocketTransport';

/**
 * Inside Electron the preload bridge is present; in a browser the page talks to the Node host that served it,
 * with the access token the launcher put in the URL fragment.
 */
export function createHostClient(): HostClient {
  const client = new HostClient(transportForThisPage());
  // A page unloaded for good (reload, window closed) settles its calls; one kept in the back/forward cache keeps them.
  window.addEventListener('pagehide', (event) => {
    if (!event.persisted) client.close();
  });
  return client;
}

function transportForThisPage(): HostTransport {
  const bridge = (window as unknown as Record<string, PreloadBridge | undefined>)[preloadBridgeGlobal];
  if (bridge) return new ElectronTransport(bridge);
  const url = new URL('host', window.location.href);
  url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const accessToken = takeHostAccessToken(window);
  if (accessToken === undefined) console.error('[booth] no host access token: open the booth with the URL the launcher opened or printed (it ends in #token=…)');
  return new WebSocketTransport({ url: url.toString(), accessToken });
}
