/**
 * Draws the evaluation's DET curve (FNMR against FMR, log axes) and the genuine/impostor score histograms on
 * a canvas and returns a PNG data URL: the browser already has a good rasteriser, so no plotting dependency.
 */
export interface PlotSpec {
  readonly title: string;
  readonly curve: readonly { readonly fmr: number; readonly fnmr: number }[];
  readonly histogram: { readonly edges: readonly number[]; readonly genuine: readonly number[]; readonly impostor: readonly number[] };
  readonly markers: readonly { readonly label: string; readonly fmr: number; readonly fnmr: number }[];
}

const WIDTH = 1200;
const HEIGHT = 560;

export async function drawVerificationPlot(spec: PlotSpec): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const c = canvas.getContext('2d');
  if (!c) throw new Error('2d canvas unavailable');
  c.fillStyle = '#fff';
  c.fillRect(0, 0, WIDTH, HEIGHT);
  c.fillStyle = '#000';
  c.font = '16px sans-serif';
  c.fillText(spec.title, 20, 24);
  drawDet(c, spec, { x: 70, y: 50, w: 480, h: 440 });
  drawHistogram(c, spec, { x: 660, y: 50, w: 500, h: 440 });
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('canvas could not encode PNG');
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

interface Area {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

function drawDet(c: CanvasRenderingContext2D, spec: PlotSpec, a: Area): void {
  const minFmr = Math.min(1e-6, ...spec.curve.map((p) => p.fmr).filter((v) => v > 0));
  const lx = (v: number) => a.x + ((Math.log10(Math.max(v, minFmr)) - Math.log10(minFmr)) / -Math.log10(minFmr)) * a.w;
  const minFnmr = 1e-4;
  const ly = (v: number) => a.y + a.h - ((Math.log10(Math.max(v, minFnmr)) + 4) / 4) * a.h;
  c.strokeStyle = '#ccc';
  c.fillStyle = '#333';
  c.font = '12px sans-serif';
  for (let e = Math.ceil(Math.log10(minFmr)); e <= 0; e++) {
    c.beginPath();
    c.moveTo(lx(10 ** e), a.y);
    c.lineTo(lx(10 ** e), a.y + a.h);
    c.stroke();
    c.fillText(`1e${e}`, lx(10 ** e) - 12, a.y + a.h + 16);
  }
  for (let e = -4; e <= 0; e++) {
    c.beginPath();
    c.moveTo(a.x, ly(10 ** e));
    c.lineTo(a.x + a.w, ly(10 ** e));
    c.stroke();
    c.fillText(`${10 ** e * 100}%`, a.x - 55, ly(10 ** e) + 4);
  }
  c.fillText('FMR (false match rate)', a.x + a.w / 2 - 60, a.y + a.h + 34);
  c.save();
  c.translate(a.x - 60, a.y + a.h / 2 + 60);
  c.rotate(-Math.PI / 2);
  c.fillText('FNMR (false non-match rate)', 0, 0);
  c.restore();
  c.strokeStyle = '#1f5fbf';
  c.lineWidth = 2;
  c.beginPath();
  spec.curve.forEach((p, i) => (i === 0 ? c.moveTo(lx(p.fmr), ly(p.fnmr)) : c.lineTo(lx(p.fmr), ly(p.fnmr))));
  c.stroke();
  // Operating points as dots, their figures listed in a legend so labels never overlap.
  c.fillStyle = '#c0392b';
  spec.markers.forEach((m, i) => {
    c.beginPath();
    c.arc(lx(m.fmr), ly(m.fnmr), 4, 0, 2 * Math.PI);
    c.fill();
    c.fillText(m.label, a.x + 10, a.y + 18 + 16 * i);
  });
  c.lineWidth = 1;
}

function drawHistogram(c: CanvasRenderingContext2D, spec: PlotSpec, a: Area): void {
  const { edges, genuine, impostor } = spec.histogram;
  const total = (v: readonly number[]) => Math.max(1, v.reduce((s, x) => s + x, 0));
  const g = genuine.map((v) => v / total(genuine));
  const i = impostor.map((v) => v / total(impostor));
  const max = Math.max(...g, ...i, 1e-9);
  const bins = g.length;
  const bw = a.w / bins;
  c.strokeStyle = '#999';
  c.strokeRect(a.x, a.y, a.w, a.h);
  const bars = (values: number[], colour: string) => {
    c.fillStyle = colour;
    values.forEach((v, k) => c.fillRect(a.x + k * bw, a.y + a.h - (v / max) * a.h, bw - 1, (v / max) * a.h));
  };
  bars(i, 'rgba(192,57,43,0.55)');
  bars(g, 'rgba(31,95,191,0.55)');
  c.fillStyle = '#333';
  c.font = '12px sans-serif';
  for (let k = 0; k <= bins; k += Math.max(1, Math.floor(bins / 5))) c.fillText((edges[k] ?? 0).toFixed(1), a.x + k * bw - 8, a.y + a.h + 16);
  c.fillText('cosine similarity: genuine (blue), impostor (red), fraction of pairs', a.x, a.y + a.h + 34);
}
