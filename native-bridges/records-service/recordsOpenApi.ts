import { z } from 'zod';
import { acceptedDecisionsResponseSchema, auditAnchorResponseSchema, decisionBatchRequestSchema, decisionBatchResponseSchema, maxDecisionBatch } from '../../app/ports/decisionSubmission';
import { departureGalleryResponseSchema } from '../../app/ports/departureGallery';
import { acceptedDeparturesResponseSchema, departureBatchRequestSchema, departureBatchResponseSchema, maxDepartureBatch } from '../../app/ports/departureSubmission';
import { recordsErrorBodySchema, travellerLookupResponseSchema, vehicleLookupResponseSchema } from '../../app/ports/travellerRecord';

/** The records API's paths, shared by the simulator's router and the published document. */
export const recordsPaths = {
  health: '/v1/health',
  travellersByDocument: '/v1/travellers/by-document',
  travellersByRfid: '/v1/travellers/by-rfid/{reference}',
  vehiclesByPlate: '/v1/vehicles/by-plate',
  decisions: '/v1/decisions',
  auditAnchor: '/v1/booths/{boothId}/audit-anchor',
  departureGallery: '/v1/galleries/departures',
  departures: '/v1/departures',
  openApi: '/openapi.json',
} as const;

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }) } });
const errors = {
  '400': { description: 'The query is malformed (names the bad parameter).', content: json(recordsErrorBodySchema) },
  '500': { description: 'The service failed.', content: json(recordsErrorBodySchema) },
  '503': { description: 'The service is unavailable.', content: json(recordsErrorBodySchema) },
};
/** What a batch intake (decisions, departures) answers: per item, or an error for the whole request. */
const batchIntakeResponses = (items: string, response: z.ZodType) => ({
  '200': { description: 'One result per submitted item', content: json(response) },
  '400': { description: `The envelope is malformed (not JSON, no ${items}, over the batch limit, an item without an idempotency key).`, content: json(recordsErrorBodySchema) },
  '413': { description: 'The request body is too large.', content: json(recordsErrorBodySchema) },
  '500': errors['500'],
  '503': errors['503'],
});
const query = (name: string, description: string, required: boolean) => ({ name, in: 'query', required, description, schema: { type: 'string', minLength: 1, maxLength: 64 } });

/**
 * The OpenAPI 3.1 document of the records service, generated from the same zod schemas the client validates
 * responses with (JSON Schema 2020-12 is OpenAPI 3.1's schema dialect).
 */
