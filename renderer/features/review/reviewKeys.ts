/** What a key asks of the review screen (the screen decides whether it can be done now). */
export type ReviewCommand =
  | { readonly type: 'move'; readonly by: number }
  | { readonly type: 'move_to'; readonly to: 'first' | 'last' }
  | { readonly type: 'open' }
  | { readonly type: 'close' }
  | { readonly type: 'approve' }
  | { readonly type: 'start_return' }
  | { readonly type: 'cancel_return' }
  | { readonly type: 'cycle_kind'; readonly by: 1 | -1 }
  | { readonly type: 'cycle_state' }
  | { readonly type: 'refresh' };

/** list: nothing opened; detail: an item's evidence is beside the list; note: the return note is being typed. */
export type ReviewMode = 'list' | 'detail' | 'note';

export type ReviewKeyPress = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'repeat'> & {
  /** The key went to a text field: it is text, never a shortcut. */
  readonly targetIsEditable: boolean;
};

/** How far PageUp/PageDown move. */
export const pageMove = 10;

/** One key of the screen; the shortcut bar shows every one that applies in the current mode. */
export interface ReviewShortcut {
  readonly keys: string;
  readonly label: string;
  readonly modes: readonly ReviewMode[];
  /** Held keys repeat (arrows); a verdict never does. */
  readonly repeats: boolean;
  command(event: ReviewKeyPress): ReviewCommand | null;
}

const plain = (e: ReviewKeyPress) => !e.altKey && !e.ctrlKey && !e.metaKey;
const letter = (e: ReviewKeyPress, l: string) => plain(e) && e.key.toLowerCase() === l;
const browsing: readonly ReviewMode[] = ['list', 'detail'];

export const reviewShortcuts: readonly ReviewShortcut[] = [
  { keys: '↑ ↓', label: 'Move', modes: browsing, repeats: true, command: (e) => (plain(e) && e.key === 'ArrowUp' ? { type: 'move', by: -1 } : plain(e) && e.key === 'ArrowDown' ? { type: 'move', by: 1 } : null) },
  { keys: 'PgUp PgDn', label: `Move ${pageMove}`, modes: browsing, repeats: true, command: (e) => (plain(e) && e.key === 'PageUp' ? { type: 'move', by: -pageMove } : plain(e) && e.key === 'PageDown' ? { type: 'move', by: pageMove } : null) },
  { keys: 'Home End', label: 'First / last', modes: browsing, repeats: false, command: (e) => (plain(e) && e.key === 'Home' ? { type: 'move_to', to: 'first' } : plain(e) && e.key === 'End' ? { type: 'move_to', to: 'last' } : null) },
  { keys: 'Enter', label: 'Open evidence', modes: browsing, repeats: false, command: (e) => (plain(e) && !e.shiftKey && e.key === 'Enter' ? { type: 'open' } : null) },
  { keys: 'A', label: 'Approve', modes: browsing, repeats: false, command: (e) => (letter(e, 'a') && !e.shiftKey ? { type: 'approve' } : null) },
  { keys: 'R', label: 'Return with a note', modes: browsing, repeats: false, command: (e) => (letter(e, 'r') && !e.shiftKey ? { type: 'start_return' } : null) },
  { keys: 'F', label: 'Next kind (Shift+F back)', modes: browsing, repeats: false, command: (e) => (letter(e, 'f') ? { type: 'cycle_kind', by: e.shiftKey ? -1 : 1 } : null) },
  { keys: 'S', label: 'Open / approved / returned', modes: browsing, repeats: false, command: (e) => (letter(e, 's') && !e.shiftKey ? { type: 'cycle_state' } : null) },
  { keys: 'U', label: 'Update queue', modes: browsing, repeats: false, command: (e) => (letter(e, 'u') && !e.shiftKey ? { type: 'refresh' } : null) },
  { keys: 'Esc', label: 'Close evidence', modes: ['detail'], repeats: false, command: (e) => (e.key === 'Escape' ? { type: 'close' } : null) },
  // In the note field itself these are handled by the field (ReturnNoteField); listed here for the bar.
  { keys: 'Enter', label: 'Return with this note', modes: ['note'], repeats: false, command: () => null },
  { keys: 'Esc', label: 'Cancel return', modes: ['note'], repeats: false, command: (e) => (e.key === 'Escape' ? { type: 'cancel_return' } : null) },
];

/** The screen's command for a key press in `mode`, or null when the key is not a shortcut there (or is text being typed). */
export function reviewCommandFor(event: ReviewKeyPress, mode: ReviewMode): ReviewCommand | null {
  if (event.targetIsEditable) return null;
  for (const shortcut of reviewShortcuts) {
    if (!shortcut.modes.includes(mode)) continue;
    if (event.repeat && !shortcut.repeats) continue;
    const command = shortcut.command(event);
    if (command) return command;
  }
  return null;
}

export const shortcutsFor = (mode: ReviewMode): readonly ReviewShortcut[] => reviewShortcuts.filter((s) => s.modes.includes(mode));
