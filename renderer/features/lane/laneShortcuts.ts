import type { LaneActions } from './laneActions';

type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

/** A key of the lane view; the shortcut bar shows them all. */
export interface LaneShortcut {
  readonly keys: string;
  readonly label: string;
  readonly simulationOnly: boolean;
  /** Only in vehicle lanes (whole-vehicle decisions, simulated vehicles). */
  readonly vehicleOnly?: boolean;
  /** Only while a reason is being picked (digits and Esc), or only while none is. */
  readonly when: 'picking_reason' | 'deciding';
  matches(event: KeyPress): boolean;
  run(actions: LaneActions, event: KeyPress): void | Promise<void>;
}

const plain = (event: KeyPress) => !event.altKey && !event.ctrlKey && !event.metaKey;

/*
 * Not the letters a document number or MRZ line starts with (P, I, A, C, V): a keyboard-wedge reader types
 * them, and its first key reaches the page before the scan is recognised. Enter is the conventional "accept".
 */
export const laneShortcuts: readonly LaneShortcut[] = [
  { keys: 'Enter', label: 'Clear traveller', simulationOnly: false, when: 'deciding', matches: (e) => plain(e) && !e.shiftKey && e.key === 'Enter', run: (a) => a.decideSelected('clear') },
  { keys: 'F', label: 'Refer traveller', simulationOnly: false, when: 'deciding', matches: (e) => plain(e) && !e.shiftKey && e.key.toLowerCase() === 'f', run: (a) => a.decideSelected('refer') },
  { keys: 'Shift+Enter', label: 'Clear whole vehicle', simulationOnly: false, vehicleOnly: true, when: 'deciding', matches: (e) => plain(e) && e.shiftKey && e.key === 'Enter', run: (a) => a.decideVehicle('clear') },
  { keys: 'Shift+F', label: 'Refer whole vehicle', simulationOnly: false, vehicleOnly: true, when: 'deciding', matches: (e) => plain(e) && e.shiftKey && e.key.toLowerCase() === 'f', run: (a) => a.decideVehicle('refer') },
  { keys: '← →', label: 'Select occupant', simulationOnly: false, vehicleOnly: true, when: 'deciding', matches: (e) => plain(e) && (e.key === 'ArrowLeft' || e.key === 'ArrowRight'), run: (a, e) => a.selectOccupant(e.key === 'ArrowLeft' ? -1 : 1) },
  { keys: 'O', label: 'Photography opt-out', simulationOnly: false, when: 'deciding', matches: (e) => plain(e) && !e.shiftKey && e.key.toLowerCase() === 'o', run: (a) => a.declareOptOut() },
  { keys: 'G', label: 'Next simulated vehicle', simulationOnly: true, vehicleOnly: true, when: 'deciding', matches: (e) => plain(e) && !e.shiftKey && e.key.toLowerCase() === 'g', run: (a) => a.nextSimulatedVehicle() },
  { keys: '1–6', label: 'Pick reason', simulationOnly: false, when: 'picking_reason', matches: (e) => plain(e) && /^Digit[1-6]$/.test(e.code), run: (a, e) => a.pickReason(Number(e.code.slice(5))) },
  { keys: 'Esc', label: 'Cancel', simulationOnly: false, when: 'picking_reason', matches: (e) => e.key === 'Escape', run: (a) => a.cancelReason() },
];

/** The lane keys offered in this situation (the shortcut bar shows exactly these). */
export function offeredLaneShortcuts(simulation: boolean, pickingReason: boolean, vehicleLane: boolean): readonly LaneShortcut[] {
  const mode = pickingReason ? 'picking_reason' : 'deciding';
  return laneShortcuts.filter((s) => s.when === mode && (simulation || !s.simulationOnly) && (vehicleLane || !s.vehicleOnly));
}

export function findLaneShortcut(event: KeyPress & { readonly targetIsEditable: boolean }, simulation: boolean, pickingReason: boolean, vehicleLane = true): LaneShortcut | undefined {
  if (event.targetIsEditable) return undefined;
  return offeredLaneShortcuts(simulation, pickingReason, vehicleLane).find((s) => s.matches(event));
}
