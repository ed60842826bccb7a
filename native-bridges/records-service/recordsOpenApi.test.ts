import { readFileSync, writeFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedDecisionsResponseSchema, decisionBatchResponseSchema } from '../../app/ports/decisionSubmission';
import { travellerLookupResponseSchema, vehicleLookupResponseSchema } from '../../app/ports/travellerRecord';
import { recordsOpenApiDocument, recordsPaths } from './recordsOpenApi';
import { RecordsSimulatorServer } from './RecordsSimulatorServer.node.ts';

const server = new RecordsSimulatorServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

const publishedFile = new URL('./openapi.json', import.meta.url);

describe('records service OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, served at /openapi.json', async () => {
    const served = (await (await fetch(`${server.url}/openapi.json`)).json()) as Record<string, unknown>;
    const result = await new Validator().validate(served);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(served.openapi).toBe('3.1.0');
    // The validator does reject a broken document (so the check above can fail).
    expect((await new Validator().validate({ openapi: '3.1.0', info: { title: 'x' }, paths: { '/a': { get: { responses: 'none' } } } })).valid).toBe(false);
  });

  it('is the published file native-bridges/records-service/openapi.json (regenerate with BOOTH_WRITE_OPENAPI=1)', () => {
    const generated = `${JSON.stringify(recordsOpenApiDocument(), null, 2)}\n`;
    if (process.env.BOOTH_WRITE_OPENAPI === '1') writeFileSync(publishedFile, generated);
    expect(readFileSync(publishedFile, 'utf8')).toBe(generated);
  });

  it('describes every path the simulator serves, and the simulator serves every described path', async () => {
    const document = recordsOpenApiDocument() as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
    expect(Object.keys(document.paths).sort()).toEqual(Object.values(recordsPaths).sort());
    const examples: Record<string, string> = {
      [recordsPaths.health]: recordsPaths.health,
      [recordsPaths.travellersByDocument]: `${recordsPaths.travellersByDocument}?documentNumber=L898902C3`,
      [recordsPaths.travellersByRfid]: recordsPaths.travellersByRfid.replace('{reference}', 'TT5E0000184226'),
      [recordsPaths.vehiclesByPlate]: `${recordsPaths.vehiclesByPlate}?plate=BTH4821`,
      [recordsPaths.decisions]: recordsPaths.decisions,
      [recordsPaths.auditAnchor]: recordsPaths.auditAnchor.replace('{boothId}', 'BOOTH-01'),
      [recordsPaths.departureGallery]: `${recordsPaths.departureGallery}?port=Blaine%2C%20WA&lane=vehicle`,
      [recordsPaths.departures]: recordsPaths.departures,
      [recordsPaths.openApi]: recordsPaths.openApi,
    };
    for (const path of Object.keys(document.paths)) {
      const response = await fetch(`${server.url}${examples[path]}`);
      expect(response.status, path).toBe(200);
    }
    expect((await fetch(`${server.url}/v1/unknown`)).status).toBe(404);
  });

  it('documents the responses the simulator really sends (validated by the same schemas)', async () => {
    const travellers = await (await fetch(`${server.url}${recordsPaths.travellersByDocument}?documentNumber=A12345678`)).json();
    expect(travellerLookupResponseSchema.parse(travellers).travellers).toHaveLength(1);
    const vehicles = await (await fetch(`${server.url}${recordsPaths.vehiclesByPlate}?plate=BTH4821`)).json();
    expect(vehicleLookupResponseSchema.parse(vehicles).vehicles).toHaveLength(1);
    const documented = (recordsOpenApiDocument() as { paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } }> }).paths;
    const schema = documented[recordsPaths.travellersByDocument]?.get.responses['200']?.content?.['application/json']?.schema as { properties?: Record<string, unknown> };
    expect(Object.keys(schema.properties ?? {})).toEqual(['travellers']);
  });

  it('documents the decisions endpoint: a POST with the batch schema answered per item, and the GET listing', async () => {
    const operations = (recordsOpenApiDocument() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> }; responses: Record<string, unknown> }>> }).paths[recordsPaths.decisions];
    expect(Object.keys(operations ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(operations?.post?.requestBody?.content['application/json']?.schema.properties ?? {})).toEqual(['boothId', 'decisions']);
    expect(Object.keys(operations?.post?.responses ?? {}).sort()).toEqual(['200', '400', '413', '500', '503']);
    const answer = await fetch(`${server.url}${recordsPaths.decisions}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ decisions: [{ idempotencyKey: 'k-1', payload: {} }] }) });
    expect(answer.status).toBe(200);
    expect(decisionBatchResponseSchema.parse(await answer.json()).results).toEqual([{ idempotencyKey: 'k-1', outcome: 'rejected', reason: expect.stringMatching(/^payload\.decision: /) }]);
    expect(acceptedDecisionsResponseSchema.parse(await (await fetch(`${server.url}${recordsPaths.decisions}`)).json())).toEqual({ total: 0, decisions: [] });
    expect((await fetch(`${server.url}${recordsPaths.decisions}`, { method: 'PUT' })).status).toBe(405);
  });
});
