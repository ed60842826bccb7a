import type { Box } from '../../app/biometrics/geometry';
import type { GrayImage } from '../../app/biometrics/imageStatistics';
import type { SimilarityTransform } from '../../app/biometrics/similarityTransform';
import { toCanvasMatrix } from '../../app/biometrics/similarityTransform';

/** A decoded frame or still in CPU memory, as the pipeline's stages read it. */
export type FrameImage = OffscreenCanvas;

/**
 * Pixel work on OffscreenCanvas (resampling is done by the browser's 2D canvas, not by hand): the gray crop
 * the landmark model reads, and the aligned crop the embedder reads, as model input tensors.
 */
export class FaceCrops {
  private readonly canvas: OffscreenCanvas;
  private readonly context: OffscreenCanvasRenderingContext2D;

  constructor() {
    this.canvas = new OffscreenCanvas(1, 1);
    const context = this.canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('OffscreenCanvas 2d context unavailable');
    this.context = context;
  }

  private prepare(width: number, height: number): OffscreenCanvasRenderingContext2D {
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const c = this.context;
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.fillStyle = '#000';
    c.fillRect(0, 0, width, height);
    c.imageSmoothingEnabled = true;
    c.imageSmoothingQuality = 'high';
    return c;
  }

  /**
   * A CPU-backed copy of a frame. Camera and canvas bitmaps may live on the GPU; every crop of such a bitmap
   * onto a readable canvas forces a GPU readback, so a frame is read back once into a software canvas and
   * cropped from memory. A canvas, not an ImageBitmap: the copy went from 3.3-3.8 ms (getImageData +
   * createImageBitmap) to 0.9-1.3 ms per 640x480 frame (BENCH_QUICK=1 npm run bench:vision, stage cpuCopy). A new canvas per call, so a still and a frame processed concurrently never share one.
   */
  toCpuFrame(frame: ImageBitmap): FrameImage {
    const canvas = new OffscreenCanvas(frame.width, frame.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('OffscreenCanvas 2d context unavailable');
    context.drawImage(frame, 0, 0);
    return canvas;
  }

  /** The box region resized to width x height, as gray bytes (ITU-R BT.601 luma). */
  grayCrop(source: FrameImage, box: Box, width: number, height: number): GrayImage & { pixels: Uint8Array } {
    const c = this.prepare(width, height);
    c.drawImage(source, box.x, box.y, box.width, box.height, 0, 0, width, height);
    const rgba = c.getImageData(0, 0, width, height).data;
    const pixels = new Uint8Array(width * height);
    for (let i = 0; i < pixels.length; i++) {
      pixels[i] = Math.round(0.299 * (rgba[4 * i] ?? 0) + 0.587 * (rgba[4 * i + 1] ?? 0) + 0.114 * (rgba[4 * i + 2] ?? 0));
    }
    return { width, height, pixels };
  }

  /** The source warped through `transform` into a width x height RGBA image. */
  warp(source: FrameImage, transform: SimilarityTransform, width: number, height: number): Uint8ClampedArray {
    const c = this.prepare(width, height);
    c.setTransform(...toCanvasMatrix(transform));
    c.drawImage(source, 0, 0);
    c.setTransform(1, 0, 0, 1, 0, 0);
    return c.getImageData(0, 0, width, height).data;
  }
}

export interface TensorLayout {
  readonly width: number;
  readonly height: number;
  /** Planar (NCHW) or interleaved (NHWC) channels. */
  readonly layout: 'NCHW' | 'NHWC';
  readonly colourOrder: 'RGB' | 'BGR';
  /** Per channel, in the tensor's colour order. */
  readonly mean: readonly [number, number, number];
  readonly std: readonly [number, number, number];
}

/**
 * RGBA pixels to a float tensor of one image (3 x height x width values, planar or interleaved as the model
 * takes them) written at `offset` of `out`; `mirror` writes the image flipped left-right (test-time augmentation).
 */
export function writeImageTensor(rgba: Uint8ClampedArray, layout: TensorLayout, out: Float32Array, offset: number, mirror: boolean): void {
  const { width, height, mean, std } = layout;
  const plane = width * height;
  const source = layout.colourOrder === 'BGR' ? [2, 1, 0] : [0, 1, 2];
  // Where channel c of pixel p goes: planes one after the other, or the channels of a pixel side by side.
  const channelStride = layout.layout === 'NCHW' ? plane : 1;
  const pixelStride = layout.layout === 'NCHW' ? 1 : 3;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = mirror ? width - 1 - x : x;
      const s = 4 * (y * width + sx);
      const d = offset + (y * width + x) * pixelStride;
      for (let c = 0; c < 3; c++) out[d + c * channelStride] = ((rgba[s + (source[c] ?? c)] ?? 0) - (mean[c] ?? 0)) / (std[c] ?? 1);
    }
  }
}
