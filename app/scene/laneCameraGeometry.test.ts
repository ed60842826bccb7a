import { describe, expect, it } from 'vitest';
import { LaneCameraProjection, defaultGeometryFor } from './laneCameraGeometry';

describe('LaneCameraProjection.expansionFocus', () => {
  it('is the point a face driving up the lane moves away from in proportion to its growth (each camera position)', () => {
    for (const position of ['driver', 'rear'] as const) {
      const projection = new LaneCameraProjection(defaultGeometryFor(position));
      const focus = projection.expansionFocus;
      const far = projection.project({ x: -0.3, y: 1.2, z: 15 });
      const near = projection.project({ x: -0.3, y: 1.2, z: 5 });
      const growth = far.depth / near.depth;
      expect(near.u).toBeCloseTo(focus.x + (far.u - focus.x) * growth, 6);
      expect(near.v).toBeCloseTo(focus.y + (far.v - focus.y) * growth, 6);
    }
  });
});
