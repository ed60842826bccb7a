import { z } from 'zod';
import { inputLimits } from '../shared/inputLimits';
import { resultEnvelopeSchema } from './result';

/**
 * Frames of the WebSocket transport. The Electron transport needs none: ipcRenderer.invoke already pairs
 * requests with replies. Both ends parse every frame they receive.
 */
export const callFrameSchema = z.object({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string().min(1).max(inputLimits.host.maxChannelNameCharacters),
  payload: z.unknown(),
});
export type CallFrame = z.infer<typeof callFrameSchema>;

export const replyFrameSchema = z.object({
  kind: z.literal('reply'),
  /** null when the incoming frame was too malformed to carry an id. */
  id: z.number().int().nonnegative().nullable(),
  result: resultEnvelopeSchema,
});
export type ReplyFrame = z.infer<typeof replyFrameSchema>;

export const eventFrameSchema = z.object({
  kind: z.literal('event'),
  name: z.string().min(1).max(100),
  payload: z.unknown(),
});
export type EventFrame = z.infer<typeof eventFrameSchema>;

export const serverFrameSchema = z.discriminatedUnion('kind', [replyFrameSchema, eventFrameSchema]);
