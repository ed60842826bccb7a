import type { KeyPress } from '../../shell/isEditable';
import type { ShownShortcut } from '../../shell/ShortcutBar';

/** What the exit lane's keys do (exitActions.ts). */
export interface ExitActions {
  /** Records every confirmable departure (and the officer's choices) of the occupants on screen. */
  confirm(): Promise<void>;
  selectOccupant(step: 1 | -1): void;
  /** The selected occupant declines photography (the policy decides whether they may). */
  declareOptOut(): void;
  /** The selected occupant's search was ambiguous: the officer picks look-alike candidate `number` (1-based). */
  pickCandidate(number: number): void;
  /** The selected occupant's search was ambiguous: none of the look-alikes is the traveller. */
  noneOfTheCandidates(): void;
  /** Takes back the officer's choices on the selected occupant (pick, "none of them", opt-out) while nothing is confirmed. */
  undoChoice(): void;
  /** Simulation: the next scripted departure. */
  nextSimulatedDeparture(): Promise<void>;
}

/** A key of the exit lane; the shortcut bar shows exactly those offered. */
export interface ExitShortcut extends ShownShortcut {
  matches(event: KeyPress): boolean;
  run(actions: ExitActions, event: KeyPress): void | Promise<void>;
}

const plain = (event: KeyPress) => !event.altKey && !event.ctrlKey && !event.metaKey;
const letter = (key: string) => (event: KeyPress) => plain(event) && !event.shiftKey && event.key.toLowerCase() === key;

/*
 * The entry lane's letters where the act is the same (O: photography opt-out, G: next simulated arrival, arrows:
 * select), and none a document number or MRZ line starts with (P, I, A, C, V), as there.
 */
export const exitShortcuts: readonly ExitShortcut[] = [
  // Enter (and Shift+Enter, the whole-vehicle key of an entry lane) confirms every confirmable departure at once.
  { keys: 'Enter', label: 'Confirm departures', simulationOnly: false, matches: (e) => plain(e) && e.key === 'Enter', run: (a) => a.confirm() },
  { keys: '← →', label: 'Select occupant', simulationOnly: false, matches: (e) => plain(e) && (e.key === 'ArrowLeft' || e.key === 'ArrowRight'), run: (a, e) => a.selectOccupant(e.key === 'ArrowLeft' ? -1 : 1) },
  { keys: 'O', label: 'Photography opt-out', simulationOnly: false, matches: letter('o'), run: (a) => a.declareOptOut() },
  { keys: '1–9', label: 'Pick look-alike candidate', simulationOnly: false, matches: (e) => plain(e) && /^Digit[1-9]$/.test(e.code), run: (a, e) => a.pickCandidate(Number(e.code.slice(5))) },
  { keys: 'X', label: 'None of the look-alikes: inspect', simulationOnly: false, matches: letter('x'), run: (a) => a.noneOfTheCandidates() },
  { keys: 'Backspace', label: 'Undo choice (before confirming)', simulationOnly: false, matches: (e) => plain(e) && e.key === 'Backspace', run: (a) => a.undoChoice() },
  { keys: 'G', label: 'Next simulated departure', simulationOnly: true, matches: letter('g'), run: (a) => a.nextSimulatedDeparture() },
];

/** The keys offered (the shortcut bar shows exactly these). */
export function offeredExitShortcuts(simulation: boolean): readonly ExitShortcut[] {
  return exitShortcuts.filter((s) => simulation || !s.simulationOnly);
}

/** The shortcut for a key press, or undefined. Typing in a form field is never a shortcut. */
export function findExitShortcut(event: KeyPress & { readonly targetIsEditable: boolean }, simulation: boolean): ExitShortcut | undefined {
  if (event.targetIsEditable) return undefined;
  return offeredExitShortcuts(simulation).find((s) => s.matches(event));
}

/** Whether a key could run one of the exit lane's shortcuts (the keyboard-wedge reader lets such a key through). */
export function mayRunExitShortcut(event: KeyPress): boolean {
  return exitShortcuts.some((shortcut) => shortcut.matches(event));
}
