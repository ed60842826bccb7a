import { describe, expect, it } from 'vitest';
import { boothShortcuts, findShortcut } from './shortcuts';

const key = (key: string, extra: Partial<{ code: string; altKey: boolean; ctrlKey: boolean; targetIsEditable: boolean }> = {}) => ({
  key,
  code: extra.code ?? '',
  altKey: extra.altKey ?? false,
  ctrlKey: extra.ctrlKey ?? false,
  metaKey: false,
  shiftKey: false,
  targetIsEditable: extra.targetIsEditable ?? false,
});

describe('booth shortcuts', () => {
  it('has one distinct key per action', () => {
    const keys = boothShortcuts.map((shortcut) => shortcut.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds actions by key, simulator controls only in simulation', () => {
    expect(findShortcut(key('d'), true)?.label).toBe('Read document');
    expect(findShortcut(key('D'), true)?.label).toBe('Read document');
    expect(findShortcut(key('d'), false)).toBeUndefined();
    expect(findShortcut(key('Escape'), false)?.label).toBe('Clear traveller');
    expect(findShortcut(key('¡', { altKey: true, code: 'Digit2' }), true)?.label).toBe('Unplug / replug document reader');
    expect(findShortcut(key('d', { ctrlKey: true }), true)).toBeUndefined();
  });

  it('never takes typing in a form field as a shortcut, except Escape', () => {
    expect(findShortcut(key('d', { targetIsEditable: true }), true)).toBeUndefined();
    expect(findShortcut(key('Escape', { targetIsEditable: true }), true)?.label).toBe('Clear traveller');
  });
});
