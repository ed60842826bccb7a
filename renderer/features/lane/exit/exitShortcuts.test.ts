import { describe, expect, it } from 'vitest';
import { mayRunLaneShortcut } from '../laneShortcuts';
import { findExitShortcut, mayRunExitShortcut, offeredExitShortcuts, type ExitActions } from './exitShortcuts';

const press = (key: string, over: Partial<{ code: string; shiftKey: boolean; altKey: boolean; targetIsEditable: boolean }> = {}) => ({ key, code: over.code ?? `Key${key.toUpperCase()}`, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, targetIsEditable: false, ...over });

function recording() {
  const calls: string[] = [];
  const actions: ExitActions = {
    confirm: async () => void calls.push('confirm'),
    selectOccupant: (step) => void calls.push(`select ${step}`),
    declareOptOut: () => void calls.push('opt-out'),
    pickCandidate: (n) => void calls.push(`pick ${n}`),
    noneOfTheCandidates: () => void calls.push('none'),
    undoChoice: () => void calls.push('undo'),
    nextSimulatedDeparture: async () => void calls.push('next'),
  };
  return { calls, actions };
}

describe('the exit lane keys', () => {
  it('the shortcut bar lists the exit keys (the simulated departure only in simulation), not the entry lane decisions', () => {
    expect(offeredExitShortcuts(false).map((s) => `${s.keys} ${s.label}`)).toEqual(['Enter Confirm departures', '← → Select occupant', 'O Photography opt-out', '1–9 Pick look-alike candidate', 'X None of the look-alikes: inspect', 'Backspace Undo choice (before confirming)']);
    expect(offeredExitShortcuts(true).map((s) => s.keys)).toContain('G');
  });

  it('each key runs its action on the selected occupant; digits pick by number; typing in a field is never a key', async () => {
    const { calls, actions } = recording();
    for (const event of [press('Enter', { code: 'Enter' }), press('Enter', { code: 'Enter', shiftKey: true }), press('ArrowLeft', { code: 'ArrowLeft' }), press('ArrowRight', { code: 'ArrowRight' }), press('o'), press('2', { code: 'Digit2' }), press('x'), press('Backspace', { code: 'Backspace' }), press('g')]) {
      await findExitShortcut(event, true)?.run(actions, event);
    }
    expect(calls).toEqual(['confirm', 'confirm', 'select -1', 'select 1', 'opt-out', 'pick 2', 'none', 'undo', 'next']);
    expect(findExitShortcut(press('o', { targetIsEditable: true }), true)).toBeUndefined();
    expect(findExitShortcut(press('g'), false)).toBeUndefined();
    expect(findExitShortcut(press('0', { code: 'Digit0' }), true)).toBeUndefined();
    expect(findExitShortcut(press('o', { altKey: true }), true)).toBeUndefined();
  });

  it('the keyboard-wedge reader lets through what may be an exit key, as it does an entry key', () => {
    expect(mayRunExitShortcut(press('x'))).toBe(true);
    expect(mayRunExitShortcut(press('3', { code: 'Digit3' }))).toBe(true);
    expect(mayRunExitShortcut(press('Backspace', { code: 'Backspace' }))).toBe(true);
    expect(mayRunExitShortcut(press('p'))).toBe(false);
    expect(mayRunLaneShortcut(press('o'))).toBe(mayRunExitShortcut(press('o')));
  });
});
