import { z } from 'zod';
import { travellerRecordSchema, vehicleRecordSchema } from '../ports/travellerRecord';
import type { SessionRecords } from './vehicleSessionInput';

/**
 * The records lookups of a session as they cross IPC (main makes the lookups, the renderer assembles):
 * parsed on arrival like every other boundary.
 */
const recordsErrorSchema = z.object({
  code: z.enum(['timeout', 'unavailable', 'bad_response', 'bad_request', 'server_error']),
  message: z.string().max(1000),
});

const resultOf = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: value.readonly(), durationMs: z.number().nonnegative() }),
    z.object({ ok: z.literal(false), error: recordsErrorSchema, durationMs: z.number().nonnegative() }),
  ]);

export const travellerLookupSchema = z.object({
  by: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('document'), query: z.object({ documentNumber: z.string().min(1).max(20), nationality: z.string().max(3).optional() }) }),
    z.object({ kind: z.literal('rfid'), reference: z.string().min(1).max(64) }),
  ]),
  result: resultOf(z.array(travellerRecordSchema).max(20)),
});

export const sessionRecordsSchema = z.object({
  travellers: z.array(travellerLookupSchema).max(64).readonly(),
  vehicle: resultOf(z.array(vehicleRecordSchema).max(20)).optional(),
});

/** Compile-time proof that what the schema accepts is a SessionRecords. */
export const parseSessionRecords = (input: unknown): SessionRecords => sessionRecordsSchema.parse(input);
