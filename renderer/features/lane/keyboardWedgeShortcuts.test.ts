import { describe, expect, it } from 'vitest';
import { KeyboardWedgeAssembler } from '../../../app/document/reader/KeyboardWedgeAssembler';
import { laneShortcuts, mayRunLaneShortcut as mayRunShortcut } from './laneShortcuts';

// The keyboard-wedge reader may only start a scan on a document code letter (P, I, A, C, V), and keeps
// a person's first key of a scan-like run. So no lane shortcut may sit on one of those letters.
describe('keyboard-wedge scans and lane shortcuts', () => {
  it('no shortcut is on a key that can start a scan', () => {
    for (const letter of ['P', 'I', 'A', 'C', 'V', 'p', 'i', 'a', 'c', 'v']) {
      const event = { key: letter, code: `Key${letter.toUpperCase()}`, altKey: false, ctrlKey: false, metaKey: false, shiftKey: letter === letter.toUpperCase() };
      expect(laneShortcuts.filter((shortcut) => shortcut.matches(event)).map((shortcut) => shortcut.keys), letter).toEqual([]);
    }
  });

  it('every plain shortcut key typed by a person reaches the shortcuts', () => {
    const assembler = new KeyboardWedgeAssembler();
    let time = 0;
    for (const key of ['d', 'm', 'n', 'r', 'D', 'M', 'N', 'R', 'Escape']) expect(assembler.key({ key, timeMs: (time += 3) }).consumed, key).toBe(false);
  });

  it("an officer's Enter shortly after a scan is a decision, not a key the scan swallows", () => {
    const assembler = new KeyboardWedgeAssembler();
    let time = 0;
    const typed = (key: string, gapMs: number) => {
      time += gapMs;
      return assembler.key({ key, timeMs: time, mayBeShortcut: mayRunShortcut({ key, code: key === 'Enter' ? 'Enter' : `Key${key}`, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false }) });
    };
    const lines = ['P<IRLDRUMMOND<<PADRAIG<NOEL<<<<<<<<<<<<<<<<<', 'D19RN22074IRL4005036M3108114<<<<<<<<<<<<<<<0'];
    const reads = lines.flatMap((line) => [...line, 'Enter'].flatMap((key) => typed(key, 3).events)).filter((e) => e.kind === 'read');
    expect(reads).toHaveLength(1);
    // 120 ms later: slower than the reader, well within its pause allowance.
    expect(typed('Enter', 120).consumed).toBe(false);
  });
});
