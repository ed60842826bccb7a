import { describe, expect, it } from 'vitest';
import { defaultGeometryFor, LaneCameraProjection } from './laneCameraGeometry';
import { seatsForPosition } from './laneCameraLayout';
import { planSeatRegionTiles } from './seatRegionTiles';
import { SEAT_HEADS } from './vehicleApproach';

describe('seat-region tiles', () => {
  for (const position of ['driver', 'rear'] as const) {
    it(`cover every face the ${position} camera is aimed at, from 11 m out to the stop line, with few full-detail squares`, () => {
      const camera = defaultGeometryFor(position);
      const seats = seatsForPosition(position) ?? [];
      const tiles = planSeatRegionTiles(camera, { seats });
      expect(tiles.length).toBeGreaterThan(0);
      expect(tiles.length).toBeLessThanOrEqual(8);
      for (const tile of tiles) {
        expect(tile.x).toBeGreaterThanOrEqual(0);
        expect(tile.y).toBeGreaterThanOrEqual(0);
        expect(tile.x + tile.width).toBeLessThanOrEqual(camera.width);
        expect(tile.y + tile.height).toBeLessThanOrEqual(camera.height);
      }
      const projection = new LaneCameraProjection(camera);
      for (let travel = 0; travel <= 11; travel += 1) {
        for (const seat of seats) {
          const head = SEAT_HEADS[seat];
          const p = projection.project({ x: head.x, y: head.y, z: head.z + camera.stopLineDistanceM + travel });
          // The face (about 2.5 inter-eye distances across) lies wholly inside at least one tile.
          const half = (1.3 * projection.focal * 0.063) / p.depth;
          const inside = tiles.some((t) => p.u - half >= t.x && p.u + half <= t.x + t.width && p.v - half >= t.y && p.v + half <= t.y + t.height);
          expect(inside, `${seat} at ${travel} m`).toBe(true);
        }
      }
    });
  }
});
