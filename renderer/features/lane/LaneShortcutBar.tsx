import { boothShortcuts, type Shortcut } from '../booth/shortcuts';
import { offeredLaneShortcuts } from './laneShortcuts';

/** The booth shortcuts that apply in a vehicle lane: reading documents and chips, simulator controls. */
export const offeredInVehicleLane = (shortcut: Shortcut) => ['D', 'H', 'M'].includes(shortcut.keys) || shortcut.keys.startsWith('Alt+');

/** Every key of the lane view, always visible. */
export function LaneShortcutBar({ simulation, pickingReason }: { simulation: boolean; pickingReason: boolean }) {
  const lane = offeredLaneShortcuts(simulation, pickingReason, true);
  const booth = boothShortcuts.filter((s) => (simulation || !s.simulationOnly) && offeredInVehicleLane(s));
  return (
    <footer className="shortcut-bar" aria-label="Keyboard shortcuts" data-testid="lane-shortcuts">
      {[...lane, ...(pickingReason ? [] : booth)].map((shortcut) => (
        <span key={shortcut.keys} className={shortcut.simulationOnly ? 'shortcut simulation' : 'shortcut'}>
          <kbd>{shortcut.keys}</kbd> {shortcut.label}
        </span>
      ))}
    </footer>
  );
}
