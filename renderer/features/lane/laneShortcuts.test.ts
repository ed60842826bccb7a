import { describe, expect, it } from 'vitest';
import { findLaneShortcut, offeredLaneShortcuts } from './laneShortcuts';

const key = (key: string, extra: Partial<{ code: string; altKey: boolean; ctrlKey: boolean; shiftKey: boolean; targetIsEditable: boolean }> = {}) => ({
  key,
  code: extra.code ?? '',
  altKey: extra.altKey ?? false,
  ctrlKey: extra.ctrlKey ?? false,
  metaKey: false,
  shiftKey: extra.shiftKey ?? false,
  targetIsEditable: extra.targetIsEditable ?? false,
});

describe('lane shortcuts', () => {
  it('offers one distinct key per action in every situation', () => {
    for (const simulation of [true, false]) {
      for (const picking of [true, false]) {
        for (const vehicle of [true, false]) {
          const keys = offeredLaneShortcuts(simulation, picking, vehicle).map((shortcut) => shortcut.keys);
          expect(new Set(keys).size, `${simulation} ${picking} ${vehicle}`).toBe(keys.length);
        }
      }
    }
  });

  it('finds the one-traveller keys by key, simulator controls only in simulation', () => {
    const traveller = (k: ReturnType<typeof key>, simulation = true, picking = false) => findLaneShortcut(k, simulation, picking, false)?.label;
    expect(traveller(key('d'))).toBe('Read document');
    expect(traveller(key('D', { shiftKey: true }))).toBe('Read document');
    expect(traveller(key('d'), false)).toBeUndefined();
    expect(traveller(key('Escape'), false)).toBe('Clear traveller from screen');
    expect(traveller(key('Escape'), false, true)).toBe('Cancel');
    expect(traveller(key('Enter'), false)).toBe('Clear traveller');
    expect(traveller(key('f'), false)).toBe('Refer traveller');
    expect(traveller(key('o'), false)).toBe('Photography opt-out');
    expect(traveller(key('n'), false)).toBe('Next camera');
    expect(traveller(key('r'), false)).toBe('Retry camera');
    expect(traveller(key('h'), false)).toBe('Read chip again');
    expect(traveller(key('m'), false)).toBe('Show raw MRZ');
    expect(traveller(key('3', { code: 'Digit3' }), false, true)).toBe('Pick reason');
    expect(traveller(key('¡', { altKey: true, code: 'Digit2' }))).toBe('Unplug / replug document reader');
    expect(traveller(key('d', { ctrlKey: true }))).toBeUndefined();
    // The whole-vehicle keys are not offered where there is one traveller.
    expect(traveller(key('Enter', { shiftKey: true }))).toBeUndefined();
    expect(traveller(key('g'))).toBeUndefined();
  });

  it('offers the vehicle keys in a vehicle lane, and not the one-traveller camera keys', () => {
    expect(findLaneShortcut(key('Enter', { shiftKey: true }), false, false, true)?.label).toBe('Clear whole vehicle');
    expect(findLaneShortcut(key('g'), true, false, true)?.label).toBe('Next simulated vehicle');
    for (const letter of ['n', 'r', 'Escape']) expect(findLaneShortcut(key(letter), true, false, true), letter).toBeUndefined();
  });

  it('never takes typing in a form field as a shortcut, except Escape', () => {
    expect(findLaneShortcut(key('d', { targetIsEditable: true }), true, false, false)).toBeUndefined();
    expect(findLaneShortcut(key('Enter', { targetIsEditable: true }), true, false, false)).toBeUndefined();
    expect(findLaneShortcut(key('Escape', { targetIsEditable: true }), true, false, false)?.label).toBe('Clear traveller from screen');
  });
});
