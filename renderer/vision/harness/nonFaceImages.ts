import { seededRandom } from '../../../app/shared/seededRandom';
import type { Random } from '../../../app/shared/seededRandom';

/**
 * Images that are not faces, drawn in code (the project ships no one's face): what a booth camera or a
 * document reader may show when nobody is there or the "portrait" is not a photograph. The face-ness
 * calibration (`npx booth faces eval`) measures the embedder on them, and the e2e tests feed them to the
 * worker as frames and references. Deterministic: the same kind and index always draw the same picture.
 */
export const NON_FACE_KINDS = ['test-pattern', 'colour-bars', 'texture', 'noise', 'gradient', 'drawn-face', 'block-portrait', 'back-of-head', 'car-seat', 'poster'] as const;
export type NonFaceKind = (typeof NON_FACE_KINDS)[number];

type Context = OffscreenCanvasRenderingContext2D;

const hsl = (r: Random, s = [20, 90], l = [20, 80]) => `hsl(${Math.floor(r() * 360)},${Math.floor(s[0]! + r() * (s[1]! - s[0]!))}%,${Math.floor(l[0]! + r() * (l[1]! - l[0]!))}%)`;
const between = (r: Random, min: number, max: number) => min + r() * (max - min);

/** Chromium's fake camera: a green field, a sweeping pie "clock" and a frame counter, as its fake capture device draws. */
function testPattern(c: Context, w: number, h: number, r: Random): void {
  c.fillStyle = `rgb(0,${Math.floor(between(r, 110, 160))},0)`;
  c.fillRect(0, 0, w, h);
  const radius = Math.min(w, h) * between(r, 0.25, 0.4);
  const start = between(r, 0, 2 * Math.PI);
  c.fillStyle = '#000';
  c.beginPath();
  c.moveTo(w / 2, h / 2);
  c.arc(w / 2, h / 2, radius, start, start + between(r, 0.5, 5.5));
  c.closePath();
  c.fill();
  c.fillStyle = '#fff';
  c.font = `${Math.round(h / 12)}px monospace`;
  c.fillText(`${Math.floor(r() * 100000)}`.padStart(6, '0'), w * 0.05, h * 0.12);
  c.strokeStyle = '#0f0';
  c.lineWidth = 2;
  c.beginPath();
  c.moveTo(between(r, 0, w), 0);
  c.lineTo(between(r, 0, w), h);
  c.stroke();
}

function colourBars(c: Context, w: number, h: number, r: Random): void {
  const colours = ['#c0c0c0', '#c0c000', '#00c0c0', '#00c000', '#c000c0', '#c00000', '#0000c0'];
  const shift = Math.floor(r() * colours.length);
  colours.forEach((_, i) => {
    c.fillStyle = colours[(i + shift) % colours.length] ?? '#000';
    c.fillRect((i * w) / colours.length, 0, w / colours.length + 1, h * 0.7);
  });
  const cells = 6 + Math.floor(r() * 10);
  for (let i = 0; i < cells; i++) {
    c.fillStyle = i % 2 ? '#000' : '#fff';
    c.fillRect((i * w) / cells, h * 0.7, w / cells + 1, h * 0.3);
  }
  c.strokeStyle = '#fff';
  c.beginPath();
  c.arc(w / 2, h / 2, Math.min(w, h) * between(r, 0.2, 0.45), 0, 2 * Math.PI);
  c.stroke();
}

function texture(c: Context, w: number, h: number, r: Random): void {
  c.fillStyle = hsl(r);
  c.fillRect(0, 0, w, h);
  const style = Math.floor(r() * 3);
  const count = 40 + Math.floor(r() * 200);
  for (let i = 0; i < count; i++) {
    c.fillStyle = hsl(r);
    c.strokeStyle = hsl(r);
    if (style === 0) c.fillRect(between(r, -20, w), between(r, -20, h), between(r, 4, w / 4), between(r, 4, h / 4));
    else if (style === 1) {
      c.beginPath();
      c.arc(between(r, 0, w), between(r, 0, h), between(r, 2, w / 8), 0, 2 * Math.PI);
      c.fill();
    } else {
      c.lineWidth = between(r, 1, 8);
      c.beginPath();
      c.moveTo(between(r, 0, w), between(r, 0, h));
      c.lineTo(between(r, 0, w), between(r, 0, h));
      c.stroke();
    }
  }
}

function noise(c: Context, w: number, h: number, r: Random): void {
  const image = c.createImageData(w, h);
  const colour = r() < 0.5;
  const level = between(r, 40, 200);
  const spread = between(r, 20, 128);
  for (let i = 0; i < w * h; i++) {
    const gray = level + (r() - 0.5) * 2 * spread;
    image.data[4 * i] = colour ? level + (r() - 0.5) * 2 * spread : gray;
    image.data[4 * i + 1] = colour ? level + (r() - 0.5) * 2 * spread : gray;
    image.data[4 * i + 2] = colour ? level + (r() - 0.5) * 2 * spread : gray;
    image.data[4 * i + 3] = 255;
  }
  c.putImageData(image, 0, 0);
}

