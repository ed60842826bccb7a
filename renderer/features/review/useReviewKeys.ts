import { useEffect, useRef } from 'react';
import { reviewCommandFor, type ReviewCommand, type ReviewMode } from './reviewKeys';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The review screen's keys, on the document (the screen is the whole window while it is shown). */
export function useReviewKeys(mode: ReviewMode, run: (command: ReviewCommand) => void): void {
  const latest = useRef({ mode, run });
  useEffect(() => {
    latest.current = { mode, run };
  }, [mode, run]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = reviewCommandFor(
        { key: event.key, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, repeat: event.repeat, targetIsEditable: isEditable(event.target) },
        latest.current.mode,
      );
      if (!command) return;
      event.preventDefault();
      latest.current.run(command);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
