import { z } from 'zod';
import { chipReportSchema } from '../ports/chipReport';
import { documentReadSchema } from '../ports/documentRead';
import { vehiclePlateSchema } from '../ports/plateRead';
import { rfidCardReadSchema } from '../ports/rfidRead';
import { laneTypeSchema } from '../settings/boothSettings';
import { laneDirectionSchema } from '../settings/laneDirection';
import { sessionRecordsSchema } from './sessionRecordsSchema';

/** The most card reads one session holds: far more than a vehicle's occupants (more means a faulty reader). */
export const maxSessionCards = 32;
/** The most documents one session holds (a full van); further reads are not added to it. */
export const maxSessionDocuments = 16;

/**
 * What the host knows of the vehicle (or traveller) at the lane: the device reads and the records lookups.
 * The renderer adds what only it has (faces seen and their comparisons) and assembles the occupant roster
 * with `assembleVehicleSession`. Sent whole on every change, so a renderer that reconnects is never behind.
 */
export const laneSessionSchema = z.object({
  sessionId: z.string().min(1).max(100),
  laneId: z.string().min(1).max(50),
  laneType: laneTypeSchema,
  /** The lane's direction (booth setting): the rules, and what a decision records, depend on it. */
  direction: laneDirectionSchema,
  arrivedAt: z.iso.datetime({ offset: true }),
  plate: vehiclePlateSchema.optional(),
  rfidCards: z.array(rfidCardReadSchema).max(maxSessionCards),
  documents: z.array(z.object({ read: documentReadSchema, chip: chipReportSchema.optional() })).max(maxSessionDocuments),
  records: sessionRecordsSchema,
  /** Lookups still in flight: the view says "checking records" instead of "no record". */
  recordsPending: z.boolean(),
});
export type LaneSession = z.infer<typeof laneSessionSchema>;
