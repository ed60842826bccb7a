import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { DeviceStatus } from '../../app/ports/deviceStatus';
import type { Ids } from '../../app/ports/Ids';
import type { PlateReaderPort, PlateReadError } from '../../app/ports/PlateReaderPort';
import { plateReadInputSchema, type PlateRead, type VehiclePlate } from '../../app/ports/plateRead';
import type { PlateMergeOptions } from '../../app/inspection/plateReadMerger';
import { DeviceStatusCell } from '../device/DeviceStatusCell';
import { describeSchemaError } from '../../app/shared/describeSchemaError';
import { parseLprLine } from './lprLineProtocol';
import { PlateReadHub } from './PlateReadHub';
import { TcpLineServer } from './TcpLineServer.node.ts';

export interface LprNetworkReaderOptions {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly id?: string;
  /** Interface to listen on; loopback unless the lane camera is on another host. */
  readonly host?: string;
  /** HTTP port for JSON POSTs; 0 picks a free port (tests); undefined disables HTTP. */
  readonly httpPort?: number;
  /** TCP port for the line protocol; 0 picks a free port; undefined disables TCP. */
  readonly tcpPort?: number;
  /** Largest HTTP body accepted (two base64 images fit comfortably). */
  readonly maxBodyBytes?: number;
  /** Longest TCP line accepted. */
  readonly maxLineBytes?: number;
  /** Simultaneous TCP connections (a lane has one or two cameras). */
  readonly maxConnections?: number;
  readonly merge?: Partial<PlateMergeOptions>;
}

const defaults = { host: '127.0.0.1', maxBodyBytes: 10 * 1024 * 1024, maxLineBytes: 1024, maxConnections: 16 };

/**
 * A lane LPR camera talking to the booth over the network: JSON over HTTP (POST /v1/plate-reads) and/or the
 * TCP line protocol, both documented in README.md. Every input is parsed at the boundary; bad input is
 * answered with an error naming the field and never reaches the booth, and nothing a client sends can
 * stop the servers.
 */
export class LprNetworkReader implements PlateReaderPort {
  readonly kind = 'plateReader' as const;
  readonly id: string;
  private readonly hub: PlateReadHub;
  private readonly cell: DeviceStatusCell;
  private readonly options: LprNetworkReaderOptions & typeof defaults;
  private http: HttpServer | undefined;
  private tcp: TcpLineServer | undefined;
  private paused = false;

  constructor(options: LprNetworkReaderOptions) {
    this.options = { ...defaults, ...options };
    this.id = options.id ?? 'lpr-network-reader';
    this.hub = new PlateReadHub(this.id, options.ids, options.clock, options.merge);
    this.cell = new DeviceStatusCell('plateReader', this.id, 'Plate reader (LPR camera)', options.clock);
  }

