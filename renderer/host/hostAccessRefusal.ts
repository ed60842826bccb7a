import { resultEnvelopeSchema } from '../../app/host/result';
import type { HostConnectionState } from './HostTransport';

/** The connection states in which the host is up but will not let this window in. */
export type HostAccessRefusal = Extract<HostConnectionState, 'stale_token' | 'no_token'>;

export function isHostAccessRefusal(state: HostConnectionState): state is HostAccessRefusal {
  return state === 'stale_token' || state === 'no_token';
}

const launchPage = "open-booth.html in the booth's user data folder";

/** What the officer is told, in the header and as the answer to every call, while the host refuses this window. */
export const hostAccessRefusalMessages: Readonly<Record<HostAccessRefusal, string>> = {
  stale_token:
    `This window belongs to an earlier start of the booth host. The host has been restarted since, and each start lets in only the window it opened. Use the booth window the new start opened, or open the booth's launch page again (${launchPage}); then close this one.`,
  no_token: `This window was not opened from the booth's launch page, so the booth host does not let it in. Use the booth window the booth opened when it started, or open its launch page (${launchPage}).`,
};

/**
 * Whether the host is up and refuses `accessToken` (answers 401 `unauthorized`). A browser hides why a WebSocket
 * upgrade failed (a refused token and a host that is down both look like a closed socket), so this asks over
 * HTTP: `POST /api/app:getInfo`, which reads nothing private. False when the host is down or answers otherwise.
 */
export async function hostRefusesToken(url: string, accessToken: string | undefined): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(accessToken === undefined ? {} : { Authorization: `Bearer ${accessToken}` }) },
      body: '{}',
      cache: 'no-store',
    });
    if (response.status !== 401) return false;
    // Only the host's own refusal counts: a 401 from anything else (a proxy) says nothing about this host's token.
    const envelope = resultEnvelopeSchema.safeParse(await response.json());
    return envelope.success && !envelope.data.ok && envelope.data.error.code === 'unauthorized';
  } catch {
    return false;
  }
}

/** The host's HTTP access check beside its WebSocket: ws://host:port/host → http://host:port/api/app:getInfo. */
export function accessCheckUrlFor(webSocketUrl: string): string {
  const url = new URL(webSocketUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  return new URL('api/app:getInfo', url).toString();
}
