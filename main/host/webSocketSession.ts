import type { WebSocket } from 'ws';
import type { Dispatch } from '../../app/host/dispatch';
import type { DispatchCaller } from '../../app/host/dispatchCaller';
import { describeSchemaError } from '../../app/shared/describeSchemaError';
import { fail } from '../../app/host/result';
import { callFrameSchema, type EventFrame, type ReplyFrame } from '../../app/host/wire';
import type { HostEventBus } from '../services/HostEventBus';

// Never reused while the process lives: a new connection never inherits a closed one's sign-in.
let sessions = 0;

/**
 * One renderer connected over WebSocket: every incoming frame is parsed before it reaches dispatch, and a
 * malformed frame gets an error reply naming what was wrong, without closing the connection. When the connection
 * ends, `closed` is told (the host forgets who signed in on it).
 */
export function serveWebSocketSession(socket: WebSocket, dispatch: Dispatch, events: HostEventBus, closed: (caller: DispatchCaller) => void = () => undefined): void {
  const caller: DispatchCaller = { client: `websocket-${++sessions}`, transport: 'window' };
  const send = (frame: ReplyFrame | EventFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };

  const unsubscribe = events.subscribe((event) => send({ kind: 'event', name: event.name, payload: event.payload }));
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    unsubscribe();
    closed(caller);
  };
  socket.on('close', end);
  socket.on('error', end);

  socket.on('message', async (data, isBinary) => {
    if (isBinary) {
      send({ kind: 'reply', id: null, result: fail('invalid_request', 'Frames must be JSON text, not binary.') });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      send({ kind: 'reply', id: null, result: fail('invalid_request', 'The frame is not valid JSON.') });
      return;
    }
    const frame = callFrameSchema.safeParse(json);
    if (!frame.success) {
      const id = typeof (json as { id?: unknown })?.id === 'number' ? (json as { id: number }).id : null;
      send({ kind: 'reply', id: id !== null && Number.isInteger(id) && id >= 0 ? id : null, result: fail('invalid_request', `Invalid call frame: ${describeSchemaError(frame.error)}`) });
      return;
    }
    const result = await dispatch(frame.data.channel, frame.data.payload, caller);
    // A sign-in answered after the connection ended is forgotten too: nobody can use it.
    if (ended) return closed(caller);
    send({ kind: 'reply', id: frame.data.id, result });
  });
}
