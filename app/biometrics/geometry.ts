/** 2-D points and boxes in image pixels (x right, y down). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const boxCentre = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

export const boxArea = (box: Box): number => Math.max(0, box.width) * Math.max(0, box.height);

export function intersectionOverUnion(a: Box, b: Box): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (width <= 0 || height <= 0) return 0;
  const intersection = width * height;
  return intersection / (boxArea(a) + boxArea(b) - intersection);
}

/** The box scaled about its centre. */
export function scaleBox(box: Box, factor: number): Box {
  const c = boxCentre(box);
  return { x: c.x - (box.width * factor) / 2, y: c.y - (box.height * factor) / 2, width: box.width * factor, height: box.height * factor };
}

/** The box moved by fractions of its own size (x of its width, y of its height). */
export function shiftBox(box: Box, by: Point): Box {
  return { ...box, x: box.x + by.x * box.width, y: box.y + by.y * box.height };
}

export const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);
