import type { EventPayloadOf, HostEvent, HostEventName } from '../../app/host/events';
import { Emitter, type Event } from '../../app/shared/event';

/**
 * Where services publish events for the renderer. Each transport (Electron window, WebSocket clients)
 * subscribes once and forwards every event it hears; one broken transport cannot stop the others hearing it.
 */
export class HostEventBus {
  private readonly events = new Emitter<HostEvent>('host events');

  emit<E extends HostEventName>(name: E, payload: EventPayloadOf<E>): void {
    this.events.fire({ name, payload } as HostEvent);
  }

  readonly subscribe: Event<HostEvent> = this.events.event;
}
