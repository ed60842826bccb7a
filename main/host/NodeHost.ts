import { createServer, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import { hostAccessTokenFragmentParameter, hostWebSocketProtocol } from '../../app/host/hostAccessToken';
import { fail, type Result } from '../../app/host/result';
import { appContentHeaders } from '../../app/host/securityHeaders';
import { inputLimits } from '../../app/shared/inputLimits';
import type { BoothServices } from '../services/createBoothServices';
import { handleApiRequest } from './httpApi';
import { HostAccessToken } from './HostAccessToken';
import { HttpApiSessions, type HttpApiSessionLimits } from './HttpApiSessions';
import { refuseContractRequest, refuseForeignHost, type Refusal } from './requestGuard';
import { serveWebSocketSession } from './webSocketSession';

export interface NodeHostOptions {
  readonly services: BoothServices;
  /** The renderer build (dist/renderer). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Loopback by default: the booth host is never exposed to the network. */
  readonly hostname?: string;
  /**
   * This launch's access token; default, a fresh random one. Only for callers that must know it before the host
   * starts: an end-to-end harness running the host in another process, a test restarting it on the same port.
   */
  readonly accessToken?: HostAccessToken;
  /** How many HTTP API sessions are kept and how long an unused one lives; default, defaultHttpApiSessionLimits. */
  readonly apiSessionLimits?: HttpApiSessionLimits;
}

export interface RunningNodeHost {
  readonly url: string;
  readonly port: number;
  /** What every contract call must present (HTTP and WebSocket); static files need none. */
  readonly accessToken: HostAccessToken;
  /** The URL that opens the app: `url` with the token in its fragment, which the renderer reads and removes. A secret: never log it. */
  appUrl(): string;
  close(): Promise<void>;
}

/**
 * The renderer's host when Electron is absent (kiosk browser, development, end-to-end tests): serves the
 * renderer build with the same security headers as Electron, the contract over WebSocket at /host, and
 * over HTTP at /api/<channel>. Every local process can reach loopback, so contract calls need this launch's
 * access token, and only loopback Host names are answered (DNS rebinding).
 */
export async function startNodeHost(options: NodeHostOptions): Promise<RunningNodeHost> {
  const { services } = options;
  const hostname = options.hostname ?? '127.0.0.1';
  const accessToken = options.accessToken ?? HostAccessToken.generate();
  // The port is known once listening; until then nothing is answered.
  let port = 0;
  const apiSessions = new HttpApiSessions(services.connectionClosed, options.apiSessionLimits);
  const serveStatic = sirv(options.staticDir, {
    dev: false,
    etag: true,
    single: false,
    setHeaders: (response) => {
      for (const [name, value] of Object.entries(appContentHeaders)) response.setHeader(name, value);
    },
  });

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      const refusal = refuseContractRequest(request.headers, port, accessToken, 'http');
      if (refusal) return refuse(response, refusal);
      handleApiRequest(request, response, services.dispatch, apiSessions, url.pathname.slice('/api/'.length)).catch((error: unknown) => {
        console.error('[booth] API request failed:', error);
        // Every request gets an envelope, even one that failed in a way nobody foresaw.
        if (!response.headersSent) {
          response.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(fail('handler_failed', 'The request failed inside the host; the host log has the details.')));
        } else response.end();
      });
      return;
    }
    const foreignHost = refuseForeignHost(request.headers, port);
    if (foreignHost) return refuse(response, foreignHost);
    if (url.pathname.startsWith('/model-set/')) return void serveModelFile(response, services, url.pathname);
    serveStatic(request, response, () => {
      for (const [name, value] of Object.entries(appContentHeaders)) response.setHeader(name, value);
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    });
  });

  // A request Node's parser refuses (a URL or headers over its limit, malformed HTTP) still gets an envelope.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const message = tooLarge ? 'The request line or headers are larger than the host accepts.' : 'The request is not well-formed HTTP.';
    answerOnSocket(socket, { status: tooLarge ? 431 : 400, result: fail('invalid_request', message) });
  });

  // The host selects its own protocol name, never the one carrying the token, so the token is not echoed back.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: inputLimits.host.maxWebSocketFrameBytes, handleProtocols: (offered) => (offered.has(hostWebSocketProtocol) ? hostWebSocketProtocol : false) });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/host') return answerOnSocket(socket, { status: 404, result: fail('unknown_channel', 'The contract is served over WebSocket at /host only.') });
    const refusal = refuseContractRequest(request.headers, port, accessToken, 'websocket');
    if (refusal) return answerOnSocket(socket, refusal);
    sockets.handleUpgrade(request, socket, head, (webSocket) => serveWebSocketSession(webSocket, services.dispatch, services.events, services.connectionClosed));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, hostname, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${hostname}:${port}/`;
  return {
    url,
    port,
    accessToken,
    appUrl: () => `${url}#${hostAccessTokenFragmentParameter}=${accessToken.value}`,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      apiSessions.endAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A file of the booth's verified face-model set (the host prepared it in memory), or 404. */
async function serveModelFile(response: ServerResponse, services: BoothServices, pathname: string): Promise<void> {
  for (const [name, value] of Object.entries(appContentHeaders)) response.setHeader(name, value);
  const bytes = await services.modelFile(pathname).catch(() => undefined);
  if (!bytes) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length, 'Cache-Control': 'no-store' }).end(bytes);
}

function refuse(response: ServerResponse, refusal: Refusal): void {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  if (refusal.status === 401) headers['WWW-Authenticate'] = 'Bearer realm="booth"';
  response.writeHead(refusal.status, headers).end(JSON.stringify(refusal.result));
}

/** Answers on the raw socket (a refused WebSocket upgrade, a request the HTTP parser refused: there is no ServerResponse). */
function answerOnSocket(socket: Duplex, refusal: { readonly status: Refusal['status'] | 400 | 404 | 431; readonly result: Result<never> }): void {
  const body = JSON.stringify(refusal.result);
  const head = [`HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}`, 'Connection: close', 'Content-Type: application/json; charset=utf-8', `Content-Length: ${Buffer.byteLength(body)}`];
  if (refusal.status === 401) head.push('WWW-Authenticate: Bearer realm="booth"');
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}
