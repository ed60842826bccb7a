import { describe, expect, it } from 'vitest';
import { mergeDetections, planTiles, selectFace } from './detectionTiles';

describe('planTiles', () => {
  it('covers a vehicle frame with the full frame plus four overlapping quadrants inside the frame', () => {
    const tiles = planTiles(1280, 720, 'vehicle');
    expect(tiles.map((t) => t.name)).toEqual(['frame', 'top-left', 'top-right', 'bottom-left', 'bottom-right']);
    for (const t of tiles) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.x + t.width).toBeLessThanOrEqual(1280);
      expect(t.y + t.height).toBeLessThanOrEqual(720);
    }
    const [, tl, tr] = tiles;
    expect((tl?.x ?? 0) + (tl?.width ?? 0)).toBeGreaterThan(tr?.x ?? 0);
    expect(planTiles(640, 480, 'frame')).toHaveLength(1);
  });
});

describe('mergeDetections', () => {
  it('keeps the best of overlapping boxes and drops a face cut by a tile edge', () => {
    const merged = mergeDetections([
      { box: { x: 100, y: 100, width: 50, height: 50 }, score: 0.8 },
      { box: { x: 104, y: 102, width: 50, height: 50 }, score: 0.9 },
      { box: { x: 104, y: 102, width: 25, height: 50 }, score: 0.7 },
      { box: { x: 400, y: 100, width: 50, height: 50 }, score: 0.6 },
    ]);
    expect(merged.map((m) => m.score)).toEqual([0.9, 0.6]);
  });
});

describe('selectFace', () => {
  const faces = [
    { box: { x: 0, y: 0, width: 120, height: 120 } },
    { box: { x: 100, y: 100, width: 50, height: 50 } },
  ];
  it('picks the central or the largest face', () => {
    expect(selectFace(faces, 'central', { width: 250, height: 250 })).toBe(faces[1]);
    expect(selectFace(faces, 'largest', { width: 250, height: 250 })).toBe(faces[0]);
    expect(selectFace([], 'central', { width: 1, height: 1 })).toBeUndefined();
  });
});
