import { describe, expect, it } from 'vitest';
import { defaultGeometryFor, LaneCameraProjection } from './laneCameraGeometry';
import { seatsForCamera } from './laneSceneRenderer';
import { planSeatRegionTiles } from './seatRegionTiles';
import { SEAT_HEADS } from './vehicleApproach';

describe('seat-region tiles', () => {
  for (const [position, maxStretch] of [['driver', 1], ['rear', 1], ['driver', 1.1], ['rear', 1.1]] as const) {
    it(`cover every face the ${position} camera is aimed at, from 11 m out to the stop line, with few full-detail squares (stretch up to ${maxStretch})`, () => {
      const camera = defaultGeometryFor(position);
      const seats = seatsForCamera(position) ?? [];
      const tiles = planSeatRegionTiles(camera, { seats, maxStretch });
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

  it('stretches a tile over a span just longer than its side instead of adding a nearly identical row', () => {
    const camera = defaultGeometryFor('driver');
    const seats = seatsForCamera('driver') ?? [];
    const squares = planSeatRegionTiles(camera, { seats });
    const stretched = planSeatRegionTiles(camera, { seats, maxStretch: 1.1 });
    // The driver camera's seats span ~414 px down: two rows of 384 px squares 30 px apart, or one row 414 px high.
    expect(new Set(squares.map((t) => t.y)).size).toBe(2);
    expect(stretched.length).toBe(squares.length / 2);
    for (const tile of stretched) expect(tile.height / tile.width).toBeLessThanOrEqual(1.1);
  });
});
