import { z } from 'zod';
import { imageSchema } from './documentRead';

/**
 * Plate text as a lane LPR camera reports it, normalised at the boundary: upper case, and the spaces and
 * dashes that camera vendors disagree on removed ("BTH-4821", "bth 4821" -> "BTH4821").
 */
export const plateTextSchema = z
  .string()
  .max(32)
  .transform((text) => text.toUpperCase().replace(/[\s\-.·]/g, ''))
  .pipe(z.string().min(1, 'the plate text is empty').max(12, 'a plate has at most 12 characters').regex(/^[A-Z0-9]+$/, 'a plate may hold only letters and digits'));

/** What a lane camera sends for one read (HTTP body or TCP line): the wire format, before the booth adds ids. */
export const plateReadInputSchema = z.object({
  plate: plateTextSchema,
  /** Issuing region: ISO 3166-2 style ("US-WA", "CA-BC") or whatever short code the camera uses. */
  region: z.string().trim().toUpperCase().max(16).regex(/^[A-Z0-9-]*$/, 'a region code may hold only letters, digits and -'),
  /** The camera's OCR confidence, 0..1. */
  confidence: z.number().min(0).max(1),
  timestamp: z.iso.datetime({ offset: true }),
  laneId: z.string().trim().min(1).max(50).regex(/^[A-Za-z0-9_.-]+$/, 'a lane id may hold only letters, digits, _ . -'),
  plateImage: imageSchema.optional(),
  sceneImage: imageSchema.optional(),
});
export type PlateReadInput = z.infer<typeof plateReadInputSchema>;

/** One plate read as the booth keeps it: the parsed input plus who delivered it. */
export const plateReadSchema = plateReadInputSchema.extend({
  readId: z.string().min(1).max(100),
  readerId: z.string().min(1).max(100),
  source: z.enum(['http', 'tcp', 'simulated']),
});
export type PlateRead = z.infer<typeof plateReadSchema>;

/**
 * One vehicle's plate: every read of the same vehicle (same lane, near-identical text, close in time)
 * merged, with the best read kept. Emitted again whenever a later read improves on the best.
 */
export const vehiclePlateSchema = z.object({
  /** Stable for the vehicle while its reads keep merging. */
  vehicleId: z.string().min(1).max(100),
  laneId: z.string().min(1).max(50),
  best: plateReadSchema,
  readCount: z.number().int().positive(),
  firstReadAt: z.iso.datetime({ offset: true }),
  lastReadAt: z.iso.datetime({ offset: true }),
  /** Other texts read for this vehicle (OCR variants), most confident first; the officer sees them when they differ. */
  alternatives: z.array(z.object({ plate: z.string(), confidence: z.number() })).max(20),
});
export type VehiclePlate = z.infer<typeof vehiclePlateSchema>;
