/**
 * The one event primitive (modelled on VS Code's `Emitter`/`Event`, src/vs/base/common/event.ts): a class
 * owns an `Emitter`, fires it, and exposes only its `event`, to which anyone subscribes.
 *
 * - Subscribing returns a `Subscription`: dispose it (or call it, like the `Unsubscribe` functions of the
 *   ports) to stop listening; disposing twice is harmless.
 * - A listener that throws cannot stop the others (nor the code that fired): its error goes to one hook,
 *   `setListenerErrorHandler`, which by default logs it.
 */

export interface Disposable {
  dispose(): void;
}

/** A subscription: a disposable that can also be called, so it serves wherever an `Unsubscribe` function is expected. */
export interface Subscription extends Disposable {
  (): void;
}

/** Subscribe to an event: the listener hears every value fired until the subscription is disposed. */
export type Event<T> = (listener: (value: T) => void) => Subscription;

type ListenerErrorHandler = (error: unknown, emitterName: string) => void;

interface Logger {
  error(...values: unknown[]): void;
}

// Every JavaScript runtime has a console; app/ compiles without DOM or Node types, so it is typed here.
const defaultHandler: ListenerErrorHandler = (error, emitterName) => (globalThis as { console?: Logger }).console?.error(`[booth] a listener of ${emitterName} failed:`, error);
let listenerErrorHandler = defaultHandler;

/** Where errors thrown by listeners go (tests capture them; the default logs them). Returns the previous handler's restorer. */
export function setListenerErrorHandler(handler: ListenerErrorHandler | undefined): () => void {
  const previous = listenerErrorHandler;
  listenerErrorHandler = handler ?? defaultHandler;
  return () => {
    listenerErrorHandler = previous;
  };
}

/** A subscription that does nothing (an event that never fires, an emitter already disposed). */
export function noSubscription(): Subscription {
  return Object.assign(() => {}, { dispose: () => {} });
}

export class Emitter<T> {
  // One entry per subscription, so subscribing the same function twice needs two disposals.
  private readonly listeners = new Set<{ readonly listener: (value: T) => void }>();
  private disposed = false;

  /** `name` appears in the message when one of its listeners fails. */
  constructor(private readonly name = 'an event') {}

  readonly event: Event<T> = (listener) => {
    if (this.disposed) return noSubscription();
    const entry = { listener };
    this.listeners.add(entry);
    const dispose = () => {
      this.listeners.delete(entry);
    };
    return Object.assign(dispose, { dispose });
  };

  /** Tells every listener, in subscription order; a listener's error is reported, never thrown. */
  fire(value: T): void {
    for (const { listener } of this.listeners) {
      try {
        listener(value);
      } catch (error) {
        listenerErrorHandler(error, this.name);
      }
    }
  }

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  /** Drops every listener; later subscriptions do nothing. Idempotent. */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
