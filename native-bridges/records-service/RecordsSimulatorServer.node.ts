import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { z } from 'zod';
import { systemClock, type Clock } from '../../app/ports/Clock';
import type { AcceptedDecision } from '../../app/ports/decisionSubmission';
import type { TravellerRecord } from '../../app/ports/travellerRecord';
import { recordsOpenApiDocument, recordsPaths } from './recordsOpenApi';
import { scriptedRecordsScenario, type RecordsScenario } from './scriptedRecords.node.ts';
import { SimulatedDecisionIntake } from './SimulatedDecisionIntake';
import { SimulatedDepartureIntake } from './SimulatedDepartureIntake';
import type { AcceptedDeparture } from '../../app/ports/departureSubmission';
import { laneKindSchema } from '../../app/ports/departureGallery';

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
  /** Answer 200 with a body that breaks the contract (decisions are processed, and stored, first). */
  malformed: z.boolean().default(false),
  /**
   * Decision batches are processed and stored, then the answer is lost: 'error' answers 500, 'hang' never answers.
   * The client must resend, and the resend must come back `duplicate`.
   */
  commitThenFail: z.enum(['error', 'hang']).optional(),
  /** The service's validation refuses every new decision (`rejected`), as after a contract change. */
  rejectDecisions: z.boolean().default(false),
});
export type RecordsFaults = z.infer<typeof recordsFaultsSchema>;

export interface RecordsSimulatorOptions {
  readonly host?: string;
  /** 0 picks a free port (tests). */
  readonly port?: number;
  readonly scenario?: RecordsScenario;
  /** Stamps accepted decisions (receivedAt). */
  readonly clock?: Clock;
  /** Largest request body read (a decision batch); larger ones answer 413. */
  readonly maxRequestBytes?: number;
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
  private readonly clock: Clock;
  /** The decision intake behind POST /v1/decisions. */
  readonly decisions: SimulatedDecisionIntake;
  /** The departure intake behind POST /v1/departures. */
  readonly departures: SimulatedDepartureIntake;

