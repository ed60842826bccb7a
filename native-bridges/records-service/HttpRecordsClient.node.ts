import type { z } from 'zod';
import type { Clock } from '../../app/ports/Clock';
import type { Unsubscribe } from '../../app/ports/DevicePort';
import type { DeviceStatus } from '../../app/ports/deviceStatus';
import type { SubmitItemResult, SyncSubmission } from '../../app/outbox/DecisionSyncPort';
import type { BoothAuditAnchor } from '../../app/audit/auditAnchor';
import { auditAnchorResponseSchema, clipReason, decisionBatchResponseSchema, matchResults, maxDecisionBatch, type DecisionSubmission } from '../../app/ports/decisionSubmission';
import type { RecordsPort } from '../../app/ports/RecordsPort';
import type { DocumentQuery, PlateQuery, RecordsError, RecordsResult } from '../../app/ports/recordsLookup';
import { travellerLookupResponseSchema, vehicleLookupResponseSchema, type TravellerRecord, type VehicleRecord } from '../../app/ports/travellerRecord';
import { DeviceStatusCell } from '../device/DeviceStatusCell';
import { describeSchemaError } from '../../app/shared/describeSchemaError';
import { recordsPaths } from './recordsOpenApi';
import { departureGalleryResponseSchema, type DepartureGallery, type DepartureGalleryQuery } from '../../app/ports/departureGallery';
import { departureBatchResponseSchema, type DepartureSubmission } from '../../app/ports/departureSubmission';

export interface HttpRecordsClientOptions {
  /** e.g. http://127.0.0.1:8443 */
  readonly baseUrl: string;
  readonly clock: Clock;
  readonly id?: string;
  readonly name?: string;
  /** Per-request timeout: a vehicle cannot wait on a slow service. */
  readonly timeoutMs?: number;
  /** How often to probe /v1/health so the status light recovers without a lookup; 0 disables. */
  readonly probeIntervalMs?: number;
  /** Largest response accepted (gallery photos are inline). */
  readonly maxResponseBytes?: number;
  /** The booth sending decisions: the service keeps this booth's latest audit anchor under it (settings.boothId). */
  readonly boothId?: string;
}

/**
 * The booth's client of the records service. Every lookup resolves (never throws) with records or a typed
 * error; every answer is validated against the contract schemas. The status light is "connected" while the
 * service answers and goes off, with the reason, on a timeout or when it cannot be reached.
 */
export class HttpRecordsClient implements RecordsPort {
  readonly kind = 'recordsService' as const;
  readonly id: string;
  private readonly cell: DeviceStatusCell;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private started = false;

  constructor(private readonly options: HttpRecordsClientOptions) {
    this.id = options.id ?? 'records-service';
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.maxResponseBytes = options.maxResponseBytes ?? 32 * 1024 * 1024;
    this.cell = new DeviceStatusCell('recordsService', this.id, options.name ?? 'Records service', options.clock);
  }

