import { z } from 'zod';

/**
 * `sim:exitArrives`: a scripted departure. `occupants` are indexes into the records simulator's scripted exit
 * travellers (driver first; default: an overstayer, one who never entered, a U.S. citizen, one on time);
 * `vehicle` picks the scripted vehicle whose plate is read (vehicle lanes).
 */
export const simulatedExitArrivalSchema = z.strictObject({
  vehicle: z.number().int().min(0).max(99).optional(),
  occupants: z.array(z.number().int().min(0).max(99)).min(1).max(8).optional(),
});
export type SimulatedExitArrival = z.infer<typeof simulatedExitArrivalSchema>;
