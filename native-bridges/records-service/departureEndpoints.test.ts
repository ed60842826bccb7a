import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { departureGalleryResponseSchema } from '../../app/ports/departureGallery';
import { acceptedDeparturesResponseSchema, type DepartureSubmission } from '../../app/ports/departureSubmission';
import { HttpRecordsClient } from './HttpRecordsClient.node.ts';
import { recordsOpenApiDocument, recordsPaths } from './recordsOpenApi';
import { RecordsSimulatorServer } from './RecordsSimulatorServer.node.ts';
import { scriptedExitTravellers, simulatedExitPort } from './scriptedDepartureGallery.node.ts';
import { scriptedDepartureSubmissions } from './scriptedDepartures.node.ts';
import { noRecords } from './unconfiguredLaneDevices';

const now = new Date('2026-12-07T10:00:00Z');
const clock = { now: () => now };
const submissions = scriptedDepartureSubmissions(now);
const keysOf = (batch: readonly DepartureSubmission[]) => batch.map((s) => s.idempotencyKey);

let server: RecordsSimulatorServer;
let client: HttpRecordsClient;

beforeEach(async () => {
  server = new RecordsSimulatorServer({ clock });
  client = new HttpRecordsClient({ baseUrl: await server.start(), clock, timeoutMs: 250, probeIntervalMs: 0 });
  await client.start();
});
afterEach(async () => {
  await client.stop();
  await server.stop();
});

/** The published document's schema for one operation's answer. */
function documented(path: string, method: 'get' | 'post', status: string): { properties?: Record<string, unknown>; required?: string[] } {
  const doc = recordsOpenApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> };
  return doc.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema as { properties?: Record<string, unknown>; required?: string[] };
}

describe('GET /v1/galleries/departures', () => {
  it('serves the port and lane gallery the booth expects, valid against the published contract', async () => {
    const answer = await client.departureGallery({ port: simulatedExitPort, lane: 'vehicle' });
    if (!answer.ok) throw new Error(answer.error.message);
    const gallery = answer.value;
    expect(gallery).toMatchObject({ port: simulatedExitPort, lane: 'vehicle', generatedAt: now.toISOString() });
    // Everyone who entered is expected to leave; the one who never entered is not in it.
    expect(gallery.entries.map((e) => e.travellerId)).toEqual(scriptedExitTravellers.flatMap((t) => (t.entry ? [t.entry.travellerId] : [])));
    expect(gallery.entries.find((e) => e.surname === 'BRANDT')).toMatchObject({ admitUntil: '2026-08-29', classOfAdmission: 'WT', usCitizen: false });
    expect(gallery.entries.find((e) => e.surname === 'WALKER')).toMatchObject({ usCitizen: true, admitUntil: null });
    expect(gallery.entries.find((e) => e.travellerId === 'EX-0007')?.alerts.map((a) => a.kind)).toEqual(['lookout', 'prior_removal']);
    // The Okafor sisters are identical twins (one face in the simulation): born the same day, to the same parents.
    const twins = gallery.entries.filter((e) => e.surname === 'OKAFOR');
    expect(twins.map((e) => e.givenNames)).toEqual(['VERA', 'SELMA']);
    expect(new Set(twins.map((e) => e.birthDate))).toEqual(new Set(['1980-06-17']));
    expect(gallery.entries.every((e) => e.entryPhotos.length > 0)).toBe(true);
    // The raw body is what the published document describes.
    const raw = await (await fetch(`${server.url}${recordsPaths.departureGallery}?port=${encodeURIComponent(simulatedExitPort)}&lane=vehicle`)).json();
    expect(departureGalleryResponseSchema.parse(raw).entries).toHaveLength(gallery.entries.length);
    const schema = documented(recordsPaths.departureGallery, 'get', '200');
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(Object.keys(raw as object).sort());
    expect(schema.required?.sort()).toEqual(['entries', 'generatedAt', 'lane', 'port']);
  });

  it('answers an empty gallery for another port, and 400 naming the parameter for a bad query', async () => {
    const other = await client.departureGallery({ port: 'Sumas, WA', lane: 'vehicle' });
    expect(other.ok && other.value.entries).toEqual([]);
    const noLane = await fetch(`${server.url}${recordsPaths.departureGallery}?port=Blaine`);
    expect(noLane.status).toBe(400);
    expect(((await noLane.json()) as { error: { message: string } }).error.message).toMatch(/^lane: /);
    const noPort = await fetch(`${server.url}${recordsPaths.departureGallery}?lane=air`);
    expect(((await noPort.json()) as { error: { message: string } }).error.message).toMatch(/^port: /);
  });

  it('a gallery that breaks the contract is bad_response, never a gallery', async () => {
    server.setFaults({ malformed: true });
    const answer = await client.departureGallery({ port: simulatedExitPort, lane: 'vehicle' });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('bad_response');
    expect((await noRecords.departureGallery({ port: simulatedExitPort, lane: 'air' })).ok).toBe(false);
  });
});

describe('POST /v1/departures', () => {
  it('accepts each departure once, answers a resend duplicate, and lists what it holds', async () => {
    const first = submissions.slice(0, 3);
    expect(await client.submitDepartures(first)).toEqual(keysOf(first).map((idempotencyKey) => ({ idempotencyKey, outcome: 'accepted' })));
    const again = await client.submitDepartures(submissions.slice(1, 5));
    expect(again.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate', 'accepted', 'accepted']);
    const listed = acceptedDeparturesResponseSchema.parse(await (await fetch(`${server.url}${recordsPaths.departures}`)).json());
    expect(listed.departures.map((d) => d.idempotencyKey)).toEqual(keysOf(submissions.slice(0, 5)));
    expect(listed.departures[0]?.departure).toEqual(submissions[0]?.payload.departure);
    expect(Object.keys(documented(recordsPaths.departures, 'get', '200').properties ?? {})).toEqual(['total', 'departures']);
  });

  it('refuses an invalid departure with the field named, and still takes the rest', async () => {
    const good = submissions[0]!;
    const citizenless = { idempotencyKey: 'bad-1', payload: { ...good.payload, departure: { ...good.payload.departure, direction: 'entry' } } } as unknown as DepartureSubmission;
    const results = await client.submitDepartures([citizenless, good]);
    expect(results).toEqual([
      { idempotencyKey: 'bad-1', outcome: 'rejected', reason: expect.stringMatching(/^payload\.departure\.direction: /) },
      { idempotencyKey: good.idempotencyKey, outcome: 'accepted' },
    ]);
  });

  it('stored but answered as failed: the resend is a duplicate, stored once', async () => {
    server.setFaults({ commitThenFail: 'error' });
    const lost = await client.submitDepartures(submissions.slice(0, 2));
    expect(lost.map((r) => r.outcome)).toEqual(['retry', 'retry']);
    server.setFaults({});
    expect((await client.submitDepartures(submissions.slice(0, 2))).map((r) => r.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(server.acceptedDepartures().map((d) => d.idempotencyKey)).toEqual(keysOf(submissions.slice(0, 2)));
  });
});