  status(): DeviceStatus {
    return this.cell.get();
  }
  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.cell.onChange(listener);
  }

  async start(): Promise<void> {
    this.started = true;
    await this.probe();
    const interval = this.options.probeIntervalMs ?? 10_000;
    if (interval > 0 && !this.timer) {
      this.timer = setInterval(() => void this.probe(), interval);
      this.timer.unref?.();
    }
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.cell.set(false, 'stopped');
  }

  /** Asks /v1/health and updates the status; returns whether the service answered. */
  async probe(): Promise<boolean> {
    const result = await this.get(recordsPaths.health, (body) => body);
    return result.ok;
  }

  findTravellersByDocument(query: DocumentQuery): Promise<RecordsResult<readonly TravellerRecord[]>> {
    const params = new URLSearchParams({ documentNumber: query.documentNumber.replace(/</g, '') });
    if (query.nationality) params.set('nationality', query.nationality.replace(/</g, ''));
    return this.get(`${recordsPaths.travellersByDocument}?${params}`, parseWith(travellerLookupResponseSchema, (r) => r.travellers));
  }

  findTravellersByRfid(reference: string): Promise<RecordsResult<readonly TravellerRecord[]>> {
    return this.get(recordsPaths.travellersByRfid.replace('{reference}', encodeURIComponent(reference)), parseWith(travellerLookupResponseSchema, (r) => r.travellers));
  }

  findVehiclesByPlate(query: PlateQuery): Promise<RecordsResult<readonly VehicleRecord[]>> {
    const params = new URLSearchParams({ plate: query.plate });
    if (query.region) params.set('region', query.region);
    return this.get(`${recordsPaths.vehiclesByPlate}?${params}`, parseWith(vehicleLookupResponseSchema, (r) => r.vehicles));
  }

  /**
   * Sends decisions in requests of at most maxDecisionBatch, one after the other, and answers per item in the
   * batch's order. A transport failure, a 5xx or an answer out of contract makes the request's items `retry`
   * (the service deduplicates, so resending is safe); a 400/413/422 refusal of the whole request makes them `rejected`.
   * Once the service is unreachable or times out, the remaining requests are not sent (their items are `retry`).
   */
  submitDecisions(batch: readonly DecisionSubmission[]): Promise<readonly SubmitItemResult[]> {
    return this.submitInChunks(batch, recordsPaths.decisions, 'decisions', decisionBatchResponseSchema);
  }

  /** Departure records, to POST /v1/departures, exactly as submitDecisions sends decisions. */
  submitDepartures(batch: readonly DepartureSubmission[]): Promise<readonly SubmitItemResult[]> {
    return this.submitInChunks(batch, recordsPaths.departures, 'departures', departureBatchResponseSchema);
  }

  /** The lane's exit gallery, validated against the contract (photos inline, so the answer may be large). */
  departureGallery(query: DepartureGalleryQuery): Promise<RecordsResult<DepartureGallery>> {
    const params = new URLSearchParams({ port: query.port, lane: query.lane });
    return this.get(`${recordsPaths.departureGallery}?${params}`, parseWith(departureGalleryResponseSchema, (r) => r));
  }

  private async submitInChunks(batch: readonly SyncSubmission[], path: string, field: 'decisions' | 'departures', schema: typeof decisionBatchResponseSchema): Promise<readonly SubmitItemResult[]> {
    const results: SubmitItemResult[] = [];
    let unreachable: string | null = null;
    for (let start = 0; start < batch.length; start += maxDecisionBatch) {
      const chunk = batch.slice(start, start + maxDecisionBatch);
      if (unreachable !== null) {
        const reason = unreachable;
        results.push(...chunk.map(({ idempotencyKey }): SubmitItemResult => ({ idempotencyKey, outcome: 'retry', reason })));
        continue;
      }
      const answer = await this.submitChunk(chunk, path, field, schema);
      results.push(...answer.results);
      unreachable = answer.unreachable;
    }
    return results;
  }

  private async submitChunk(chunk: readonly SyncSubmission[], path: string, field: 'decisions' | 'departures', schema: typeof decisionBatchResponseSchema): Promise<{ results: SubmitItemResult[]; unreachable: string | null }> {
    const { boothId } = this.options;
    const body = JSON.stringify(boothId === undefined ? { [field]: chunk } : { boothId, [field]: chunk });
    const answer = await this.request(path, { method: 'POST', body }, parseWith(schema, (r) => r.results));
    if (!answer.result.ok) {
      const { error } = answer.result;
      const refused = answer.status === 400 || answer.status === 413 || answer.status === 422;
      const reason = clipReason(`${error.code}: ${error.message}`);
      const results = chunk.map(({ idempotencyKey }): SubmitItemResult => (refused ? { idempotencyKey, outcome: 'rejected', reason } : { idempotencyKey, outcome: 'retry', reason }));
      return { results, unreachable: error.code === 'timeout' || error.code === 'unavailable' ? reason : null };
    }
    return { results: matchResults(chunk, answer.result.value, 'the records service did not answer for this item'), unreachable: null };
  }

  /** This booth's latest audit anchor at the service; without a boothId there is none to ask for (bad_request). */
  async latestAuditAnchor(): Promise<RecordsResult<BoothAuditAnchor | null>> {
    const { boothId } = this.options;
    if (boothId === undefined) return { ok: false, error: { code: 'bad_request', message: 'this records client has no boothId, so the service keeps no anchor for it' }, durationMs: 0 };
    return this.get(recordsPaths.auditAnchor.replace('{boothId}', encodeURIComponent(boothId)), parseWith(auditAnchorResponseSchema, (r) => r.anchor));
  }

  private async get<T>(path: string, parse: (body: unknown) => T | RecordsError): Promise<RecordsResult<T>> {
    return (await this.request(path, { method: 'GET' }, parse)).result;
  }

  /** One exchange: the typed result, and the HTTP status when there was one. */
  private async request<T>(path: string, init: { method: 'GET' | 'POST'; body?: string }, parse: (body: unknown) => T | RecordsError): Promise<{ result: RecordsResult<T>; status?: number }> {
    const startedAt = performance.now();
    let status: number | undefined;
    const done = (outcome: { value: T } | { error: RecordsError }): { result: RecordsResult<T>; status?: number } => {
      const durationMs = performance.now() - startedAt;
      this.recordOutcome('error' in outcome ? outcome.error : undefined);
      const result: RecordsResult<T> = 'error' in outcome ? { ok: false, error: outcome.error, durationMs } : { ok: true, value: outcome.value, durationMs };
      return status === undefined ? { result } : { result, status };
    };
    let response: Response;
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const headers: Record<string, string> = { accept: 'application/json', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) };
      response = await fetch(new URL(path, this.options.baseUrl), { method: init.method, signal, headers, ...(init.body === undefined ? {} : { body: init.body }) });
      status = response.status;
    } catch (error) {
      return done({ error: transportError(error, this.timeoutMs) });
    }
    let text: string;
    try {
      text = await readBounded(response, this.maxResponseBytes);
    } catch (error) {
      return done({ error: error instanceof BodyTooLarge ? { code: 'bad_response', message: error.message } : transportError(error, this.timeoutMs) });
    }
    if (!response.ok) return done({ error: httpError(response.status, text) });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return done({ error: { code: 'bad_response', message: `the records service answered ${response.status} with a body that is not JSON` } });
    }
    const parsed = parse(body);
    return isRecordsError(parsed) ? done({ error: parsed }) : done({ value: parsed });
  }

  /** Reachability follows the last exchange: timeouts and transport failures turn the light off. Called after every request. */
  recordOutcome(error: RecordsError | undefined): void {
    if (!this.started) return;
    if (!error) {
      this.cell.set(true, `reachable at ${this.options.baseUrl}`);
      return;
    }
    switch (error.code) {
      case 'timeout':
      case 'unavailable':
        this.cell.set(false, `unreachable: ${error.message}`);
        return;
      case 'bad_response':
      case 'bad_request':
      case 'server_error':
        this.cell.set(true, `reachable, but the last lookup failed: ${error.message}`);
        return;
    }
  }
}

