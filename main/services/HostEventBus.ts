import type { EventPayloadOf, HostEvent, HostEventName } from '../../app/host/events';
import type { Unsubscribe } from '../../app/ports/DevicePort';

/**
 * Where services publish events for the renderer. Each transport (Electron window, WebSocket clients)
 * subscribes once and forwards every event it hears.
 */
export class HostEventBus {
  private readonly listeners = new Set<(event: HostEvent) => void>();

  emit<E extends HostEventName>(name: E, payload: EventPayloadOf<E>): void {
    const event = { name, payload } as HostEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        // One broken transport must not stop the others from hearing the event.
        console.error(`[booth] an event listener failed on ${name}:`, error);
      }
    }
  }

  subscribe(listener: (event: HostEvent) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
