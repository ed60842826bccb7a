import { describe, expect, it } from 'vitest';
import { reviewCommandFor, shortcutsFor, type ReviewKeyPress, type ReviewMode } from './reviewKeys';

const press = (key: string, extra: Partial<ReviewKeyPress> = {}): ReviewKeyPress => ({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, repeat: false, targetIsEditable: false, ...extra });

describe('review keys', () => {
  it.each<[string, Partial<ReviewKeyPress>, ReviewMode, ReturnType<typeof reviewCommandFor>]>([
    ['ArrowDown', {}, 'list', { type: 'move', by: 1 }],
    ['ArrowUp', {}, 'detail', { type: 'move', by: -1 }],
    ['PageDown', {}, 'list', { type: 'move', by: 10 }],
    ['Home', {}, 'list', { type: 'move_to', to: 'first' }],
    ['End', {}, 'detail', { type: 'move_to', to: 'last' }],
    ['Enter', {}, 'list', { type: 'open' }],
    ['a', {}, 'detail', { type: 'approve' }],
    ['A', {}, 'detail', { type: 'approve' }], // Caps Lock on
    ['r', {}, 'detail', { type: 'start_return' }],
    ['f', {}, 'list', { type: 'cycle_kind', by: 1 }],
    ['F', { shiftKey: true }, 'list', { type: 'cycle_kind', by: -1 }],
    ['s', {}, 'detail', { type: 'cycle_state' }],
    ['u', {}, 'list', { type: 'refresh' }],
    ['Escape', {}, 'detail', { type: 'close' }],
    ['Escape', {}, 'note', { type: 'cancel_return' }],
  ])('%s %o in %s mode', (key, extra, mode, command) => {
    expect(reviewCommandFor(press(key, extra), mode)).toEqual(command);
  });

  it('never treats typing in a text field as a shortcut', () => {
    for (const key of ['a', 'r', 'f', 's', 'u', 'Enter', 'Escape', 'ArrowDown']) {
      for (const mode of ['list', 'detail', 'note'] as const) expect(reviewCommandFor(press(key, { targetIsEditable: true }), mode)).toBeNull();
    }
  });

  it('takes no browsing keys while the return note is open', () => {
    for (const key of ['a', 'r', 'f', 'Enter', 'ArrowDown']) expect(reviewCommandFor(press(key), 'note')).toBeNull();
  });

  it('leaves Ctrl/Alt/Meta combinations to the browser and the app', () => {
    expect(reviewCommandFor(press('a', { ctrlKey: true }), 'detail')).toBeNull();
    expect(reviewCommandFor(press('r', { metaKey: true }), 'detail')).toBeNull();
    expect(reviewCommandFor(press('ArrowDown', { altKey: true }), 'list')).toBeNull();
  });

  it('does not repeat a verdict from a held key, but does repeat moves', () => {
    expect(reviewCommandFor(press('a', { repeat: true }), 'detail')).toBeNull();
    expect(reviewCommandFor(press('ArrowDown', { repeat: true }), 'list')).toEqual({ type: 'move', by: 1 });
  });

  it('Esc does nothing with nothing open', () => {
    expect(reviewCommandFor(press('Escape'), 'list')).toBeNull();
  });

  it('shows in the bar every key that works in each mode', () => {
    expect(shortcutsFor('list').map((s) => s.keys)).toEqual(['↑ ↓', 'PgUp PgDn', 'Home End', 'Enter', 'A', 'R', 'F', 'S', 'U']);
    expect(shortcutsFor('detail').map((s) => s.keys)).toContain('Esc');
    expect(shortcutsFor('note').map((s) => `${s.keys} ${s.label}`)).toEqual(['Enter Return with this note', 'Esc Cancel return']);
  });
});
