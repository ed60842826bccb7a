import { z } from 'zod';

/**
 * The Node host's per-launch capability token: loopback is reachable by every local process, so only the
 * page the launcher opened (which learns the token from its URL fragment) and tools handed the token may call
 * the contract. Electron needs none: its IPC answers only the app's own frames.
 */
export const hostAccessTokenSchema = z
  .string()
  // 32 random bytes in base64url are 43 characters; the alphabet is also valid in a WebSocket subprotocol name.
  .regex(/^[A-Za-z0-9_-]{43,128}$/, 'a host access token is 43 to 128 base64url characters');

/** The fragment parameter that carries the token in the URL the launcher opens (`#token=…`; fragments never reach a server). */
export const hostAccessTokenFragmentParameter = 'token';

/** The WebSocket subprotocol the host selects; the renderer offers it beside the token. */
export const hostWebSocketProtocol = 'booth.v1';

/**
 * Browsers cannot set headers on a WebSocket, so the token travels as a second offered subprotocol
 * (`booth.token.<token>`, the way Kubernetes carries bearer tokens); the host never selects it, so it is not echoed.
 */
export const hostAccessTokenProtocolPrefix = 'booth.token.';

/** The subprotocols a client offers to open the host's WebSocket with `token`. */
export function hostWebSocketProtocols(token: string): string[] {
  return [hostWebSocketProtocol, `${hostAccessTokenProtocolPrefix}${token}`];
}

/** The token offered in a `Sec-WebSocket-Protocol` header value, or undefined when none is offered. */
export function tokenFromWebSocketProtocols(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  for (const offered of header.split(',')) {
    const protocol = offered.trim();
    if (protocol.startsWith(hostAccessTokenProtocolPrefix)) return protocol.slice(hostAccessTokenProtocolPrefix.length);
  }
  return undefined;
}

/** The token of an `Authorization: Bearer <token>` header value, or undefined for any other value. */
export function tokenFromAuthorization(header: string | undefined): string | undefined {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
