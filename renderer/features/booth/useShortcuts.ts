import { useEffect } from 'react';
import type { BoothActions } from './boothActions';
import { findShortcut, type Shortcut } from './shortcuts';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Listens for the booth's shortcuts (those `offered` on this screen) on the whole window. */
export function useShortcuts(actions: BoothActions, simulation: boolean, offered?: (shortcut: Shortcut) => boolean): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // defaultPrevented: the keyboard-wedge reader (capture phase) took this key as part of a scan.
      if (event.repeat || event.defaultPrevented) return;
      const shortcut = findShortcut({ key: event.key, code: event.code, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, targetIsEditable: isEditable(event.target) }, simulation, offered);
      if (!shortcut) return;
      event.preventDefault();
      void shortcut.run(actions);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, simulation, offered]);
}