function gradient(c: Context, w: number, h: number, r: Random): void {
  const g = r() < 0.5 ? c.createLinearGradient(between(r, 0, w), 0, between(r, 0, w), h) : c.createRadialGradient(w / 2, h / 2, 0, between(r, 0, w), between(r, 0, h), Math.max(w, h) * between(r, 0.3, 1));
  const stops = 2 + Math.floor(r() * 3);
  for (let i = 0; i < stops; i++) g.addColorStop(i / (stops - 1), hsl(r));
  c.fillStyle = g;
  c.fillRect(0, 0, w, h);
}

/** A cartoon face: head, eyes, nose, mouth, sometimes hair and ears, in flat colours. */
export function drawCartoonFace(c: Context, cx: number, cy: number, size: number, r: Random): void {
  const headW = size * between(r, 0.36, 0.46);
  const headH = size * between(r, 0.45, 0.55);
  if (r() < 0.6) {
    c.fillStyle = hsl(r, [10, 60], [5, 40]);
    c.beginPath();
    c.ellipse(cx, cy - headH * 0.25, headW * 1.08, headH * 0.85, 0, 0, 2 * Math.PI);
    c.fill();
  }
  c.fillStyle = `hsl(${between(r, 15, 40)},${between(r, 30, 60)}%,${between(r, 35, 80)}%)`;
  c.beginPath();
  c.ellipse(cx, cy, headW, headH, 0, 0, 2 * Math.PI);
  c.fill();
  const eyeY = cy - headH * between(r, 0.05, 0.25);
  const eyeDx = headW * between(r, 0.3, 0.5);
  const eyeR = headW * between(r, 0.06, 0.16);
  for (const side of [-1, 1]) {
    c.fillStyle = '#fff';
    c.beginPath();
    c.ellipse(cx + side * eyeDx, eyeY, eyeR * 1.6, eyeR, 0, 0, 2 * Math.PI);
    c.fill();
    c.fillStyle = hsl(r, [20, 80], [5, 35]);
    c.beginPath();
    c.arc(cx + side * eyeDx, eyeY, eyeR * 0.8, 0, 2 * Math.PI);
    c.fill();
  }
  c.strokeStyle = '#532';
  c.lineWidth = Math.max(1, size / 80);
  c.beginPath();
  c.moveTo(cx, eyeY + eyeR);
  c.lineTo(cx - headW * 0.1, cy + headH * 0.2);
  c.lineTo(cx + headW * 0.05, cy + headH * 0.22);
  c.stroke();
  c.strokeStyle = `hsl(0,${between(r, 30, 70)}%,${between(r, 25, 50)}%)`;
  c.lineWidth = Math.max(2, size / 40);
  c.beginPath();
  c.arc(cx, cy + headH * 0.3, headW * between(r, 0.25, 0.45), 0.15 * Math.PI, 0.85 * Math.PI);
  c.stroke();
}

function drawnFace(c: Context, w: number, h: number, r: Random): void {
  c.fillStyle = hsl(r, [0, 40], [60, 95]);
  c.fillRect(0, 0, w, h);
  drawCartoonFace(c, w / 2 + between(r, -0.05, 0.05) * w, h / 2 + between(r, -0.05, 0.05) * h, Math.min(w, h) * between(r, 0.8, 1.1), r);
}

/** The simulator's own kind of placeholder: a flat block head with dark bars for eyes and mouth on a plain ground. */
function blockPortrait(c: Context, w: number, h: number, r: Random): void {
  c.fillStyle = hsl(r, [10, 40], [60, 90]);
  c.fillRect(0, 0, w, h);
  const headW = w * between(r, 0.35, 0.5);
  const headH = headW * between(r, 1.1, 1.4);
  const x = (w - headW) / 2;
  const y = h * between(r, 0.1, 0.2);
  c.fillStyle = `hsl(${between(r, 15, 35)},${between(r, 20, 50)}%,${between(r, 30, 70)}%)`;
  c.fillRect(x, y, headW, headH);
  c.fillStyle = '#222';
  c.fillRect(x + headW * 0.25, y + headH * 0.4, headW * 0.13, headH * 0.06);
  c.fillRect(x + headW * 0.62, y + headH * 0.4, headW * 0.13, headH * 0.06);
  c.fillStyle = '#822';
  c.fillRect(x + headW * 0.36, y + headH * 0.75, headW * 0.28, headH * 0.04);
  c.fillStyle = hsl(r, [20, 60], [15, 40]);
  c.fillRect(w * 0.1, y + headH + h * 0.05, w * 0.8, h);
}

