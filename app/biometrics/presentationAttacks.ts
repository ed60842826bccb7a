import { seededRandom } from '../shared/seededRandom';

/**
 * Presentation attacks the project can make itself, to measure a presentation-attack detector against: a bona
 * fide face image re-rendered as it would look held up to the camera as a print (paper texture, halftone dots,
 * the reduced gamut of ink) or as a screen replay (pixel-grid moiré, glare, the screen's border). Deterministic
 * (seeded), environment-free: RGB pixels in, RGB pixels out.
 */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** width * height * 3 bytes, RGB, row by row. */
  readonly data: Uint8ClampedArray;
}

export const attackKinds = ['print', 'screen'] as const;
export type AttackKind = (typeof attackKinds)[number];

/** The project's one seeded generator, one stream per attack seed: every run measures the same attacks. */
const attackRandom = (seed: number) => seededRandom(`presentation-attack#${seed}`);

const mapPixels = (image: RgbImage, f: (x: number, y: number, rgb: [number, number, number]) => [number, number, number]): RgbImage => {
  const data = new Uint8ClampedArray(image.data.length);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = 3 * (y * image.width + x);
      const [r, g, b] = f(x, y, [image.data[i] ?? 0, image.data[i + 1] ?? 0, image.data[i + 2] ?? 0]);
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
    }
  }
  return { width: image.width, height: image.height, data };
};

/**
 * A print photographed: ink cannot reach the screen's gamut (contrast compressed towards a warm paper white, the
 * blacks lifted), a halftone screen of dots, and paper grain; lit unevenly from one side.
 */
export function asPrint(image: RgbImage, seed: number): RgbImage {
  const random = attackRandom(seed);
  const pitch = 3 + Math.floor(random() * 3);
  const angle = (15 + random() * 30) * (Math.PI / 180);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const paper: [number, number, number] = [245, 238, 222];
  const light = 0.85 + random() * 0.15;
  return mapPixels(image, (x, y, [r, g, b]) => {
    const grain = (random() - 0.5) * 18;
    const u = (x * cos + y * sin) / pitch;
    const v = (-x * sin + y * cos) / pitch;
    const dot = 0.5 + 0.5 * Math.cos(2 * Math.PI * u) * Math.cos(2 * Math.PI * v);
    const shade = light + (1 - light) * (x / image.width);
    const ink = (value: number, white: number) => {
      const compressed = 30 + (value / 255) * (white - 45);
      return (compressed * (0.85 + 0.3 * dot) + grain) * shade;
    };
    return [ink(r, paper[0]), ink(g, paper[1]), ink(b, paper[2])];
  });
}

/**
 * A screen replay photographed: the picture shrunk inside the screen's dark border, the display's pixel grid
 * beating against the camera's (moiré), a bright glare across it, a bluish white point.
 */
export function asScreenReplay(image: RgbImage, seed: number): RgbImage {
  const random = attackRandom(seed);
  const border = Math.round(image.width * (0.06 + random() * 0.06));
  const inner = { x: border, y: Math.round(border * 0.7), w: image.width - 2 * border, h: image.height - Math.round(border * 1.4) };
  const moireX = 0.9 + random() * 0.4;
  const moireY = 0.7 + random() * 0.4;
  const glare = { x: image.width * (0.2 + random() * 0.6), y: image.height * (0.1 + random() * 0.4), r: image.width * (0.25 + random() * 0.2) };
  return mapPixels(image, (x, y) => {
    if (x < inner.x || y < inner.y || x >= inner.x + inner.w || y >= inner.y + inner.h) return [18, 18, 20];
    // The shrunk picture (nearest neighbour, as a scaler without filtering shows it).
    const sx = Math.min(image.width - 1, Math.floor(((x - inner.x) / inner.w) * image.width));
    const sy = Math.min(image.height - 1, Math.floor(((y - inner.y) / inner.h) * image.height));
    const i = 3 * (sy * image.width + sx);
    const moire = 0.88 + 0.12 * Math.sin(x * moireX + y * 0.15) * Math.sin(y * moireY - x * 0.1);
    const d = Math.hypot(x - glare.x, y - glare.y) / glare.r;
    const shine = d < 1 ? 90 * (1 - d) * (1 - d) : 0;
    const px = (value: number, tint: number) => value * moire * tint + shine;
    return [px(image.data[i] ?? 0, 0.95), px(image.data[i + 1] ?? 0, 1.0), px(image.data[i + 2] ?? 0, 1.08)];
  });
}

export function presentationAttack(kind: AttackKind, image: RgbImage, seed: number): RgbImage {
  return kind === 'print' ? asPrint(image, seed) : asScreenReplay(image, seed);
}
