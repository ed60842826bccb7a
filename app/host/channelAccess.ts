import type { z } from 'zod';
import type { ChannelName, channels } from './channels';
import type { CallerTransport } from './dispatchCaller';
import { simulatorRefusal, type SimulatorChannel } from './simulatorAccess';
import type { SignedInUser, UserRole } from './signedInUser';

type RequestOf<C extends ChannelName> = z.output<(typeof channels)[C]['request']>;

/** What the host audits of a call (host-audit.jsonl): which, what came of it, what was asked. */
export interface HostAuditEvent {
  /** `simulator_control`: a sim:* call; `model_load_failed`: a vision worker's report; `storage_key_refused`: the storage key asked for from outside a booth window. */
  readonly action: 'simulator_control' | 'model_load_failed' | 'storage_key_refused';
  readonly channel: string;
  /**
   * `done`: let through, before it is acted on; `failed`: acting on it then failed (`reason`); `refused`: not acted on;
   * `joined`: the same request was already being acted on for another caller, who shares its outcome (not acted on twice).
   */
  readonly outcome: 'done' | 'failed' | 'refused' | 'joined';
  readonly reason?: string;
  readonly details?: Readonly<Record<string, string | boolean | number>>;
}

/**
 * Who may call one channel, checked by dispatch before its handler runs (so a handler cannot forget it). In-process
 * calls are the host's own code and pass every rule, unaudited.
 */
export interface ChannelAccess<C extends ChannelName = ChannelName> {
  /** Only a booth window's own connection (Electron IPC, the page's WebSocket) may call; any other is told this. */
  readonly windowOnly?: string;
  /** Who must be signed in on the calling connection: nobody, one of these roles, or the simulator controls' rules (simulatorAccess.ts). */
  readonly who: 'anyone' | readonly UserRole[] | 'simulatorRules';
  /** The channel's purpose as refusals name it ("The sign-in activity needs a signed-in supervisor"). */
  readonly what?: string;
  /** Audited in the host's log under `action`: every refusal, and with `permitted` every call let through too (before it is acted on). */
  readonly audit?: { readonly action: HostAuditEvent['action']; readonly permitted: boolean; readonly details?: (request: RequestOf<C>) => NonNullable<HostAuditEvent['details']> };
}

const anyone = { who: 'anyone' } as const;
const trainer = (what: string) => ({ who: ['trainer'], what }) as const;
const trainee = (what: string) => ({ who: ['officer', 'trainer'], what }) as const;
const simulatorControl = <C extends SimulatorChannel>(details?: (request: RequestOf<C>) => NonNullable<HostAuditEvent['details']>): ChannelAccess<C> => ({
  who: 'simulatorRules',
  audit: { action: 'simulator_control', permitted: true, ...(details ? { details } : {}) },
});

/**
 * Every channel's access rule, as data: a channel added to the contract without one fails to compile. Rules that
 * depend on what a call is about (a debrief only for its own trainee) stay with the handler.
 */
export const channelAccess: { readonly [C in ChannelName]: ChannelAccess<C> } = {
  'app:getInfo': anyone,
  'models:active': anyone,
  // A report moves the booth to an earlier model set and forgets the configured one: only the window's vision worker (the one that loads the set) reports it.
  'models:loadFailed': {
    windowOnly: "Only the booth window's vision worker reports that it could not load the face models; the HTTP API may not.",
    who: 'anyone',
    audit: { action: 'model_load_failed', permitted: false, details: ({ origin, message }) => ({ origin, message: message.slice(0, 500) }) },
  },
  'devices:list': anyone,
  'cameras:list': anyone,
  'cameras:scenes': anyone,
  'lane:current': anyone,
  'auth:signIn': anyone,
  'auth:signOut': anyone,
  // Which accounts exist, are being guessed at or are locked is the supervisors' to see, not any token holder's.
  'auth:signInActivity': { who: ['supervisor'], what: 'The sign-in activity' },
  'audit:anchor': anyone,
  // A scan typed into the lane screen: it opens a traveller session on the officer's screen, so no script or other
  // screen may inject one (a fabricated read would show as the document presented).
  'documents:wedgeRead': { ...trainee('A keyboard-wedge document read'), windowOnly: 'A keyboard-wedge scan comes only from the booth window it was typed into; the HTTP API may not hand one in.' },
  // The window's outbox sends the booth's decisions and departures to the records service, with nobody signed in too
  // (queued before a restart). Anything else sending one would put a record in the booth's name that no officer made.
  'decisions:sync': { windowOnly: "Only the booth window's outbox sends decisions and departures to the records service; the HTTP API may not.", who: 'anyone' },
  // The window opens its sealed store before anyone signs in (its offline queue syncs with nobody signed in).
  'storage:getKey': { windowOnly: "The storage key goes only to the booth's own window, never over the HTTP API.", who: 'anyone', audit: { action: 'storage_key_refused', permitted: false } },
  'chip:readAgain': anyone,
  'sim:setChipFaults': simulatorControl<'sim:setChipFaults'>((faults) => ({ clone: faults.clone, sod: faults.sod, alteredDataGroups: faults.alteredDataGroups.join(',') })),
  'sim:setDeviceConnected': simulatorControl<'sim:setDeviceConnected'>(({ kind, connected }) => ({ kind, connected })),
  'sim:readDocument': simulatorControl<'sim:readDocument'>(({ traveller, photo }) => ({ ...(traveller !== undefined ? { traveller } : {}), photo: photo !== undefined })),
  'sim:vehicleArrives': simulatorControl(),
  'exit:gallery': anyone,
  'sim:exitArrives': simulatorControl(),
  'training:list': trainer('The scenario list'),
  'training:progress': trainer("The scenario's progress and live score"),
  // Every window, signed in or not: whether its decisions are training ones.
  'training:run': anyone,
  'training:start': trainer('Starting a training scenario'),
  'training:stop': trainer('Stopping a training scenario'),
  'training:decided': trainee('A training decision'),
  'training:departed': trainee('A training departure'),
  'training:alerted': trainee('A training alert'),
  'training:debrief': trainee('A debrief'),
  'training:runs': trainer('The run history'),
};

/** Why `caller` (signed in as `user`, or nobody) may not call `channel` now (a sentence naming who may), or null when it may. */
export function accessRefusal(channel: ChannelName, caller: { readonly transport: CallerTransport }, user: SignedInUser | undefined, trainingRunOpen: boolean): string | null {
  if (caller.transport === 'in-process') return null;
  const rule: ChannelAccess = channelAccess[channel] as ChannelAccess;
  // An allow-list: a transport added later is refused until it is a booth window.
  if (rule.windowOnly !== undefined && caller.transport !== 'window') return rule.windowOnly;
  if (rule.who === 'anyone') return null;
  if (rule.who === 'simulatorRules') return simulatorRefusal(channel as SimulatorChannel, user?.role ?? null, trainingRunOpen);
  const what = rule.what ?? channel;
  if (!user) return `Sign in first: ${what} needs a signed-in ${rule.who.join(' or ')}.`;
  if (!rule.who.includes(user.role)) return `${what} is for the ${rule.who.join(' or ')} role; ${user.userId} is signed in as ${user.role}.`;
  return null;
}
