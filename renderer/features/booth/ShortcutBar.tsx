import { boothShortcuts } from './shortcuts';

/** Every shortcut, always visible: the booth is driven from the keyboard. */
export function ShortcutBar({ simulation }: { simulation: boolean }) {
  return (
    <footer className="shortcut-bar" aria-label="Keyboard shortcuts">
      {boothShortcuts
        .filter((shortcut) => simulation || !shortcut.simulationOnly)
        .map((shortcut) => (
          <span key={shortcut.keys} className={shortcut.simulationOnly ? 'shortcut simulation' : 'shortcut'}>
            <kbd>{shortcut.keys}</kbd> {shortcut.label}
          </span>
        ))}
    </footer>
  );
}
