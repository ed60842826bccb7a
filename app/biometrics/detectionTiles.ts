import type { Box } from './geometry';
import { boxArea, intersectionOverUnion } from './geometry';
import type { TileLayout } from './detectionProfile';

export interface Tile extends Box {
  readonly name: string;
}

/**
 * Overlapping tiles for cameras that see small faces (a vehicle's driver window and rear rows): the detector
 * runs at a fixed input size, so a face that is 30 px in a 1280x720 frame is only ~5 px at 128x128, while
 * in a half-frame tile it doubles. Detections from all tiles are merged by non-maximum suppression.
 */
export function planTiles(width: number, height: number, layout: TileLayout, overlap = 0.2): Tile[] {
  const frame: Tile = { name: 'frame', x: 0, y: 0, width, height };
  switch (layout) {
    case 'none':
      return [];
    case 'frame':
      return [frame];
    case 'vehicle': {
      const w = Math.round((width / 2) * (1 + overlap));
      const h = Math.round((height / 2) * (1 + overlap));
      const tiles: Tile[] = [frame];
      for (const [row, y] of [['top', 0], ['bottom', height - h]] as const) {
        for (const [col, x] of [['left', 0], ['right', width - w]] as const) tiles.push({ name: `${row}-${col}`, x, y, width: w, height: h });
      }
      return tiles;
    }
  }
}

export interface ScoredBox {
  readonly box: Box;
  readonly score: number;
}

/** Greedy non-maximum suppression; also drops a box mostly contained in a kept one (a face cut by a tile edge). */
export function mergeDetections<T extends ScoredBox>(detections: readonly T[], maxIou = 0.4): T[] {
  const sorted = [...detections].sort((a, b) => b.score - a.score);
  const kept: T[] = [];
  for (const d of sorted) {
    const clash = kept.some((k) => {
      if (intersectionOverUnion(k.box, d.box) > maxIou) return true;
      const ix = Math.min(k.box.x + k.box.width, d.box.x + d.box.width) - Math.max(k.box.x, d.box.x);
      const iy = Math.min(k.box.y + k.box.height, d.box.y + d.box.height) - Math.max(k.box.y, d.box.y);
      return ix > 0 && iy > 0 && (ix * iy) / Math.max(boxArea(d.box), 1e-9) > 0.7;
    });
    if (!clash) kept.push(d);
  }
  return kept;
}

/** Which face of a still image is the subject: the one nearest the centre, or the largest. */
export type FaceSelection = 'central' | 'largest';

export function selectFace<T extends { readonly box: Box }>(faces: readonly T[], selection: FaceSelection, image: { width: number; height: number }): T | undefined {
  const cx = image.width / 2;
  const cy = image.height / 2;
  const key = (f: T) => (selection === 'largest' ? -boxArea(f.box) : Math.hypot(f.box.x + f.box.width / 2 - cx, f.box.y + f.box.height / 2 - cy));
  return [...faces].sort((a, b) => key(a) - key(b))[0];
}
