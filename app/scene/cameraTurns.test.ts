import { describe, expect, it } from 'vitest';
import { CameraTurns } from './cameraTurns';
import { CapturePacing } from './capturePacing';

const cameras = ['driver', 'rear-left', 'rear-right'];
const face = (trackId: string, comparable: boolean) => ({ trackId, comparable });

describe('camera turns (which cameras a capture round visits)', () => {
  it('round-robin visits every camera every round, whatever their frames showed', () => {
    const turns = new CameraTurns<string>('round-robin');
    turns.report('driver', { faces: [face('d:1', true)] });
    for (let k = 0; k < 4; k++) expect(turns.roundOf(cameras)).toEqual(cameras);
  });

  it('wanting-first visits a settled camera every other round while another still lacks a comparable face, never starving it', () => {
    const turns = new CameraTurns<string>('wanting-first');
    // Nothing seen yet: nobody is settled, everyone is visited.
    expect(turns.roundOf(cameras)).toEqual(cameras);
    turns.report('driver', { faces: [face('d:1', true), face('d:2', false)] });
    turns.report('rear-left', { faces: [face('l:1', true)] });
    turns.report('rear-right', { faces: [face('r:1', true)] });
    // The driver camera's second face has no comparable shot yet: the settled rear cameras yield every other round.
    expect(turns.roundOf(cameras)).toEqual(['driver']);
    expect(turns.roundOf(cameras)).toEqual(cameras);
    expect(turns.roundOf(cameras)).toEqual(['driver']);
    // A track once comparable stays settled though this shot was not (a blink, a head turn).
    turns.report('driver', { faces: [face('d:1', false), face('d:2', true)] });
    for (let k = 0; k < 2; k++) expect(turns.roundOf(cameras)).toEqual(cameras);
    // A camera whose frame showed nobody is not settled (a face it has not found yet may be there).
    turns.report('rear-left', { faces: [] });
    expect([turns.roundOf(cameras), turns.roundOf(cameras)]).toContainEqual(['rear-left']);
  });

  it('paces the loop by the turns: the camera still wanting gets the frames the settled ones give up', () => {
    const pacing = new CapturePacing(cameras, 15, 150, 0, new CameraTurns<string>('wanting-first'));
    const taken: string[] = [];
    for (let next = pacing.take(); next; next = pacing.take()) {
      taken.push(next.camera);
      pacing.processed(100, { faces: [face(`${next.camera}:1`, next.camera !== 'driver')] });
    }
    const count = (c: string) => taken.filter((t) => t === c).length;
    expect(count('driver')).toBeGreaterThan(1.4 * count('rear-left'));
    expect(count('rear-left')).toBeGreaterThan(0.4 * count('driver'));
    expect(count('rear-right')).toBe(count('rear-left'));
  });
});
