import { deviceKinds, type DeviceKind } from '../../../app/ports/deviceStatus';
import type { BoothActions } from './boothActions';

/** A keyboard shortcut: every booth action has one, and the shortcut bar shows them all. */
export interface Shortcut {
  /** As shown to the officer, e.g. "D" or "Alt+3". */
  readonly keys: string;
  readonly label: string;
  /** Only with simulated devices (trainer and test controls). */
  readonly simulationOnly: boolean;
  matches(event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): boolean;
  run(actions: BoothActions): void | Promise<void>;
}

const plainKey = (key: string) => (event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>) =>
  !event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === key.toLowerCase();

const deviceShortcut = (kind: DeviceKind, index: number): Shortcut => ({
  keys: `Alt+${index + 1}`,
  label: `Unplug / replug ${kind === 'recordsService' ? 'records service' : kind.replace(/([A-Z])/g, ' $1').toLowerCase()}`,
  simulationOnly: true,
  // event.code, not event.key: Alt+digit produces other characters on some layouts.
  matches: (event) => event.altKey && !event.ctrlKey && !event.metaKey && event.code === `Digit${index + 1}`,
  run: (actions) => actions.toggleSimulatedDevice(kind),
});

export const boothShortcuts: readonly Shortcut[] = [
  { keys: 'D', label: 'Read document', simulationOnly: true, matches: plainKey('d'), run: (actions) => actions.readSimulatedDocument() },
  // Not C: MRZ lines may start with C, and a keyboard-wedge reader types them into this window.
  { keys: 'H', label: 'Read chip again', simulationOnly: false, matches: plainKey('h'), run: (actions) => actions.readChipAgain() },
  { keys: 'M', label: 'Show raw MRZ', simulationOnly: false, matches: plainKey('m'), run: (actions) => actions.toggleRawMrz() },
  { keys: 'N', label: 'Next camera', simulationOnly: false, matches: plainKey('n'), run: (actions) => actions.nextCamera() },
  { keys: 'R', label: 'Retry camera', simulationOnly: false, matches: plainKey('r'), run: (actions) => actions.retryCamera() },
  { keys: 'Esc', label: 'Clear traveller', simulationOnly: false, matches: plainKey('Escape'), run: (actions) => actions.clearTraveller() },
  ...deviceKinds.map(deviceShortcut),
];

/** The shortcut for a key press, or undefined. Typing in a form field is never taken as a shortcut. */
export function findShortcut(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'> & { readonly targetIsEditable: boolean },
  simulation: boolean,
  offered: (shortcut: Shortcut) => boolean = () => true,
): Shortcut | undefined {
  if (event.targetIsEditable && event.key !== 'Escape') return undefined;
  return boothShortcuts.find((shortcut) => (simulation || !shortcut.simulationOnly) && offered(shortcut) && shortcut.matches(event));
}
