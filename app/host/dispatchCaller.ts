/**
 * How a call reached the host: `window` is a booth window's own connection (an Electron window over IPC, a page's
 * WebSocket session), `http` a request to the HTTP API (scripts, support tools, a trainer's console), `in-process`
 * code running inside the host process itself (tests, benchmarks).
 */
export type CallerTransport = 'window' | 'http' | 'in-process';

/**
 * Who is calling, as the transport knows it: one id per connection (a WebSocket session, an Electron window, an HTTP
 * API session), the key sign-ins are kept by and audit entries name. Not an identity to trust on its own.
 */
export interface DispatchCaller {
  readonly client: string;
  /** Required, so a new transport cannot forget to say what it is (in-process calls are trusted as the host's own). */
  readonly transport: CallerTransport;
  /**
   * What the sign-in throttle counts this caller's failures by, when it is not `client`: every HTTP request that has
   * no session yet is a new client, so they all count as one (a guesser gains nothing by dropping the session).
   */
  readonly throttleClient?: string;
}

/**
 * The host's own code calling its contract (the scenario player's tests, benchmarks, fuzzing): trusted as the host.
 * Named at each call, never a default: a transport that forgot its caller must not be taken for the host.
 */
export const inProcessCaller: DispatchCaller = { client: 'in-process', transport: 'in-process' };
