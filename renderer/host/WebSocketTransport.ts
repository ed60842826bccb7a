import { hostWebSocketProtocols } from '../../app/host/hostAccessToken';
import { fail } from '../../app/host/result';
import { serverFrameSchema, type CallFrame } from '../../app/host/wire';
import { accessCheckUrlFor, hostAccessRefusalMessages, hostRefusesToken, isHostAccessRefusal } from './hostAccessRefusal';
import type { HostConnectionState, HostTransport } from './HostTransport';
import { Emitter } from '../../app/shared/event';

interface PendingCall {
  readonly channel: string;
  readonly resolve: (result: unknown) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

export interface WebSocketTransportOptions {
  readonly url: string;
  /** The Node host's access token for this launch; offered at every (re)connection. Without it the host refuses the connection. */
  readonly accessToken: string | undefined;
  /** How long a call may wait for its reply (including waiting for a connection). */
  readonly callTimeoutMs?: number;
  /** Reconnect delays, tried in turn; the last one repeats. */
  readonly reconnectDelaysMs?: readonly number[];
}

/**
 * The transport for the Node host. It reconnects by itself, answers calls made while disconnected with
 * `host_unreachable` after the timeout instead of hanging, answers calls sent on a connection that drops (or
 * is closed) with `host_unreachable` at once, and drops frames that do not parse.
 * When a connection is refused it asks the host over HTTP why: a host that answers 401 `unauthorized` is up but
 * does not take this window's token (a window of an earlier start of the host, or one opened without the token),
 * which is told apart from "offline" (`stale_token`, `no_token`), and calls are answered at once with
 * `unauthorized` and what to do. It keeps retrying slowly, so a host that takes the token again is reached.
 */
export class WebSocketTransport implements HostTransport {
  private socket: WebSocket | undefined;
  private state: HostConnectionState = 'connecting';
  private nextId = 1;
  private attempt = 0;
  private closed = false;
  private readonly pending = new Map<number, PendingCall>();
  private readonly queued: CallFrame[] = [];
  private readonly hostEvents = new Emitter<{ readonly name: string; readonly payload: unknown }>('host events');
  private readonly connectionChanges = new Emitter<HostConnectionState>('host connection');

  constructor(private readonly options: WebSocketTransportOptions) {
    this.open();
  }

  call(channel: string, payload: unknown): Promise<unknown> {
    if (isHostAccessRefusal(this.state)) return Promise.resolve(this.refusedCall(channel, this.state));
    const id = this.nextId++;
    const frame: CallFrame = { kind: 'call', id, channel, payload };
    return new Promise((resolve) => {
      const timeoutMs = this.options.callTimeoutMs ?? 10_000;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        const index = this.queued.indexOf(frame);
        if (index >= 0) this.queued.splice(index, 1);
        if (isHostAccessRefusal(this.state)) resolve(this.refusedCall(channel, this.state));
        else resolve(this.state === 'online' ? fail('timeout', `${channel}: no reply within ${timeoutMs} ms`) : fail('host_unreachable', `${channel}: the booth host is not reachable`));
      }, timeoutMs);
      this.pending.set(id, { channel, resolve, timer });
      if (this.state === 'online' && this.socket) this.socket.send(JSON.stringify(frame));
      else this.queued.push(frame);
    });
  }

  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    return this.hostEvents.event(({ name, payload }) => listener(name, payload));
  }

  onConnection(listener: (state: HostConnectionState) => void): () => void {
    const subscription = this.connectionChanges.event(listener);
    listener(this.state);
    return subscription;
  }

  connection(): HostConnectionState {
    return this.state;
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
    this.settlePending(() => true, 'the connection to the booth host was closed before the reply came');
  }

  private open(): void {
    const { accessToken } = this.options;
    const socket = accessToken === undefined ? new WebSocket(this.options.url) : new WebSocket(this.options.url, hostWebSocketProtocols(accessToken));
    this.socket = socket;
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      this.attempt = 0;
      this.setState('online');
      for (const frame of this.queued.splice(0)) socket.send(JSON.stringify(frame));
    });
    socket.addEventListener('message', (message) => this.receive(message.data));
    // A refused or broken connection is followed by 'close', which schedules the reconnect.
    socket.addEventListener('error', () => undefined);
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      // An open connection that drops is the host going away (or restarting): offline until it answers again.
      if (opened || this.closed) this.setState('offline');
      // Calls sent on this connection are lost with it (the host answers on the connection it was asked on);
      // calls still queued wait for the next connection, within their timeout.
      if (opened) this.settlePending((id) => !this.queued.some((frame) => frame.id === id), 'the connection to the booth host dropped before the reply came');
      if (this.closed) return;
      if (opened) {
        this.reconnectLater();
        return;
      }
      // Never opened: refused, or nobody listening. The state stays as it was while the host is asked which.
      void this.whyRefused().then((state) => {
        if (this.closed || this.socket !== socket) return;
        this.setState(state);
        this.reconnectLater();
      });
    });
  }

  /** `stale_token` or `no_token` when the host is up and refuses this window's token, else `offline`. */
  private async whyRefused(): Promise<HostConnectionState> {
    const { accessToken, url } = this.options;
    const refused = await hostRefusesToken(accessCheckUrlFor(url), accessToken);
    if (!refused) return 'offline';
    return accessToken === undefined ? 'no_token' : 'stale_token';
  }

  private reconnectLater(): void {
    const delays = this.options.reconnectDelaysMs ?? [250, 500, 1000, 2000];
    const delay = delays[Math.min(this.attempt++, delays.length - 1)] ?? 1000;
    setTimeout(() => {
      if (!this.closed) this.open();
    }, delay);
  }

  private refusedCall(channel: string, state: 'stale_token' | 'no_token') {
    return fail('unauthorized', `${channel}: ${hostAccessRefusalMessages[state]}`);
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      console.warn('[booth] dropped a host frame that is not JSON');
      return;
    }
    const frame = serverFrameSchema.safeParse(json);
    if (!frame.success) {
      console.warn('[booth] dropped a malformed host frame');
      return;
    }
    if (frame.data.kind === 'event') {
      this.hostEvents.fire({ name: frame.data.name, payload: frame.data.payload });
      return;
    }
    if (frame.data.id === null) {
      console.warn('[booth] the host rejected a frame:', frame.data.result);
      return;
    }
    const pending = this.pending.get(frame.data.id);
    if (!pending) return;
    this.pending.delete(frame.data.id);
    clearTimeout(pending.timer);
    pending.resolve(frame.data.result);
  }

  /** Answers the waiting calls `which` picks with host_unreachable now, instead of after their timeout. */
  private settlePending(which: (id: number) => boolean, why: string): void {
    for (const [id, pending] of this.pending) {
      if (!which(id)) continue;
      this.pending.delete(id);
      clearTimeout(pending.timer);
      pending.resolve(fail('host_unreachable', `${pending.channel}: ${why}`));
    }
    if (this.closed) this.queued.splice(0);
  }

  private setState(state: HostConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    // Calls waiting for a connection this host refuses are answered now, with what to do, not after their timeout.
    if (isHostAccessRefusal(state)) {
      for (const frame of this.queued.splice(0)) {
        const pending = this.pending.get(frame.id);
        if (!pending) continue;
        this.pending.delete(frame.id);
        clearTimeout(pending.timer);
        pending.resolve(this.refusedCall(frame.channel, state));
      }
    }
    this.connectionChanges.fire(state);
  }
}
