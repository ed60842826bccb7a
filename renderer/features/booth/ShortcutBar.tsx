import { useBooth } from '../../state/StoreContext';
import { offeredLaneShortcuts } from '../lane/laneShortcuts';
import { boothShortcuts } from './shortcuts';

/** Every shortcut, always visible: the booth is driven from the keyboard. */
export function ShortcutBar({ simulation }: { simulation: boolean }) {
  const pickingReason = useBooth((state) => state.pendingReason !== null);
  const decisionKeys = offeredLaneShortcuts(simulation, pickingReason, false);
  const boothKeys = pickingReason ? [] : boothShortcuts.filter((shortcut) => simulation || !shortcut.simulationOnly);
  return (
    <footer className="shortcut-bar" aria-label="Keyboard shortcuts">
      {[...decisionKeys, ...boothKeys].map((shortcut) => (
        <span key={shortcut.keys} className={shortcut.simulationOnly ? 'shortcut simulation' : 'shortcut'}>
          <kbd>{shortcut.keys}</kbd> {shortcut.label}
        </span>
      ))}
    </footer>
  );
}
