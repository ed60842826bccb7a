import type { IncomingHttpHeaders } from 'node:http';
import { tokenFromAuthorization, tokenFromWebSocketProtocols } from '../../app/host/hostAccessToken';
import { fail, type Result } from '../../app/host/result';
import type { HostAccessToken } from './HostAccessToken';
import { isAllowedOrigin } from './originPolicy';

/** Why the host turned a request away: the HTTP status and the envelope it answers with. */
export interface Refusal {
  readonly status: 401 | 403;
  readonly result: Result<never>;
}

const loopbackNames = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether the Host header names this host on loopback (127.0.0.1, localhost or [::1], with our port). A page on
 * a rebound DNS name (evil.example resolving to 127.0.0.1) sends its own name here, and its Origin matches that
 * Host, so the Origin check alone would let it in.
 */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (hostHeader === undefined) return false;
  const match = /^(\[[^\]]*\]|[^:]+)(?::(\d{1,5}))?$/.exec(hostHeader.trim().toLowerCase());
  if (!match) return false;
  const [, name, portText] = match;
  const namedPort = portText === undefined ? 80 : Number(portText);
  return name !== undefined && loopbackNames.has(name) && namedPort === port;
}

/** Static files (the renderer build, models) hold no secrets, but a rebound name gets nothing from this host either. */
export function refuseForeignHost(headers: IncomingHttpHeaders, port: number): Refusal | null {
  if (isLoopbackHost(headers.host, port)) return null;
  return { status: 403, result: fail('forbidden', `The booth host answers only on loopback (127.0.0.1, localhost or [::1] port ${port}); the Host header named something else.`) };
}

/**
 * The checks every contract call passes, over HTTP (`Authorization: Bearer <token>`) or at the WebSocket upgrade
 * (the `booth.token.<token>` subprotocol): loopback Host, the app's own origin (or none, for tools), and the token.
 */
export function refuseContractRequest(headers: IncomingHttpHeaders, port: number, token: HostAccessToken, transport: 'http' | 'websocket'): Refusal | null {
  const foreignHost = refuseForeignHost(headers, port);
  if (foreignHost) return foreignHost;
  if (!isAllowedOrigin(headers.origin, headers.host)) {
    return { status: 403, result: fail('forbidden', 'Only the booth app served by this host may call it; the request came from another web origin.') };
  }
  const presented = transport === 'http' ? tokenFromAuthorization(headers.authorization) : tokenFromWebSocketProtocols(headers['sec-websocket-protocol']);
  if (token.matches(presented)) return null;
  const how = transport === 'http' ? 'send it as "Authorization: Bearer <token>"' : 'offer it as the WebSocket subprotocol "booth.token.<token>"';
  const what = presented === undefined ? 'carried no access token' : 'carried a wrong access token (the host makes a new one each time it starts)';
  return {
    status: 401,
    result: fail('unauthorized', `The request ${what}. \`npm start\` puts the token in the #token= part of the URL it opens and in node-host.token in the user data folder; ${how}.`),
  };
}
