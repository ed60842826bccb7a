import { channels, type ChannelName, type ReplyOf, type RequestOf } from '../../app/host/channels';
import { describeSchemaError } from '../../app/shared/describeSchemaError';
import { hostEvents, isHostEventName, type EventPayloadOf, type HostEventName } from '../../app/host/events';
import { fail, resultEnvelopeSchema, type Result } from '../../app/host/result';
import type { HostConnectionState, HostTransport } from './HostTransport';
import { InFlightCalls } from './InFlightCalls';

/**
 * The renderer's only way to the host. Typed by the contract, and it parses every reply and event it
 * receives: the host is another process, so what arrives is data to check, not a promise kept.
 */
export class HostClient {
  private readonly inFlight: InFlightCalls;

  /** `callTimeoutMs`: how long any call may wait for its reply, whatever the transport (default `defaultCallTimeoutMs`). */
  constructor(
    private readonly transport: HostTransport,
    options: { readonly callTimeoutMs?: number } = {},
  ) {
    this.inFlight = new InFlightCalls(options.callTimeoutMs);
  }

  /** Never hangs and never rejects: a reply, or a failure envelope (`timeout`, `host_unreachable` once closed, …). */
  async call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ReplyOf<C>>> {
    const raw = await this.inFlight.track(channel, this.transport.call(channel, request));
    const envelope = resultEnvelopeSchema.safeParse(raw);
    if (!envelope.success) return fail('invalid_reply', `${channel}: the host's reply is not a result envelope`);
    if (!envelope.data.ok) return envelope.data;
    const value = channels[channel].reply.safeParse(envelope.data.value);
    if (!value.success) return fail('invalid_reply', `${channel}: ${describeSchemaError(value.error)}`);
    return { ok: true, value: value.data as ReplyOf<C> };
  }

  on<E extends HostEventName>(name: E, listener: (payload: EventPayloadOf<E>) => void): () => void {
    return this.transport.onEvent((eventName, payload) => {
      if (eventName !== name || !isHostEventName(eventName)) return;
      const parsed = hostEvents[name].safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayloadOf<E>);
      else console.warn(`[booth] dropped an invalid ${name} event: ${describeSchemaError(parsed.error)}`);
    });
  }

  onConnection(listener: (state: HostConnectionState) => void): () => void {
    return this.transport.onConnection(listener);
  }

  /** Ends the connection (the page is going away): calls still waiting are answered host_unreachable now. */
  close(): void {
    this.inFlight.closeAll('the booth window closed its connection to the host before the reply came');
    this.transport.close();
  }
}