/** The back of a head: a hair-textured oval over a neck and shoulders, no facial features. */
function backOfHead(c: Context, w: number, h: number, r: Random): void {
  c.fillStyle = hsl(r, [0, 30], [40, 90]);
  c.fillRect(0, 0, w, h);
  c.fillStyle = hsl(r, [10, 40], [20, 50]);
  c.fillRect(w * 0.15, h * 0.75, w * 0.7, h * 0.25);
  c.fillStyle = `hsl(${between(r, 15, 35)},40%,${between(r, 40, 70)}%)`;
  c.fillRect(w * 0.4, h * 0.6, w * 0.2, h * 0.2);
  const hair = `hsl(${between(r, 10, 40)},${between(r, 10, 60)}%,${between(r, 5, 50)}%)`;
  c.fillStyle = hair;
  c.beginPath();
  c.ellipse(w / 2, h * 0.4, w * 0.26, h * 0.3, 0, 0, 2 * Math.PI);
  c.fill();
  c.strokeStyle = '#0006';
  c.lineWidth = 1;
  for (let i = 0; i < 120; i++) {
    const a = between(r, 0, 2 * Math.PI);
    const d = between(r, 0, 0.9);
    c.beginPath();
    c.moveTo(w / 2 + Math.cos(a) * d * w * 0.24, h * 0.4 + Math.sin(a) * d * h * 0.28);
    c.lineTo(w / 2 + Math.cos(a) * d * w * 0.24 + between(r, -8, 8), h * 0.4 + Math.sin(a) * d * h * 0.28 + between(r, 4, 14));
    c.stroke();
  }
}

/** An empty car seat seen from the window: seat back, headrest, belt, the car's interior behind. */
function carSeat(c: Context, w: number, h: number, r: Random): void {
  c.fillStyle = hsl(r, [0, 20], [10, 40]);
  c.fillRect(0, 0, w, h);
  c.fillStyle = hsl(r, [0, 20], [50, 85]);
  c.fillRect(w * between(r, 0.6, 0.75), h * 0.05, w * 0.3, h * 0.35);
  const seat = hsl(r, [0, 30], [8, 35]);
  c.fillStyle = seat;
  c.beginPath();
  c.roundRect(w * 0.38, h * 0.12, w * 0.24, h * 0.2, w * 0.05);
  c.fill();
  c.fillStyle = '#888';
  c.fillRect(w * 0.45, h * 0.32, w * 0.02, h * 0.05);
  c.fillRect(w * 0.53, h * 0.32, w * 0.02, h * 0.05);
  c.fillStyle = seat;
  c.beginPath();
  c.roundRect(w * 0.28, h * 0.37, w * 0.44, h * 0.63, w * 0.06);
  c.fill();
  c.strokeStyle = '#0008';
  c.lineWidth = 2;
  for (let i = 1; i < 4; i++) {
    c.beginPath();
    c.moveTo(w * (0.28 + 0.11 * i), h * 0.4);
    c.lineTo(w * (0.28 + 0.11 * i), h);
    c.stroke();
  }
  c.strokeStyle = '#333';
  c.lineWidth = w * 0.03;
  c.beginPath();
  c.moveTo(w * 0.7, h * 0.35);
  c.lineTo(w * 0.35, h);
  c.stroke();
}

/** A wall with a poster showing a drawn face (what a camera sees when the booth is empty but the wall is not). */
function poster(c: Context, w: number, h: number, r: Random): void {
  c.fillStyle = hsl(r, [0, 20], [60, 90]);
  c.fillRect(0, 0, w, h);
  const pw = w * between(r, 0.35, 0.55);
  const ph = pw * 1.35;
  const px = between(r, 0.05, 0.95) * (w - pw);
  const py = between(r, 0.05, 0.3) * (h - ph);
  c.fillStyle = hsl(r, [20, 80], [70, 95]);
  c.fillRect(px, py, pw, ph);
  drawCartoonFace(c, px + pw / 2, py + ph * 0.42, pw * 0.85, r);
  c.fillStyle = '#123';
  c.font = `bold ${Math.round(pw / 9)}px sans-serif`;
  c.fillText('WELCOME', px + pw * 0.12, py + ph * 0.92);
}

const painters: Readonly<Record<NonFaceKind, (c: Context, w: number, h: number, r: Random) => void>> = {
  'test-pattern': testPattern,
  'colour-bars': colourBars,
  texture,
  noise,
  gradient,
  'drawn-face': drawnFace,
  'block-portrait': blockPortrait,
  'back-of-head': backOfHead,
  'car-seat': carSeat,
  poster,
};

/** Picture `index` of a kind, width x height. */
export function drawNonFace(kind: NonFaceKind, index: number, width: number, height: number): OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('2d canvas unavailable');
  painters[kind](context, width, height, seededRandom(`${kind}#${index}`));
  return canvas;
}

/** A real face upside down: still a photograph, but no face the way a camera or reference shows one. */
export function drawUpsideDown(photo: ImageBitmap): OffscreenCanvas {
  const canvas = new OffscreenCanvas(photo.width, photo.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('2d canvas unavailable');
  context.translate(photo.width, photo.height);
  context.rotate(Math.PI);
  context.drawImage(photo, 0, 0);
  return canvas;
}