class BodyTooLarge extends Error {}

function parseWith<S extends z.ZodType, T>(schema: S, pick: (value: z.infer<S>) => T): (body: unknown) => T | RecordsError {
  return (body) => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) return { code: 'bad_response', message: `the records service broke its contract: ${describeSchemaError(parsed.error, { root: 'body' })}` };
    return pick(parsed.data);
  };
}

function isRecordsError(value: unknown): value is RecordsError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value && !Array.isArray(value);
}

function transportError(error: unknown, timeoutMs: number): RecordsError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return { code: 'timeout', message: `no answer within ${timeoutMs} ms` };
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
  return { code: 'unavailable', message: `cannot reach the records service (${cause})` };
}

function httpError(status: number, text: string): RecordsError {
  let detail = '';
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') detail = `: ${body.error.message.slice(0, 200)}`;
  } catch {
    // the status alone says enough
  }
  if (status === 503) return { code: 'unavailable', message: `the records service is unavailable (503)${detail}` };
  if (status >= 500) return { code: 'server_error', message: `the records service failed (${status})${detail}` };
  return { code: 'bad_request', message: `the records service rejected the query (${status})${detail}` };
}

async function readBounded(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new BodyTooLarge(`response of ${declared} bytes is over the ${maxBytes}-byte limit`);
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLarge(`response is over the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
