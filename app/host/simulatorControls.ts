import { imageSchema } from '../ports/documentRead';
import { z } from 'zod';
import { seatSchema } from '../scene/vehicleApproach';

/** Faults a trainer can give the simulated passports' chips, for the next passports placed on the reader. */
export const simulatedChipFaultsSchema = z
  .object({
    /** Files copied from a genuine chip with the wrong AA/CA keys: Active and Chip Authentication fail. */
    clone: z.boolean().default(false),
    /** Data groups changed after signing: their hashes no longer match the SOD. */
    alteredDataGroups: z.array(z.number().int().min(1).max(16)).max(16).default([]),
    /** 'forged': the SOD's signature is broken; 'missing': the chip has no EF.SOD; 'untrusted': re-signed by a Document Signer outside the trust list. */
    sod: z.enum(['valid', 'forged', 'missing', 'untrusted']).default('valid'),
  })
  .strict();
export type SimulatedChipFaults = z.output<typeof simulatedChipFaultsSchema>;

/** One person in a simulated vehicle: whose papers they carry, and what the cameras and records show. */
export const simulatedOccupantSchema = z
  .object({
    /** Index of the scripted traveller whose document, card and record this occupant has. */
    traveller: z.number().int().min(0).max(99),
    /** The face the cameras see; an impostor's differs from the document's. Default: the dataset face, if any. */
    face: imageSchema.optional(),
    /** The portrait printed on the document and stored on its chip. */
    documentPhoto: imageSchema.optional(),
    /** Gallery photos the records service holds for the traveller. */
    gallery: z.array(imageSchema).max(4).optional(),
    /** Whether the occupant hands a document over at the window (cards alone otherwise). */
    showsDocument: z.boolean().default(true),
    /** Where they sit (default: the next seat, front row first). */
    seat: seatSchema.optional(),
    /** Sits behind a headrest for the whole approach: no camera sees their face. */
    hiddenFromCameras: z.boolean().optional(),
  })
  .strict();
export type SimulatedOccupant = z.output<typeof simulatedOccupantSchema>;

/** A trainer's (or test's) vehicle: the scripted one at `vehicle`, optionally with other occupants. */
export const simulatedVehicleArrivalSchema = z
  .object({
    vehicle: z.number().int().min(0).max(99).optional(),
    occupants: z.array(simulatedOccupantSchema).min(1).max(5).optional(),
    /**
     * Seconds from entering the cameras' view to the stop line (default ~2 s, from the vehicle's seed). A slow
     * approach gives the booth frames of a moving car however busy the machine (a fast one is over before a
     * loaded machine has processed a frame).
     */
    approachSeconds: z.number().positive().max(20).optional(),
  })
  .strict();
export type SimulatedVehicleArrival = z.output<typeof simulatedVehicleArrivalSchema>;
