import type { BoothAuditAnchor } from '../../app/audit/auditAnchor';
import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { DeviceStatus } from '../../app/ports/deviceStatus';
import type { SubmitItemResult } from '../../app/outbox/DecisionSyncPort';
import type { DecisionSubmission } from '../../app/ports/decisionSubmission';
import type { RecordsPort } from '../../app/ports/RecordsPort';
import type { DocumentQuery, PlateQuery, RecordsResult } from '../../app/ports/recordsLookup';
import type { TravellerRecord, VehicleRecord } from '../../app/ports/travellerRecord';
import { HttpRecordsClient } from './HttpRecordsClient.node.ts';
import { RecordsSimulatorServer, type RecordsFaults } from './RecordsSimulatorServer.node.ts';
import type { RecordsScenario } from './scriptedRecords.node.ts';
import { Emitter } from '../../app/shared/event';
import type { DepartureGallery, DepartureGalleryQuery } from '../../app/ports/departureGallery';
import type { DepartureSubmission } from '../../app/ports/departureSubmission';

export interface SimulatedRecordsServiceOptions {
  readonly clock: Clock;
  /** Loopback port of the simulator; 0 (default) picks a free one. */
  readonly port?: number;
  readonly timeoutMs?: number;
  readonly scenario?: RecordsScenario;
  /** The booth the decisions come from (its audit anchor is kept under it). */
  readonly boothId?: string;
}

/**
 * Simulation mode's records service: the real HTTP simulator on loopback and the real client talking to it,
 * so `npm start` exercises the same code path as a deployed booth. Trainers and tests unplug it (the
 * service goes down) or inject faults (slow, hanging, failing, malformed, decisions stored but answered as failed).
 */
export class SimulatedRecordsService implements RecordsPort {
  readonly kind = 'recordsService' as const;
  readonly id = 'sim-records';
  readonly server: RecordsSimulatorServer;
  private client: HttpRecordsClient | undefined;
  private readonly statuses = new Emitter<DeviceStatus>('records service status');
  private idle: DeviceStatus;

  constructor(private readonly options: SimulatedRecordsServiceOptions) {
    this.server = new RecordsSimulatorServer({ port: options.port ?? 0, ...(options.scenario ? { scenario: options.scenario } : {}) });
    this.idle = { kind: 'recordsService', id: this.id, name: 'Records service (simulated)', connected: false, detail: 'not started', since: options.clock.now().toISOString() };
  }

  status(): DeviceStatus {
    return this.client?.status() ?? this.idle;
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.statuses.event(listener);
  }

  async start(): Promise<void> {
    if (this.client) return;
    const url = await this.server.start();
    const client = new HttpRecordsClient({ baseUrl: url, clock: this.options.clock, id: this.id, name: 'Records service (simulated)', timeoutMs: this.options.timeoutMs ?? 1500, probeIntervalMs: 5000, ...(this.options.boothId === undefined ? {} : { boothId: this.options.boothId }) });
    client.onStatus((status) => {
      this.statuses.fire(status);
    });
    this.client = client;
    await client.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      await client.stop();
      this.idle = client.status(); // "stopped", already forwarded to listeners by the client
    }
    await this.server.stop();
  }

  /** The simulator's base URL (the published OpenAPI document is at /openapi.json). */
  get url(): string {
    return this.server.url;
  }

  /** Takes the service down (true) or brings it back; the status light follows at once. */
  setConnected(connected: boolean): DeviceStatus {
    this.server.setFaults(connected ? {} : { down: true });
    this.client?.recordOutcome(connected ? undefined : { code: 'unavailable', message: 'the records service is down (simulated)' });
    return this.status();
  }

  setFaults(faults: Partial<RecordsFaults>): RecordsFaults {
    return this.server.setFaults(faults);
  }

  setScenario(scenario: RecordsScenario): void {
    this.server.setScenario(scenario);
  }

  findTravellersByDocument(query: DocumentQuery): Promise<RecordsResult<readonly TravellerRecord[]>> {
    return this.running().findTravellersByDocument(query);
  }
  findTravellersByRfid(reference: string): Promise<RecordsResult<readonly TravellerRecord[]>> {
    return this.running().findTravellersByRfid(reference);
  }
  findVehiclesByPlate(query: PlateQuery): Promise<RecordsResult<readonly VehicleRecord[]>> {
    return this.running().findVehiclesByPlate(query);
  }

  /** Through the real client over HTTP; before start (or after stop) every item is `retry`, never a throw. */
  submitDecisions(batch: readonly DecisionSubmission[]): Promise<readonly SubmitItemResult[]> {
    if (!this.client) return Promise.resolve(batch.map(({ idempotencyKey }) => ({ idempotencyKey, outcome: 'retry', reason: 'the simulated records service is not started' })));
    return this.client.submitDecisions(batch);
  }

  /** Through the real client; before start (or after stop) the service is unavailable, as a lookup would be. */
  latestAuditAnchor(): Promise<RecordsResult<BoothAuditAnchor | null>> {
    if (!this.client) return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'the simulated records service is not started' }, durationMs: 0 });
    return this.client.latestAuditAnchor();
  }

  /** Through the real client; before start (or after stop) the service is unavailable. */
  departureGallery(query: DepartureGalleryQuery): Promise<RecordsResult<DepartureGallery>> {
    if (!this.client) return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'the simulated records service is not started' }, durationMs: 0 });
    return this.client.departureGallery(query);
  }

  /** Through the real client over HTTP; before start (or after stop) every item is `retry`, never a throw. */
  submitDepartures(batch: readonly DepartureSubmission[]): Promise<readonly SubmitItemResult[]> {
    if (!this.client) return Promise.resolve(batch.map(({ idempotencyKey }) => ({ idempotencyKey, outcome: 'retry', reason: 'the simulated records service is not started' })));
    return this.client.submitDepartures(batch);
  }

  private running(): HttpRecordsClient {
    if (!this.client) throw new Error('the simulated records service is not started');
    return this.client;
  }
}
