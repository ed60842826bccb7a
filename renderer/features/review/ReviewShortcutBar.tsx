import { shortcutsFor, type ReviewMode } from './reviewKeys';

/** Every key that works right now, always visible. */
export function ReviewShortcutBar({ mode }: { mode: ReviewMode }) {
  return (
    <footer className="shortcut-bar" aria-label="Keyboard shortcuts" data-testid="review-shortcuts">
      {shortcutsFor(mode).map((shortcut) => (
        <span key={`${shortcut.keys}-${shortcut.label}`} className="shortcut">
          <kbd>{shortcut.keys}</kbd> {shortcut.label}
        </span>
      ))}
    </footer>
  );
}
