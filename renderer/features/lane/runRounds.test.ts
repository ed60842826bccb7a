import { describe, expect, it } from 'vitest';
import { runRounds } from './runRounds';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('runRounds', () => {
  it('resolves stop only once the round under way has finished, and starts no other', async () => {
    const events: string[] = [];
    let finishRound: () => void = () => undefined;
    const loop = runRounds(
      async () => {
        events.push('round');
        await new Promise<void>((resolve) => (finishRound = resolve));
        events.push('round done');
      },
      tick,
      () => undefined,
    );
    await tick();
    const stopped = loop.stop().then(() => events.push('stopped'));
    await tick();
    expect(events).toEqual(['round']);
    finishRound();
    await stopped;
    expect(events).toEqual(['round', 'round done', 'stopped']);
  });

  it('reports a failed round and goes on; a failure after stop (resources being released) is dropped, never unhandled', async () => {
    const errors: unknown[] = [];
    let rounds = 0;
    let release: () => void = () => undefined;
    const loop = runRounds(
      async (stopped) => {
        rounds++;
        if (rounds === 1) throw new Error('bad frame');
        await new Promise<void>((resolve) => (release = resolve));
        if (stopped()) throw new Error('drawing a closed bitmap');
      },
      tick,
      (error) => errors.push(error),
    );
    for (let i = 0; i < 20 && rounds < 2; i++) await tick();
    expect(rounds).toBe(2);
    const stopped = loop.stop();
    release();
    await expect(stopped).resolves.toBeUndefined();
    expect(errors.map((e) => (e as Error).message)).toEqual(['bad frame']);
  });
});
