import { useEffect } from 'react';
import { KeyboardWedgeAssembler, type KeyboardWedgeOptions } from '../../../app/document/reader/KeyboardWedgeAssembler';
import type { MrzAssemblerEvent } from '../../../app/document/reader/mrzAssemblerEvent';
import { systemClock, type Clock } from '../../../app/ports/Clock';
import { documentReadSchema } from '../../../app/ports/documentRead';
import { useBoothStore } from '../../state/StoreContext';
import { boothShortcuts } from './shortcuts';

export const keyboardWedgeReaderId = 'keyboard-wedge-reader';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * When the key was pressed, on the performance.now() clock: the event's own time stamp (a busy page handles
 * keys late, which would stretch the gaps between them), unless it is on some other clock.
 */
function keyTime(event: KeyboardEvent): number {
  const now = performance.now();
  return event.timeStamp > 0 && event.timeStamp <= now && now - event.timeStamp < 10_000 ? event.timeStamp : now;
}

/**
 * Reads a keyboard-wedge MRZ reader: the reader types the MRZ into this window as a fast burst of keys.
 * Listens in the capture phase, so it sees every key before the shortcuts do, and marks a scan's keys
 * handled (`preventDefault`), which the shortcuts respect: the M, N, R and D inside an MRZ never fire one.
 * A person's typing is slower and passes through untouched. Form fields are left alone.
 */
export function useKeyboardWedgeReader(options: KeyboardWedgeOptions = {}, clock: Clock = systemClock): void {
  const store = useBoothStore();
  const { maxKeyGapMs, maxScanPauseMs, minScanLength, duplicateWindowMs } = options;

  useEffect(() => {
    const assembler = new KeyboardWedgeAssembler({ maxKeyGapMs, maxScanPauseMs, minScanLength, duplicateWindowMs });
    let timer: ReturnType<typeof setTimeout> | undefined;

    const handle = (events: readonly MrzAssemblerEvent[]) => {
      const state = store.getState();
      for (const event of events) {
        if (event.kind === 'error') {
          state.announce(`Keyboard reader: ${event.error.message} Scan the document again.`, event.error.code === 'duplicate_read' ? 'warning' : 'error');
          continue;
        }
        const parsed = documentReadSchema.safeParse({
          readId: `read-${crypto.randomUUID()}`,
          readerId: keyboardWedgeReaderId,
          source: 'keyboard',
          readAt: clock.now().toISOString(),
          mrz: [...event.lines],
        });
        if (!parsed.success) {
          state.announce(`Keyboard reader: the scan was not a document read (${parsed.error.issues[0]?.message ?? 'invalid'}).`, 'error');
          continue;
        }
        state.documentReadReceived(parsed.data);
        state.announce('Document read (keyboard reader)');
      }
    };

    // The burst ends when no key follows in time; the timer runs on performance.now(), as key times do.
    const scheduleEnd = () => {
      clearTimeout(timer);
      const deadline = assembler.deadlineMs;
      if (deadline === undefined) return;
      timer = setTimeout(() => {
        handle(assembler.expire(performance.now()));
        scheduleEnd();
      }, Math.max(0, deadline - performance.now()) + 1);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditable(event.target)) return;
      const { consumed, events } = assembler.key({
        key: event.key,
        timeMs: keyTime(event),
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        repeat: event.repeat,
        mayBeShortcut: boothShortcuts.some((shortcut) => shortcut.matches(event)),
      });
      if (consumed) event.preventDefault();
      handle(events);
      scheduleEnd();
    };

    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      clearTimeout(timer);
    };
  }, [store, clock, maxKeyGapMs, maxScanPauseMs, minScanLength, duplicateWindowMs]);
}
