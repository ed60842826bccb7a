import { useEffect } from 'react';
import { KeyboardWedgeAssembler, type KeyboardWedgeOptions } from '../../../app/document/reader/KeyboardWedgeAssembler';
import type { MrzAssemblerEvent } from '../../../app/document/reader/mrzAssemblerEvent';
import type { KeyPress } from './isEditable';
import { useBoothStore, useHost } from '../../state/StoreContext';
import { isEditable } from './isEditable';

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
 * A whole scan goes to the host (`documents:wedgeRead`), which checks it and takes it as a document read like
 * any other reader's: the traveller session, records and chip follow (lane:onSession fills the card).
 * `mayRunShortcut`: whether a key would run one of the screen's shortcuts (a late key joins a scan only if not).
 */
export function useKeyboardWedgeReader(mayRunShortcut: (event: KeyPress) => boolean, options: KeyboardWedgeOptions = {}): void {
  const store = useBoothStore();
  const host = useHost();
  const { maxKeyGapMs, maxScanPauseMs, minScanLength, duplicateWindowMs } = options;

  useEffect(() => {
    const assembler = new KeyboardWedgeAssembler({ maxKeyGapMs, maxScanPauseMs, minScanLength, duplicateWindowMs });
    let timer: ReturnType<typeof setTimeout> | undefined;

    const handOver = async (lines: readonly string[]) => {
      const result = await host.call('documents:wedgeRead', { lines: [...lines] });
      const state = store.getState();
      if (!result.ok) {
        // A refused scan names what was wrong (and asks for a rescan); anything else is the host not answering.
        const why = result.error.code === 'unreadable_document' ? result.error.message : `the booth host did not take the scan (${result.error.message}). Scan the document again.`;
        state.announce(`Keyboard reader: ${why}`, 'error');
        return;
      }
      const failures = result.value.document.checkDigitFailures;
      // Taken like a serial reader's read, but said out loud: a failing check digit may be a forged or damaged document.
      if (failures.length > 0) state.announce(`Document read (keyboard reader) with failing check digits: ${failures.join('; ')}. Check the document by hand.`, 'warning');
      else state.announce('Document read (keyboard reader)');
    };

    // Scans and their errors are told in the order they came: a doubled read's warning must follow the
    // first read's "Document read", not be overwritten by it when the host answers.
    let told = Promise.resolve();
    const handle = (events: readonly MrzAssemblerEvent[]) => {
      for (const event of events) {
        told = told
          .then(() => {
            if (event.kind === 'read') return handOver(event.lines);
            store.getState().announce(`Keyboard reader: ${event.error.message} Scan the document again.`, event.error.code === 'duplicate_read' ? 'warning' : 'error');
          })
          .catch((error: unknown) => store.getState().announce(`Keyboard reader: the scan was lost (${String(error)}). Scan the document again.`, 'error'));
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
        mayBeShortcut: mayRunShortcut(event),
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
  }, [store, host, mayRunShortcut, maxKeyGapMs, maxScanPauseMs, minScanLength, duplicateWindowMs]);
}
