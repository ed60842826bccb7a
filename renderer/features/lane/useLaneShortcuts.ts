import { useEffect } from 'react';
import { useBoothStore } from '../../state/StoreContext';
import { isEditable } from '../shell/isEditable';
import type { LaneActions } from './laneActions';
import { findLaneShortcut } from './laneShortcuts';

/**
 * The lane screen's keys, one table for every lane. Listens on the window in the bubble phase, so the
 * keyboard-wedge reader (window, capture phase) has already marked a scan's keys handled, and they are skipped.
 */
export function useLaneShortcuts(actions: LaneActions, simulation: boolean, vehicleLane: boolean, enabled = true): void {
  const store = useBoothStore();
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented) return;
      const pickingReason = store.getState().pendingReason !== null;
      const shortcut = findLaneShortcut({ key: event.key, code: event.code, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, targetIsEditable: isEditable(event.target) }, simulation, pickingReason, vehicleLane);
      if (!shortcut) return;
      event.preventDefault();
      void shortcut.run(actions, event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, simulation, vehicleLane, store, enabled]);
}
