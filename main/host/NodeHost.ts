import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import { appContentHeaders } from '../../app/host/securityHeaders';
import { maxFrameBytes } from '../../app/host/wire';
import type { BoothServices } from '../services/createBoothServices';
import { handleApiRequest } from './httpApi';
import { isAllowedOrigin } from './originPolicy';
import { serveWebSocketSession } from './webSocketSession';

export interface NodeHostOptions {
  readonly services: BoothServices;
  /** The renderer build (dist/renderer). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Loopback by default: the booth host is never exposed to the network. */
  readonly hostname?: string;
}

export interface RunningNodeHost {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The renderer's host when Electron is absent (kiosk browser, development, end-to-end tests): serves the
 * renderer build with the same security headers as Electron, the contract over WebSocket at /host, and
 * over HTTP at /api/<channel>.
 */
export async function startNodeHost(options: NodeHostOptions): Promise<RunningNodeHost> {
  const { services } = options;
  const hostname = options.hostname ?? '127.0.0.1';
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
      if (!isAllowedOrigin(request.headers.origin, request.headers.host)) {
        response.writeHead(403).end('Forbidden origin');
        return;
      }
      handleApiRequest(request, response, services.dispatch, url.pathname.slice('/api/'.length)).catch((error: unknown) => {
        console.error('[booth] API request failed:', error);
        if (!response.headersSent) response.writeHead(500).end();
      });
      return;
    }
    serveStatic(request, response, () => {
      for (const [name, value] of Object.entries(appContentHeaders)) response.setHeader(name, value);
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/host' || !isAllowedOrigin(request.headers.origin, request.headers.host)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => serveWebSocketSession(webSocket, services.dispatch, services.events));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, hostname, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${hostname}:${port}/`,
    port,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
