import { useEffect } from 'react';
import type { LaneActions } from './laneActions';
import { findLaneShortcut } from './laneShortcuts';
import { useBoothStore } from '../../state/StoreContext';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The lane view's keys. Listens on the document, so it runs after the keyboard-wedge reader (window,
 * capture phase: keys of a scan arrive already handled) and before the booth shortcuts (window, bubble
 * phase), which then see the keys it took as handled.
 */
export function useLaneShortcuts(actions: LaneActions, simulation: boolean, vehicleLane = true): void {
  const store = useBoothStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented) return;
      const pickingReason = store.getState().pendingReason !== null;
      const shortcut = findLaneShortcut({ key: event.key, code: event.code, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, targetIsEditable: isEditable(event.target) }, simulation, pickingReason, vehicleLane);
      if (!shortcut) return;
      event.preventDefault();
      void shortcut.run(actions, event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [actions, simulation, vehicleLane, store]);
}