  constructor(private readonly options: RecordsSimulatorOptions = {}) {
    this.scenario = options.scenario ?? scriptedRecordsScenario;
    this.decisions = new SimulatedDecisionIntake(options.clock ?? systemClock);
    this.departures = new SimulatedDepartureIntake(options.clock ?? systemClock);
    this.clock = options.clock ?? systemClock;
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

  /** Decisions the service holds, each idempotency key once, in arrival order (also GET /v1/decisions). */
  acceptedDecisions(): readonly AcceptedDecision[] {
    return this.decisions.accepted();
  }

  /** Departure records the service holds, each idempotency key once, in arrival order (also GET /v1/departures). */
  acceptedDepartures(): readonly AcceptedDeparture[] {
    return this.departures.accepted();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requestCount++;
    const url = new URL(req.url ?? '/', 'http://records.invalid');
    const send = (status: number, body: unknown) => {
      if (!res.destroyed) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (url.pathname === recordsPaths.openApi && req.method === 'GET') return send(200, recordsOpenApiDocument(this.url));
    const { hang, delayMs, errorStatus, malformed, commitThenFail } = this.faults;
    if (hang) return;
    const method = req.method ?? 'GET';
    const answer = (body: string) => {
      if (errorStatus) return send(errorStatus, { error: { code: errorStatus === 503 ? 'unavailable' : 'server_error', message: `simulated ${errorStatus}` } });
      const routed = this.route(method, url, body);
      const decisionPost = method === 'POST' && (url.pathname === recordsPaths.decisions || url.pathname === recordsPaths.departures) && routed.status === 200;
      if (decisionPost && commitThenFail === 'hang') return;
      if (decisionPost && commitThenFail === 'error') return send(500, { error: { code: 'server_error', message: 'simulated failure after the decisions were stored' } });
      if (malformed && routed.status === 200) return send(200, { travellers: [{ recordId: 42 }], vehicles: 'none', results: 'none' });
      send(routed.status, routed.body);
    };
    readBody(req, this.options.maxRequestBytes ?? 8 * 1024 * 1024).then(
      (body) => {
        if (delayMs > 0) setTimeout(() => answer(body), delayMs).unref();
        else answer(body);
      },
      (error: unknown) => send(413, { error: { code: 'too_large', message: error instanceof Error ? error.message : String(error) } }),
    );
  }

  private route(method: string, url: URL, body: string): { status: number; body: unknown } {
    const bad = (message: string) => ({ status: 400, body: { error: { code: 'bad_request', message } } });
    if (url.pathname === recordsPaths.decisions) {
      if (method === 'GET') return { status: 200, body: { total: this.decisions.accepted().length, decisions: this.decisions.accepted() } };
      if (method !== 'POST') return { status: 405, body: { error: { code: 'method_not_allowed', message: `${recordsPaths.decisions}: use POST to submit, GET to list` } } };
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return bad('body: not JSON');
      }
      return this.decisions.submit(parsed, this.faults.rejectDecisions);
    }
    if (url.pathname === recordsPaths.departures) {
      if (method === 'GET') return { status: 200, body: { total: this.departures.accepted().length, departures: this.departures.accepted() } };
      if (method !== 'POST') return { status: 405, body: { error: { code: 'method_not_allowed', message: `${recordsPaths.departures}: use POST to submit, GET to list` } } };
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return bad('body: not JSON');
      }
      return this.departures.submit(parsed, this.faults.rejectDecisions);
    }
    if (method !== 'GET') return { status: 405, body: { error: { code: 'method_not_allowed', message: 'the records lookups are read-only: use GET' } } };
    const param = (name: string) => url.searchParams.get(name)?.trim().toUpperCase() || undefined;
    if (url.pathname === recordsPaths.health) return { status: 200, body: { status: 'ok' } };
    if (url.pathname === recordsPaths.travellersByDocument) {
      const number = param('documentNumber');
      if (!number || !/^[A-Z0-9<]{1,20}$/.test(number)) return bad('documentNumber: required, 1-20 letters or digits');
      const nationality = param('nationality');
      const travellers = this.scenario.travellers.filter((t) => t.documents.some((d) => d.documentNumber === number && (!nationality || d.nationality === nationality)));
      return { status: 200, body: { travellers } };
    }
    const [anchorPrefix, anchorSuffix] = recordsPaths.auditAnchor.split('{boothId}') as [string, string];
    if (url.pathname.startsWith(anchorPrefix) && url.pathname.endsWith(anchorSuffix)) {
      const boothId = decodeURIComponent(url.pathname.slice(anchorPrefix.length, -anchorSuffix.length));
      if (boothId.length < 1 || boothId.length > 40) return bad('boothId: 1-40 characters');
      return { status: 200, body: { anchor: this.decisions.auditAnchor(boothId) } };
    }
    const rfidPrefix = recordsPaths.travellersByRfid.replace('{reference}', '');
    if (url.pathname.startsWith(rfidPrefix)) {
      const reference = decodeURIComponent(url.pathname.slice(rfidPrefix.length)).toUpperCase();
      if (!/^[A-Z0-9]{4,64}$/.test(reference)) return bad('reference: 4-64 letters or digits');
      const travellers: TravellerRecord[] = this.scenario.travellers.filter((t) => t.rfidReferences.includes(reference));
      return { status: 200, body: { travellers } };
    }
    if (url.pathname === recordsPaths.departureGallery) {
      const port = url.searchParams.get('port')?.trim();
      if (!port || port.length > 100) return bad('port: required, 1-100 characters');
      const lane = laneKindSchema.safeParse(url.searchParams.get('lane'));
      if (!lane.success) return bad('lane: one of air, sea, pedestrian, vehicle');
      const entries = (this.scenario.departureGalleries ?? []).filter((g) => g.port === port && g.lanes.includes(lane.data)).flatMap((g) => g.entries);
      return { status: 200, body: { port, lane: lane.data, generatedAt: this.clock.now().toISOString(), entries } };
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

/** The request body as text, refused past `maxBytes` (a client cannot make the simulator hold gigabytes). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new Error(`request body over the ${maxBytes}-byte limit`));
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