  status(): DeviceStatus {
    return this.cell.get();
  }
  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.cell.onChange(listener);
  }
  onRead(listener: (read: PlateRead) => void): Unsubscribe {
    return this.hub.onRead(listener);
  }
  onVehicle(listener: (vehicle: VehiclePlate) => void): Unsubscribe {
    return this.hub.onVehicle(listener);
  }
  onReadError(listener: (error: PlateReadError) => void): Unsubscribe {
    return this.hub.onReadError(listener);
  }

  /** The bound ports (after start), so tests and the lane camera's setup can find a port-0 listener. */
  addresses(): { readonly http?: number; readonly tcp?: number } {
    return { http: (this.http?.address() as AddressInfo | null | undefined)?.port, tcp: this.tcp?.port };
  }

  async start(): Promise<void> {
    if (this.http || this.tcp) return;
    const { host, httpPort, tcpPort } = this.options;
    try {
      if (httpPort !== undefined) this.http = await listen(createHttpServer((req, res) => this.handleHttp(req, res)), httpPort, host);
      if (tcpPort !== undefined) {
        const tcp = new TcpLineServer({
          host,
          port: tcpPort,
          maxLineBytes: this.options.maxLineBytes,
          maxConnections: this.options.maxConnections,
          onLine: (line, reply) => this.handleLine(line, reply),
          onOversize: (reply) => this.rejectLine(reply, 'too_large', `line is over the ${this.options.maxLineBytes}-byte limit`),
          onPartialLine: () => this.hub.reject({ code: 'malformed', message: 'connection closed in the middle of a line; the partial line was dropped', source: 'tcp' }),
        });
        await tcp.start((error) => this.cell.set(false, `TCP listener failed: ${error.message}`));
        this.tcp = tcp;
      }
      this.http?.on('error', (error) => this.cell.set(false, `HTTP listener failed: ${error.message}`));
      this.refreshStatus();
    } catch (error) {
      // Resolve even when the port is taken: the status light says why, the booth keeps working.
      this.cell.set(false, `cannot listen: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async stop(): Promise<void> {
    await Promise.all([close(this.http), this.tcp?.stop()]);
    this.http = undefined;
    this.tcp = undefined;
    this.cell.set(false, 'stopped');
  }

  /** Lane closed: reads are refused (HTTP 503, TCP `ERR paused`) until `resume`, and the status light goes off. */
  pause(reason = 'lane closed: plate reads paused'): void {
    this.paused = true;
    this.cell.set(false, reason);
  }

  resume(): void {
    this.paused = false;
    this.refreshStatus();
  }

  private refreshStatus(): void {
    if (this.paused) return;
    const { http, tcp } = this.addresses();
    const parts = [http !== undefined ? `HTTP ${this.options.host}:${http}` : '', tcp !== undefined ? `TCP ${this.options.host}:${tcp}` : ''].filter(Boolean);
    if (parts.length === 0) this.cell.set(false, 'neither HTTP nor TCP is configured');
    else this.cell.set(true, `listening on ${parts.join(', ')}`);
  }

  private handleHttp(req: IncomingMessage, res: ServerResponse): void {
    const reply = (status: number, body: unknown) => {
      if (res.headersSent) return;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const fail = (status: number, code: PlateReadError['code'] | 'not_found' | 'method_not_allowed', message: string) => {
      if (code !== 'not_found' && code !== 'method_not_allowed') this.hub.reject({ code, message, source: 'http' });
      reply(status, { error: { code, message } });
    };
    const path = (req.url ?? '').split('?')[0];
    if (path === '/v1/health' && req.method === 'GET') return reply(200, { status: this.paused ? 'paused' : 'ok' });
    if (path !== '/v1/plate-reads') return fail(404, 'not_found', `no endpoint ${path}: POST /v1/plate-reads`);
    if (req.method !== 'POST') return fail(405, 'method_not_allowed', 'use POST');
    if (this.paused) return fail(503, 'paused', 'plate reads are paused (lane closed)');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > this.options.maxBodyBytes) {
      fail(413, 'too_large', `body of ${declared} bytes is over the ${this.options.maxBodyBytes}-byte limit`);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > this.options.maxBodyBytes) {
        fail(413, 'too_large', `body is over the ${this.options.maxBodyBytes}-byte limit`);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      if (size > this.options.maxBodyBytes) return;
      let json: unknown;
      try {
        json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        return fail(400, 'malformed', `body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      const parsed = plateReadInputSchema.safeParse(json);
      if (!parsed.success) return fail(400, 'malformed', describeSchemaError(parsed.error, { root: 'body' }));
      const read = this.hub.accept(parsed.data, 'http');
      reply(202, { readId: read.readId });
    });
  }

  private handleLine(line: string, reply: (line: string) => void): void {
    const parsed = parseLprLine(line);
    switch (parsed.type) {
      case 'ping':
        return reply('PONG');
      case 'error':
        return this.rejectLine(reply, parsed.code, parsed.message);
      case 'plate':
        if (this.paused) return this.rejectLine(reply, 'paused', 'plate reads are paused (lane closed)');
        reply(`OK ${this.hub.accept(parsed.read, 'tcp').readId}`);
        return;
    }
  }

  private rejectLine(reply: (line: string) => void, code: PlateReadError['code'], message: string): void {
    this.hub.reject({ code, message, source: 'tcp' });
    reply(`ERR ${code} ${message}`);
  }
}

function listen(server: HttpServer, port: number, host: string): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function close(server: HttpServer | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
