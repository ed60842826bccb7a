import { describe, expect, it } from 'vitest';
import { nextSelection, playableScenarios, trainerKeyAction } from './trainerKeys';

const key = (code: string, modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({ code, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...modifiers });

describe('trainer keys', () => {
  it('Alt+T selects, Alt+S starts, Alt+X stops; the letters alone or with other modifiers do nothing', () => {
    expect(trainerKeyAction(key('KeyT', { altKey: true }))).toBe('select-next');
    expect(trainerKeyAction(key('KeyH', { altKey: true }))).toBe('toggle-panel');
    expect(trainerKeyAction(key('KeyS', { altKey: true }))).toBe('start-selected');
    expect(trainerKeyAction(key('KeyX', { altKey: true }))).toBe('stop');
    expect(trainerKeyAction(key('KeyS'))).toBeUndefined();
    expect(trainerKeyAction(key('KeyS', { altKey: true, ctrlKey: true }))).toBeUndefined();
    expect(trainerKeyAction(key('KeyL', { altKey: true }))).toBeUndefined();
  });

  it('offers only the scenarios this lane can play, and the selection wraps round', () => {
    const scenarios = [
      { name: 'a', description: 'A', laneType: 'pedestrian' as const, stepCount: 1 },
      { name: 'v', description: 'V', laneType: 'vehicle' as const, stepCount: 1 },
      { name: 'b', description: 'B', laneType: 'air' as const, stepCount: 2 },
    ];
    expect(playableScenarios(scenarios, 'sea').map((s) => s.name)).toEqual(['a', 'b']);
    expect(playableScenarios(scenarios, 'vehicle').map((s) => s.name)).toEqual(['v']);
    expect([nextSelection(0, 2), nextSelection(1, 2), nextSelection(0, 0)]).toEqual([1, 0, 0]);
  });
});
