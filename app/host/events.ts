import { z } from 'zod';
import { deviceStatusSchema } from '../ports/deviceStatus';
import { cameraSceneSchema } from '../ports/cameraScene';
import { laneSessionSchema } from '../inspection/laneSession';
import { trainingRunStateSchema } from '../training/trainingProgress';

/** Events the host pushes to the renderer, with their payload schemas. Part of the contract, like `channels`. */
export const hostEvents = {
  /** A device connected, disconnected or changed its detail. */
  'devices:onStatus': deviceStatusSchema,
  /** A document reader's output did not become a read (partial, garbled, doubled, cut by an unplug): scan again. */
  'document:onReadError': z.object({
    readerId: z.string().max(100),
    code: z.enum(['partial_read', 'disconnected', 'garbage', 'line_length', 'line_count', 'line_order', 'duplicate_read']),
    message: z.string().max(1000),
  }),
  /**
   * The lane's current vehicle (or traveller) changed: a document read opened or joined it, its chip was read and
   * checked (or could not be: the report says why), or its records came back. The one event a read travels in.
   */
  'lane:onSession': laneSessionSchema,
  /** A simulated camera was shown other people (trainer scenario, simulated vehicle). */
  'camera:onScene': cameraSceneSchema,
  /**
   * The training scenario player moved (started, played a step, scored a decision, finished or was stopped): pushed to
   * every window with only whether a run is open (as training:run); a trainer's window fetches the rest (training:progress).
   */
  'training:onProgress': trainingRunStateSchema,
} as const;

export type HostEvents = typeof hostEvents;
export type HostEventName = keyof HostEvents;
export type EventPayloadOf<E extends HostEventName> = z.output<HostEvents[E]>;

export function isHostEventName(name: unknown): name is HostEventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(hostEvents, name);
}

/** One event as it travels; a discriminated union so a listener can narrow on `name`. */
export type HostEvent = { [E in HostEventName]: { readonly name: E; readonly payload: EventPayloadOf<E> } }[HostEventName];
