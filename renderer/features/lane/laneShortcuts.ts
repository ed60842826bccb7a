import { deviceKinds, type DeviceKind } from '../../../app/ports/deviceStatus';
import type { KeyPress } from '../shell/isEditable';
import type { LaneActions } from './laneActions';

/** Which lanes a key is offered in: every lane, vehicle lanes only, or the one-traveller lanes only. */
export type ShortcutLanes = 'all' | 'vehicle' | 'traveller';

/** A key of the lane screen; the shortcut bar shows exactly those offered. */
export interface LaneShortcut {
  /** As shown to the officer, e.g. "D" or "Alt+3". */
  readonly keys: string;
  readonly label: string;
  /** Only with simulated devices (trainer and test controls). */
  readonly simulationOnly: boolean;
  readonly lanes: ShortcutLanes;
  /** Only while a reason is being picked (digits and Esc), or only while none is. */
  readonly when: 'picking_reason' | 'deciding';
  matches(event: KeyPress): boolean;
  run(actions: LaneActions, event: KeyPress): void | Promise<void>;
}

const plain = (event: KeyPress) => !event.altKey && !event.ctrlKey && !event.metaKey;
const letter = (key: string) => (event: KeyPress) => plain(event) && !event.shiftKey && event.key.toLowerCase() === key;
/** The booth's own letters (read, chip, MRZ, camera) are taken with or without Shift, as they always were. */
const anyCase = (key: string) => (event: KeyPress) => plain(event) && event.key.toLowerCase() === key;

const deviceShortcut = (kind: DeviceKind, index: number): LaneShortcut => ({
  keys: `Alt+${index + 1}`,
  label: `Unplug / replug ${kind === 'recordsService' ? 'records service' : kind.replace(/([A-Z])/g, ' $1').toLowerCase()}`,
  simulationOnly: true,
  lanes: 'all',
  when: 'deciding',
  // event.code, not event.key: Alt+digit produces other characters on some layouts.
  matches: (event) => event.altKey && !event.ctrlKey && !event.metaKey && event.code === `Digit${index + 1}`,
  run: (actions) => actions.toggleSimulatedDevice(kind),
});

/*
 * Not the letters a document number or MRZ line starts with (P, I, A, C, V): a keyboard-wedge reader types
 * them, and its first key reaches the page before the scan is recognised. Enter is the conventional "accept".
 */
export const laneShortcuts: readonly LaneShortcut[] = [
  { keys: 'Enter', label: 'Clear traveller', simulationOnly: false, lanes: 'all', when: 'deciding', matches: (e) => plain(e) && !e.shiftKey && e.key === 'Enter', run: (a) => a.decideSelected('clear') },
  { keys: 'F', label: 'Refer traveller', simulationOnly: false, lanes: 'all', when: 'deciding', matches: letter('f'), run: (a) => a.decideSelected('refer') },
  { keys: 'Shift+Enter', label: 'Clear whole vehicle', simulationOnly: false, lanes: 'vehicle', when: 'deciding', matches: (e) => plain(e) && e.shiftKey && e.key === 'Enter', run: (a) => a.decideVehicle('clear') },
  { keys: 'Shift+F', label: 'Refer whole vehicle', simulationOnly: false, lanes: 'vehicle', when: 'deciding', matches: (e) => plain(e) && e.shiftKey && e.key.toLowerCase() === 'f', run: (a) => a.decideVehicle('refer') },
  { keys: '← →', label: 'Select occupant', simulationOnly: false, lanes: 'vehicle', when: 'deciding', matches: (e) => plain(e) && (e.key === 'ArrowLeft' || e.key === 'ArrowRight'), run: (a, e) => a.selectOccupant(e.key === 'ArrowLeft' ? -1 : 1) },
  { keys: 'O', label: 'Photography opt-out', simulationOnly: false, lanes: 'all', when: 'deciding', matches: letter('o'), run: (a) => a.declareOptOut() },
  { keys: 'G', label: 'Next simulated vehicle', simulationOnly: true, lanes: 'vehicle', when: 'deciding', matches: letter('g'), run: (a) => a.nextSimulatedVehicle() },
  { keys: 'D', label: 'Read document', simulationOnly: true, lanes: 'all', when: 'deciding', matches: anyCase('d'), run: (a) => a.readSimulatedDocument() },
  // Not C: MRZ lines may start with C, and a keyboard-wedge reader types them into this window.
  { keys: 'H', label: 'Read chip again', simulationOnly: false, lanes: 'all', when: 'deciding', matches: anyCase('h'), run: (a) => a.readChipAgain() },
  { keys: 'M', label: 'Show raw MRZ', simulationOnly: false, lanes: 'all', when: 'deciding', matches: anyCase('m'), run: (a) => a.toggleRawMrz() },
  { keys: 'N', label: 'Next camera', simulationOnly: false, lanes: 'traveller', when: 'deciding', matches: anyCase('n'), run: (a) => a.nextCamera() },
  { keys: 'R', label: 'Retry camera', simulationOnly: false, lanes: 'traveller', when: 'deciding', matches: anyCase('r'), run: (a) => a.retryCamera() },
  { keys: 'Esc', label: 'Clear traveller from screen', simulationOnly: false, lanes: 'traveller', when: 'deciding', matches: (e) => e.key === 'Escape', run: (a) => a.dismissTraveller() },
  ...deviceKinds.map(deviceShortcut),
  { keys: '1–6', label: 'Pick reason', simulationOnly: false, lanes: 'all', when: 'picking_reason', matches: (e) => plain(e) && /^Digit[1-6]$/.test(e.code), run: (a, e) => a.pickReason(Number(e.code.slice(5))) },
  { keys: 'Esc', label: 'Cancel', simulationOnly: false, lanes: 'all', when: 'picking_reason', matches: (e) => e.key === 'Escape', run: (a) => a.cancelReason() },
];

/** The keys offered in this situation (the shortcut bar shows exactly these). */
export function offeredLaneShortcuts(simulation: boolean, pickingReason: boolean, vehicleLane: boolean): readonly LaneShortcut[] {
  const mode = pickingReason ? 'picking_reason' : 'deciding';
  const lane: ShortcutLanes = vehicleLane ? 'vehicle' : 'traveller';
  return laneShortcuts.filter((s) => s.when === mode && (simulation || !s.simulationOnly) && (s.lanes === 'all' || s.lanes === lane));
}

/** The shortcut for a key press, or undefined. Typing in a form field is never a shortcut, except Esc. */
export function findLaneShortcut(event: KeyPress & { readonly targetIsEditable: boolean }, simulation: boolean, pickingReason: boolean, vehicleLane = true): LaneShortcut | undefined {
  if (event.targetIsEditable && event.key !== 'Escape') return undefined;
  return offeredLaneShortcuts(simulation, pickingReason, vehicleLane).find((s) => s.matches(event));
}

/**
 * Whether a key could run one of the lane screen's shortcuts, in any situation. The keyboard-wedge reader lets
 * a late key into a scan only when it cannot be one, so an officer's quick Enter right after a scan is a
 * decision, not a lost key.
 */
export function mayRunLaneShortcut(event: KeyPress): boolean {
  return laneShortcuts.some((shortcut) => shortcut.matches(event));
}
