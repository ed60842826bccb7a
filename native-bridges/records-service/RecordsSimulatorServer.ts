import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { z } from 'zod';
import type { TravellerRecord } from '../../app/ports/travellerRecord';
import { recordsOpenApiDocument, recordsPaths } from './recordsOpenApi';
import { scriptedRecordsScenario, type RecordsScenario } from './scriptedRecords';

/** Faults a test or trainer injects; they apply to every request except /openapi.json until changed. */
export const recordsFaultsSchema = z.object({
  /** Connections are reset as they arrive (the client sees the service as unreachable). */
  down: z.boolean().default(false),
  /** Every answer waits this long first (slowness). */
  delayMs: z.number().int().min(0).max(120_000).default(0),
  /** Requests are accepted and never answered (the client must time out). */
  hang: z.boolean().default(false),
  /** Answer with this HTTP error instead (500 server error, 503 unavailable). */
  errorStatus: z.union([z.literal(500), z.literal(503)]).optional(),
  /** Answer 200 with a body that breaks the contract. */
  malformed: z.boolean().default(false),
});
export type RecordsFaults = z.infer<typeof recordsFaultsSchema>;

export interface RecordsSimulatorOptions {
  readonly host?: string;
  /** 0 picks a free port (tests). */
  readonly port?: number;
  readonly scenario?: RecordsScenario;
}

/**
 * The records service simulator: a real HTTP server on loopback with the published OpenAPI document at
 * /openapi.json, scripted records, and fault injection. Used by `npm start` in simulation, by trainers and by tests.
 */
export class RecordsSimulatorServer {
  private server: Server | undefined;
  private scenario: RecordsScenario;
  private faults: RecordsFaults = recordsFaultsSchema.parse({});
  private readonly sockets = new Set<Socket>();
  private requestCount = 0;

  constructor(private readonly options: RecordsSimulatorOptions = {}) {
    this.scenario = options.scenario ?? scriptedRecordsScenario;
  }

  /** Starts listening; resolves with the base URL (http://127.0.0.1:PORT). */
  async start(): Promise<string> {
    if (!this.server) {
      const server = createServer((req, res) => this.handle(req, res));
      server.on('connection', (socket) => {
        if (this.faults.down) {
          socket.destroy();
          return;
        }
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
      });
      this.server = server;
    }
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('the records simulator is not listening');
    return `http://${address.address}:${address.port}`;
  }

  /** Replaces the faults (unspecified ones back to normal); returns what is now in force. */
  setFaults(faults: Partial<RecordsFaults>): RecordsFaults {
    this.faults = recordsFaultsSchema.parse(faults);
    if (this.faults.down) for (const socket of this.sockets) socket.destroy();
    return this.faults;
  }

  setScenario(scenario: RecordsScenario): void {
    this.scenario = scenario;
  }

  /** Requests served so far (tests check that a timed-out request really reached the server). */
  get requests(): number {
    return this.requestCount;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requestCount++;
    const url = new URL(req.url ?? '/', 'http://records.invalid');
    const send = (status: number, body: unknown) => {
      if (!res.destroyed) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (url.pathname === recordsPaths.openApi && req.method === 'GET') return send(200, recordsOpenApiDocument(this.url));
    const { hang, delayMs, errorStatus, malformed } = this.faults;
    if (hang) return;
    const answer = () => {
      if (errorStatus) return send(errorStatus, { error: { code: errorStatus === 503 ? 'unavailable' : 'server_error', message: `simulated ${errorStatus}` } });
      const routed = this.route(req.method ?? 'GET', url);
      if (malformed && routed.status === 200) return send(200, { travellers: [{ recordId: 42 }], vehicles: 'none' });
      send(routed.status, routed.body);
    };
    if (delayMs > 0) setTimeout(answer, delayMs).unref();
    else answer();
  }

  private route(method: string, url: URL): { status: number; body: unknown } {
    const bad = (message: string) => ({ status: 400, body: { error: { code: 'bad_request', message } } });
    if (method !== 'GET') return { status: 405, body: { error: { code: 'method_not_allowed', message: 'the records API is read-only: use GET' } } };
    const param = (name: string) => url.searchParams.get(name)?.trim().toUpperCase() || undefined;
    if (url.pathname === recordsPaths.health) return { status: 200, body: { status: 'ok' } };
    if (url.pathname === recordsPaths.travellersByDocument) {
      const number = param('documentNumber');
      if (!number || !/^[A-Z0-9<]{1,20}$/.test(number)) return bad('documentNumber: required, 1-20 letters or digits');
      const nationality = param('nationality');
      const travellers = this.scenario.travellers.filter((t) => t.documents.some((d) => d.documentNumber === number && (!nationality || d.nationality === nationality)));
      return { status: 200, body: { travellers } };
    }
    const rfidPrefix = recordsPaths.travellersByRfid.replace('{reference}', '');
    if (url.pathname.startsWith(rfidPrefix)) {
      const reference = decodeURIComponent(url.pathname.slice(rfidPrefix.length)).toUpperCase();
      if (!/^[A-Z0-9]{4,64}$/.test(reference)) return bad('reference: 4-64 letters or digits');
      const travellers: TravellerRecord[] = this.scenario.travellers.filter((t) => t.rfidReferences.includes(reference));
      return { status: 200, body: { travellers } };
    }
    if (url.pathname === recordsPaths.vehiclesByPlate) {
      const plate = param('plate')?.replace(/[\s-]/g, '');
      if (!plate || !/^[A-Z0-9]{1,12}$/.test(plate)) return bad('plate: required, 1-12 letters or digits');
      const region = param('region');
      return { status: 200, body: { vehicles: this.scenario.vehicles.filter((v) => v.plate === plate && (!region || v.region === region)) } };
    }
    return { status: 404, body: { error: { code: 'not_found', message: `no endpoint ${url.pathname}` } } };
  }
}
