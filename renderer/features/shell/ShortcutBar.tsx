/** One key as the bar shows it. */
export interface ShownShortcut {
  readonly keys: string;
  readonly label: string;
  /** Trainer and test controls, shown apart: they exist only with simulated devices. */
  readonly simulationOnly: boolean;
}

/** Every key the screen offers now, always visible at the bottom: the booth is driven from the keyboard. */
export function ShortcutBar({ shortcuts, testId }: { shortcuts: readonly ShownShortcut[]; testId?: string }) {
  return (
    <footer className="shortcut-bar" aria-label="Keyboard shortcuts" data-testid={testId}>
      {shortcuts.map((shortcut) => (
        <span key={shortcut.keys} className={shortcut.simulationOnly ? 'shortcut simulation' : 'shortcut'}>
          <kbd>{shortcut.keys}</kbd> {shortcut.label}
        </span>
      ))}
    </footer>
  );
}
