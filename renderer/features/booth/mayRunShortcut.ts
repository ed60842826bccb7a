import { laneShortcuts } from '../lane/laneShortcuts';
import { boothShortcuts } from './shortcuts';

type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

/**
 * Whether a key would run one of the shortcuts this window offers: the booth's and the traveller decision keys
 * (Enter clears, F refers, digits pick a reason). The keyboard-wedge reader lets a late key into a scan only
 * when it cannot be one of these, so an officer's quick Enter right after a scan is a decision, not a lost key.
 */
export function mayRunShortcut(event: KeyPress): boolean {
  return boothShortcuts.some((shortcut) => shortcut.matches(event)) || laneShortcuts.some((shortcut) => shortcut.matches(event));
}
