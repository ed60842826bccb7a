import type { Box } from './geometry';
import type { PadManifest } from './modelManifest';
import { channelValues } from './modelManifest';
import type { RgbImage } from './presentationAttacks';

/**
 * What a presentation-attack detector is fed and what its output means, as its manifest says: the detector's
 * box scaled about its centre by `boxScale` (shifted to stay inside the image, as the faceplugin code crops),
 * resized to the input size, laid out and normalised per channel; the bona fide score from its outputs.
 */
export function padCropBox(box: Box, imageWidth: number, imageHeight: number, boxScale: number): Box {
  const scale = Math.min((imageHeight - 1) / box.height, (imageWidth - 1) / box.width, boxScale);
  const width = box.width * scale;
  const height = box.height * scale;
  const x = Math.min(Math.max(0, box.x + box.width / 2 - width / 2), imageWidth - 1 - width);
  const y = Math.min(Math.max(0, box.y + box.height / 2 - height / 2), imageHeight - 1 - height);
  return { x: Math.max(0, x), y: Math.max(0, y), width, height };
}

type PadFeed = Pick<PadManifest, 'inputSize' | 'layout' | 'colourOrder' | 'normalisation' | 'boxScale'>;

/** The model's input tensor for one face (bilinear resize of the crop). */
export function padInputTensor(image: RgbImage, box: Box, manifest: PadFeed): Float32Array {
  return padCropTensor(image, padCropBox(box, image.width, image.height, manifest.boxScale), manifest);
}

/**
 * The input tensor of a crop already placed (padCropBox on the whole frame): the vision worker reads only the crop's
 * region of a frame and passes the crop relative to it, for the same values as `padInputTensor` on the whole frame.
 */
export function padCropTensor(image: RgbImage, crop: Box, manifest: Omit<PadFeed, 'boxScale'>): Float32Array {
  const [width, height] = manifest.inputSize;
  const mean = channelValues(manifest.normalisation.mean);
  const std = channelValues(manifest.normalisation.std);
  const order = manifest.colourOrder === 'RGB' ? [0, 1, 2] : [2, 1, 0];
  const out = new Float32Array(3 * width * height);
  const at = (x: number, y: number, c: number) => image.data[3 * (Math.min(image.height - 1, Math.max(0, y)) * image.width + Math.min(image.width - 1, Math.max(0, x))) + c] ?? 0;
  for (let j = 0; j < height; j++) {
    const sy = crop.y + ((j + 0.5) * crop.height) / height - 0.5;
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    for (let i = 0; i < width; i++) {
      const sx = crop.x + ((i + 0.5) * crop.width) / width - 0.5;
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      for (let k = 0; k < 3; k++) {
        const c = order[k] ?? k;
        const v = (1 - fy) * ((1 - fx) * at(x0, y0, c) + fx * at(x0 + 1, y0, c)) + fy * ((1 - fx) * at(x0, y0 + 1, c) + fx * at(x0 + 1, y0 + 1, c));
        const normalised = (v - (mean[k] ?? 0)) / (std[k] ?? 1);
        out[manifest.layout === 'NCHW' ? k * width * height + j * width + i : 3 * (j * width + i) + k] = normalised;
      }
    }
  }
  return out;
}

/** The bona fide score (0..1) from one face's outputs, as the manifest's `score` says. */
export function bonaFideScore(outputs: ArrayLike<number>, score: PadManifest['score']): number {
  const value = outputs[score.bonaFideIndex];
  if (value === undefined) throw new RangeError(`bonaFideIndex ${score.bonaFideIndex} is outside the model's ${outputs.length} outputs`);
  switch (score.activation) {
    case 'none':
      return value;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-value));
    case 'softmax': {
      const max = Math.max(...Array.from(outputs));
      const exps = Array.from(outputs, (v) => Math.exp(v - max));
      return (exps[score.bonaFideIndex] ?? 0) / exps.reduce((a, b) => a + b, 0);
    }
  }
}
