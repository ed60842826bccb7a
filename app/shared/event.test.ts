import { afterEach, describe, expect, it } from 'vitest';
import { Emitter, setListenerErrorHandler } from './event';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('Emitter', () => {
  it('delivers every fired value to every listener, in subscription order', () => {
    const emitter = new Emitter<number>();
    const heard: string[] = [];
    emitter.event((n) => heard.push(`a${n}`));
    emitter.event((n) => heard.push(`b${n}`));
    emitter.fire(1);
    emitter.fire(2);
    expect(heard).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('stops delivering once the subscription is disposed or called, and disposing twice is harmless', () => {
    const emitter = new Emitter<number>();
    const a: number[] = [];
    const b: number[] = [];
    const subA = emitter.event((n) => a.push(n));
    const subB = emitter.event((n) => b.push(n));
    emitter.fire(1);
    subA.dispose();
    subB();
    subA.dispose();
    subB();
    emitter.fire(2);
    expect(a).toEqual([1]);
    expect(b).toEqual([1]);
    expect(emitter.hasListeners).toBe(false);
  });

  it('keeps two subscriptions of the same function apart', () => {
    const emitter = new Emitter<number>();
    const heard: number[] = [];
    const listener = (n: number) => heard.push(n);
    const first = emitter.event(listener);
    emitter.event(listener);
    emitter.fire(1);
    first.dispose();
    emitter.fire(2);
    expect(heard).toEqual([1, 1, 2]);
  });

  it('reports a throwing listener through the one hook and still tells the others', () => {
    const errors: [unknown, string][] = [];
    restore = setListenerErrorHandler((error, name) => errors.push([error, name]));
    const emitter = new Emitter<string>('plate reads');
    const heard: string[] = [];
    emitter.event(() => {
      throw new Error('broken screen');
    });
    emitter.event((value) => heard.push(value));
    expect(() => emitter.fire('AB123')).not.toThrow();
    expect(heard).toEqual(['AB123']);
    expect(errors).toEqual([[new Error('broken screen'), 'plate reads']]);
  });

  it('lets a listener unsubscribe itself while the event is being delivered', () => {
    const emitter = new Emitter<number>();
    const heard: string[] = [];
    const once = emitter.event((n) => {
      heard.push(`once${n}`);
      once.dispose();
    });
    emitter.event((n) => heard.push(`always${n}`));
    emitter.fire(1);
    emitter.fire(2);
    expect(heard).toEqual(['once1', 'always1', 'always2']);
  });

  it('drops every listener when disposed, and ignores later subscriptions', () => {
    const emitter = new Emitter<number>();
    const heard: number[] = [];
    emitter.event((n) => heard.push(n));
    emitter.dispose();
    emitter.dispose();
    const late = emitter.event((n) => heard.push(n));
    emitter.fire(1);
    late.dispose();
    expect(heard).toEqual([]);
    expect(emitter.hasListeners).toBe(false);
  });
});