export function recordsOpenApiDocument(serverUrl?: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Booth records service (TVS-like)',
      version: '1.0.0',
      description: 'Traveller and vehicle records the booth queries by document number, RFID card reference and plate. Served by the simulator; a real service implements the same contract.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths: {
      [recordsPaths.health]: {
        get: { operationId: 'health', summary: 'Liveness probe', responses: { '200': { description: 'Up', content: json(z.object({ status: z.literal('ok') })) }, '503': errors['503'] } },
      },
      [recordsPaths.travellersByDocument]: {
        get: {
          operationId: 'findTravellersByDocument',
          summary: 'Travellers holding a document',
          parameters: [query('documentNumber', 'Document number as in the MRZ (fillers removed)', true), query('nationality', 'ICAO nationality code', false)],
          responses: { '200': { description: 'Matching travellers (empty when none)', content: json(travellerLookupResponseSchema) }, ...errors },
        },
      },
      [recordsPaths.travellersByRfid]: {
        get: {
          operationId: 'findTravellersByRfid',
          summary: 'Travellers an RFID card reference is registered to',
          parameters: [{ name: 'reference', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z0-9]{4,64}$' } }],
          responses: { '200': { description: 'Matching travellers (empty when none)', content: json(travellerLookupResponseSchema) }, ...errors },
        },
      },
      [recordsPaths.vehiclesByPlate]: {
        get: {
          operationId: 'findVehiclesByPlate',
          summary: 'Vehicles registered under a plate',
          parameters: [query('plate', 'Plate text, letters and digits only', true), query('region', 'Issuing region, e.g. US-WA', false)],
          responses: { '200': { description: 'Matching vehicles (empty when none)', content: json(vehicleLookupResponseSchema) }, ...errors },
        },
      },
      [recordsPaths.decisions]: {
        post: {
          operationId: 'submitDecisions',
          summary: 'Submit officer decisions (idempotent per item)',
          description: `A batch of 1-${maxDecisionBatch} decisions, each with an idempotency key. Answered per item: accepted (stored now), duplicate (this key is already held: stored once, never twice), rejected (the item is invalid; the reason names the field; resending will not help) or retry (transient). An invalid item does not refuse the rest of the batch; a malformed envelope is a 400 for the whole request.`,
          requestBody: { required: true, content: json(decisionBatchRequestSchema) },
          responses: batchIntakeResponses('decisions', decisionBatchResponseSchema),
        },
        get: {
          operationId: 'listDecisions',
          summary: 'Decisions the service holds (simulator and audit use)',
          description: 'Every accepted decision, each idempotency key once, in arrival order.',
          responses: { '200': { description: 'Accepted decisions', content: json(acceptedDecisionsResponseSchema) }, '500': errors['500'], '503': errors['503'] },
        },
      },
      [recordsPaths.auditAnchor]: {
        get: {
          operationId: 'getAuditAnchor',
          summary: "The latest audit head a booth's decisions carried",
          description:
            "Each decision's payload may carry `auditHead` (seq and hash of the booth's audit chain entry the decision was made after), and each batch the `boothId` that sent it. The service keeps, per booth, the head with the highest seq among its accepted decisions: a log exported later that ends before it, or holds another entry at its seq, has lost or rewritten entries. `anchor` is null until a decision carried a head.",
          parameters: [{ name: 'boothId', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 40 } }],
          responses: { '200': { description: "The booth's latest anchor (null when none)", content: json(auditAnchorResponseSchema) }, ...errors },
        },
      },
      [recordsPaths.departureGallery]: {
        get: {
          operationId: 'getDepartureGallery',
          summary: 'The travellers expected to leave through a port and lane (the exit gallery)',
          description:
            'Each entry: the traveller record id, names, birth date, citizenship (and whether a U.S. citizen), class of admission, admit-until date (null: duration of status), entry-record photos, document photos, documents and alerts (lookout, prior removal). Photos are inline. An exit booth keeps the gallery locally, enrols it once and refreshes it on a schedule; a port or lane without expected departures answers an empty gallery.',
          parameters: [query('port', 'Port of departure, e.g. "Blaine, WA"', true), { name: 'lane', in: 'query', required: true, description: 'Lane kind', schema: { type: 'string', enum: ['air', 'sea', 'pedestrian', 'vehicle'] } }],
          responses: { '200': { description: 'The gallery (entries empty when nobody is expected)', content: json(departureGalleryResponseSchema) }, ...errors },
        },
      },
      [recordsPaths.departures]: {
        post: {
          operationId: 'submitDepartures',
          summary: 'Submit departure records (idempotent per item)',
          description: `A batch of 1-${maxDepartureBatch} departure records, each with an idempotency key, answered per item as decisions are: accepted, duplicate (stored once, never twice), rejected (the reason names the field) or retry. A U.S. citizen's departure is never sent (no biometric departure record is kept for citizens).`,
          requestBody: { required: true, content: json(departureBatchRequestSchema) },
          responses: batchIntakeResponses('departures', departureBatchResponseSchema),
        },
        get: {
          operationId: 'listDepartures',
          summary: 'Departure records the service holds (simulator and audit use)',
          description: 'Every accepted departure, each idempotency key once, in arrival order.',
          responses: { '200': { description: 'Accepted departures', content: json(acceptedDeparturesResponseSchema) }, '500': errors['500'], '503': errors['503'] },
        },
      },
      [recordsPaths.openApi]: {
        get: { operationId: 'openApi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } } },
      },
    },
  };
}
