import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatch } from '../../app/host/dispatch';
import { fail, type HostErrorCode, type Result } from '../../app/host/result';
import { inputLimits } from '../../app/shared/inputLimits';
import { httpApiSessionHeader, type HttpApiSessions } from './HttpApiSessions';

const statusByCode: Readonly<Record<HostErrorCode, number>> = {
  unknown_channel: 404,
  invalid_request: 400,
  invalid_reply: 500,
  handler_failed: 500,
  not_supported: 409,
  device_unavailable: 503,
  bad_credentials: 401,
  sign_in_throttled: 429,
  account_locked: 423,
  unreadable_document: 422,
  unauthorized: 401,
  forbidden: 403,
  not_permitted: 403,
  host_unreachable: 502,
  timeout: 504,
};

/**
 * `POST /api/<channel>` with a JSON body: the same contract as the WebSocket, for scripts and support tools.
 * Replies are result envelopes; the HTTP status mirrors the error code. Each caller signs in on its own session
 * (HttpApiSessions.ts: the `Booth-Session` header a successful auth:signIn answers with, sent back on later calls).
 */
export async function handleApiRequest(request: IncomingMessage, response: ServerResponse, dispatch: Dispatch, sessions: HttpApiSessions, channel: string): Promise<void> {
  const reply = (status: number, result: Result<unknown>) => {
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(result));
  };
  if (request.method !== 'POST') return reply(405, fail('invalid_request', 'Use POST with a JSON body.'));
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return reply(415, fail('invalid_request', 'The body must be sent as Content-Type: application/json.'));
  }
  const channelName = decodeChannel(channel);
  if (channelName === null) return reply(400, fail('invalid_request', 'The channel in the URL (/api/<channel>) is not valid percent-encoding.'));
  if (channelName.length > inputLimits.host.maxChannelNameCharacters) {
    return reply(404, fail('unknown_channel', `No channel name is longer than ${inputLimits.host.maxChannelNameCharacters} characters.`));
  }
  const maxBytes = inputLimits.host.maxRequestBodyBytes;
  const tooLarge = () => reply(413, fail('invalid_request', `The body is larger than ${maxBytes} bytes.`));
  // A declared length over the limit is refused before a byte of the body is read.
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return tooLarge();
  const body = await readBody(request, maxBytes);
  if (body === null) return tooLarge();
  let payload: unknown;
  try {
    payload = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    return reply(400, fail('invalid_request', 'The body is not valid JSON.'));
  }
  const presented = request.headers[httpApiSessionHeader];
  const from = sessions.callerOf(typeof presented === 'string' ? presented : undefined);
  if ('unknownSession' in from) {
    return reply(401, fail('unauthorized', `The ${httpApiSessionHeader} header names no session of this host (signed out, unused for too long, or the host restarted): sign in again without it.`));
  }
  const result = await dispatch(channelName, payload, from.caller);
  if (result.ok && channelName === 'auth:signIn') response.setHeader(httpApiSessionHeader, sessions.signedIn(from.caller, from.session));
  if (result.ok && channelName === 'auth:signOut') sessions.signedOut(from.session);
  reply(result.ok ? 200 : statusByCode[result.error.code], result);
}

/** The channel name from the URL path, or null when its percent-encoding is malformed ('/api/%', '/api/%E0%A4%A'). */
function decodeChannel(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

async function readBody(request: IncomingMessage, maxBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
