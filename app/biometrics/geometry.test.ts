import { describe, expect, it } from 'vitest';
import { scaleBox, shiftBox } from './geometry';

describe('box geometry', () => {
  it('moves a box by fractions of its own size, then scales it about its new centre', () => {
    const box = { x: 100, y: 200, width: 80, height: 100 };
    expect(shiftBox(box, { x: 0.5, y: -0.1 })).toEqual({ x: 140, y: 190, width: 80, height: 100 });
    const crop = scaleBox(shiftBox(box, { x: 0, y: -0.1 }), 1.5);
    expect(crop).toEqual({ x: 80, y: 165, width: 120, height: 150 });
  });
});
