import { channelNames, channels, isChannelName, type ChannelName, type ReplyOf } from './channels';
import type { z } from 'zod';
import { describeSchemaError } from '../shared/describeSchemaError';
import { fail, HostFailure, ok, type Result } from './result';
import { accessRefusal, channelAccess, type ChannelAccess, type HostAuditEvent } from './channelAccess';
import type { DispatchCaller } from './dispatchCaller';
import type { SignedInUser } from './signedInUser';

/** The host side of every channel: it receives the request already parsed by the channel's schema, and who called. */
export type ChannelHandlers = {
  readonly [C in ChannelName]: (request: z.output<(typeof channels)[C]['request']>, caller: DispatchCaller) => Promise<ReplyOf<C>> | ReplyOf<C>;
};

/**
 * One service's slice of the contract: the handlers of the channels named `<prefix>:…` for each of `Prefix`
 * (VS Code's `ProxyChannel.fromService`: one module per area, each typed by its part of the contract).
 */
export type HandlersOf<Prefix extends string> = Pick<ChannelHandlers, Extract<ChannelName, `${Prefix}:${string}`>>;

type ChannelsHandledBy<Slice> = Slice extends object ? keyof Slice : never;
type NotHandled<Slices extends readonly object[]> = Exclude<ChannelName, ChannelsHandledBy<Slices[number]>>;

/**
 * The one place the services' slices become the whole contract: a channel left out fails to compile
 * (the error names it), a channel handled by two slices fails when the host starts.
 */
export function combineHandlers<const Slices extends readonly Partial<ChannelHandlers>[]>(
  ...slices: Slices & (NotHandled<Slices> extends never ? unknown : { readonly channelsWithoutHandler: NotHandled<Slices> })
): ChannelHandlers {
  const combined: Partial<Record<ChannelName, unknown>> = {};
  for (const slice of slices as readonly Partial<ChannelHandlers>[]) {
    for (const name of Object.keys(slice) as ChannelName[]) {
      if (combined[name]) throw new Error(`Two handlers for the channel ${name}.`);
      combined[name] = slice[name];
    }
  }
  const missing = channelNames.filter((name) => !combined[name]);
  if (missing.length > 0) throw new Error(`No handler for the channel(s) ${missing.join(', ')}.`);
  return combined as ChannelHandlers;
}

/** The single entry point all transports (ipcMain, WebSocket, HTTP) call with untrusted input, saying who called. */
export type Dispatch = (channel: unknown, payload: unknown, caller: DispatchCaller) => Promise<Result<unknown>>;

/** What dispatch asks the host before a handler runs, to apply the channel's access rule (channelAccess.ts). */
export interface CallerAccess {
  /** Who signed in on the caller's connection, if anyone. */
  userOf(caller: DispatchCaller): SignedInUser | undefined;
  /** Whether a training run is open (a trainee may not steer it). */
  trainingRunOpen(): boolean;
  /** Appends one entry to the host's audit log; resolves once it is on disk. */
  record(caller: DispatchCaller, user: SignedInUser | undefined, event: HostAuditEvent): Promise<unknown>;
}

/** What a channel's access rule says of one call: refused, or let through (and how to audit that acting on it failed). */
export type AccessAnswer = { readonly refused: HostFailure } | { readonly refused: null; readonly failed: (failure: HostFailure) => Promise<void> };

/**
 * Applies `channel`'s access rule to `caller`: the refusal (not_permitted, saying who may), or the call let through.
 * What the rule audits is on disk first: a call whose entry cannot be written is not acted on (this throws). A call
 * audited as let through whose handler then fails gets a second entry, `failed`: the log never shows as done a
 * control that did nothing (a simulator control on real devices, a document read with the reader unplugged).
 */
export async function checkAccess<C extends ChannelName>(channel: C, request: unknown, caller: DispatchCaller, access: CallerAccess): Promise<AccessAnswer> {
  const user = access.userOf(caller);
  const refusal = accessRefusal(channel, caller, user, access.trainingRunOpen());
  const audit = (channelAccess[channel] as ChannelAccess).audit;
  const audited = audit !== undefined && caller.transport !== 'in-process';
  const record = (outcome: HostAuditEvent['outcome'], reason?: string) =>
    access.record(caller, user, {
      action: audit!.action,
      channel,
      outcome,
      ...(reason !== undefined ? { reason } : {}),
      ...(audit!.details ? { details: audit!.details(request as never) } : {}),
    });
  if (refusal !== null) {
    if (audited) await record('refused', refusal);
    return { refused: new HostFailure('not_permitted', refusal) };
  }
  if (!audited || !audit.permitted) return { refused: null, failed: async () => undefined };
  await record('done');
  return {
    refused: null,
    failed: async (failure) => {
      await record('failed', failure.message).catch((error: unknown) => {
        throw new HostFailure(failure.code, `${failure.message} (its audit entry could not be written: ${error instanceof Error ? error.message : String(error)})`);
      });
    },
  };
}

const asFailure = (channel: ChannelName, error: unknown): HostFailure =>
  error instanceof HostFailure ? error : new HostFailure('handler_failed', `${channel} failed: ${error instanceof Error ? error.message : String(error)}`);

export function createDispatch(handlers: ChannelHandlers, access: CallerAccess): Dispatch {
  return async (channel, payload, caller) => {
    if (!isChannelName(channel)) return fail('unknown_channel', `No channel named ${JSON.stringify(channel)} in the host contract.`);
    const definition = channels[channel];
    const request = definition.request.safeParse(payload ?? {});
    if (!request.success) return fail('invalid_request', `Invalid request for ${channel}: ${describeSchemaError(request.error)}`);
    let reply: unknown;
    let answer: AccessAnswer;
    try {
      answer = await checkAccess(channel, request.data, caller, access);
    } catch (error) {
      const failure = asFailure(channel, error);
      return fail(failure.code, failure.message);
    }
    if (answer.refused) return fail(answer.refused.code, answer.refused.message);
    try {
      const handler = handlers[channel] as (request: unknown, caller: DispatchCaller) => unknown;
      reply = await handler(request.data, caller);
    } catch (error) {
      let failure = asFailure(channel, error);
      await answer.failed(failure).catch((unaudited: unknown) => void (failure = asFailure(channel, unaudited)));
      return fail(failure.code, failure.message);
    }
    // Checked on the way out too: a handler bug must surface here, not as a confusing renderer crash.
    const checked = definition.reply.safeParse(reply);
    if (!checked.success) return fail('invalid_reply', `The host produced an invalid reply for ${channel}: ${describeSchemaError(checked.error)}`);
    return ok(checked.data);
  };
}
