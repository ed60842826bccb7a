import { z } from 'zod';

/**
 * Which way travellers cross at this lane: arriving (entry: papers handed over, face compared 1:1) or leaving
 * (exit: a departure recorded). A booth setting, shown in the header and carried by every session, decision,
 * audit entry and sync payload, so a record always says which crossing it is about.
 */
export const laneDirections = ['entry', 'exit'] as const;
export const laneDirectionSchema = z.enum(laneDirections);
export type LaneDirection = z.infer<typeof laneDirectionSchema>;
