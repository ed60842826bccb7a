import { FaceDetector, FilesetResolver } from '@mediapipe/tasks-vision';
import type { DetectorManifest } from '../../app/biometrics/modelManifest';
import type { Box, Point } from '../../app/biometrics/geometry';
import type { TileLayout } from '../../app/biometrics/detectionProfile';
import { mergeDetections, planTiles } from '../../app/biometrics/detectionTiles';
import { ModelLoadError, fetchModel, joinUrl } from './modelFetch';
import type { FrameImage } from './faceCrops';

/** A face found by the detector, in frame pixels. */
export interface Detection {
  readonly box: Box;
  readonly score: number;
  /** The detector's 6 coarse keypoints (right eye, left eye, nose, mouth, right ear, left ear), frame pixels. */
  readonly keypoints: readonly Point[];
}

/** Whether `box` reaches an edge of `region` that is not the frame's edge (within 1 px). */
function cutByEdge(box: Box, region: Box, frame: { readonly width: number; readonly height: number }): boolean {
  return (
    (region.x > 0 && box.x <= region.x + 1) ||
    (region.y > 0 && box.y <= region.y + 1) ||
    (region.x + region.width < frame.width && box.x + box.width >= region.x + region.width - 1) ||
    (region.y + region.height < frame.height && box.y + box.height >= region.y + region.height - 1)
  );
}

/** The detector's input is at most this many times the model's input side (see MediapipeFaceDetector.input). */
const INPUT_OVERSAMPLING = 2;

/**
 * MediaPipe Tasks FaceDetector on the prepared BlazeFace models: short-range on the frame (and on tiles for
 * vehicle cameras), full-range as an optional second pass.
 */
export class MediapipeFaceDetector {
  private readonly inputCanvas = new OffscreenCanvas(1, 1);
  private readonly inputContext: OffscreenCanvasRenderingContext2D;

  private constructor(
    private readonly shortRange: FaceDetector,
    private readonly shortSide: number,
    private readonly fullRange: FaceDetector | undefined,
    private readonly fullSide: number,
  ) {
    // Software-backed like the frame it is drawn from (FaceCrops.toCpuFrame): no GPU upload per draw.
    const context = this.inputCanvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new ModelLoadError('runtime_failed', 'OffscreenCanvas 2d context unavailable');
    this.inputContext = context;
  }

  static async create(
    assetBase: string,
    shortManifest: DetectorManifest,
    fullManifest: DetectorManifest | undefined,
    onBytes: (loaded: number, total: number) => void,
  ): Promise<MediapipeFaceDetector> {
    // Module workers cannot importScripts the WASM loader: the second argument makes it a module import.
    const fileset = await FilesetResolver.forVisionTasks(joinUrl(assetBase, 'wasm/mediapipe'), true);
    const make = async (manifest: DetectorManifest) => {
      const bytes = await fetchModel(joinUrl(assetBase, manifest.file), onBytes);
      // The module loader sets self.ModuleFactory only when first imported and MediaPipe clears it after each
      // task; a second task in the same worker needs it restored from the (cached) module.
      const scope = self as unknown as { ModuleFactory?: unknown };
      if (!scope.ModuleFactory) {
        const loader = (await import(/* @vite-ignore */ fileset.wasmLoaderPath)) as { default?: unknown };
        scope.ModuleFactory = loader.default;
      }
      try {
        return await FaceDetector.createFromOptions(fileset, {
          baseOptions: { modelAssetBuffer: bytes, delegate: 'CPU' },
          runningMode: 'IMAGE',
          minDetectionConfidence: manifest.minScore,
          minSuppressionThreshold: 0.3,
        });
      } catch (error) {
        throw new ModelLoadError('model_corrupt', `${manifest.file} could not be loaded as a face detector: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const shortRange = await make(shortManifest);
    const fullRange = fullManifest ? await make(fullManifest) : undefined;
    const side = (manifest: DetectorManifest | undefined) => INPUT_OVERSAMPLING * Math.max(...(manifest?.inputSize ?? [128]));
    return new MediapipeFaceDetector(shortRange, side(shortManifest), fullRange, side(fullManifest));
  }

  /**
   * `regions.dropCut`: a face cut by a region's edge inside the frame is left out (searching around faces already
   * followed, a neighbour's half face at the edge of the region would start a track of its own).
   */
  detect(frame: FrameImage, layout: TileLayout, fullRangePass: boolean, regions?: { readonly boxes: readonly Box[]; readonly detector: 'short' | 'full'; readonly dropCut?: boolean }): Detection[] {
    const tiles = planTiles(frame.width, frame.height, layout);
    const found: Detection[] = [];
    for (const tile of tiles) found.push(...this.run(this.shortRange, frame, tile, this.shortSide));
    const regionModel = regions?.detector === 'full' && this.fullRange ? this.fullRange : this.shortRange;
    const regionSide = regionModel === this.fullRange ? this.fullSide : this.shortSide;
    for (const box of regions?.boxes ?? []) {
      const inRegion = this.run(regionModel, frame, box, regionSide);
      found.push(...(regions?.dropCut ? inRegion.filter((d) => !cutByEdge(d.box, box, frame)) : inRegion));
    }
    if (found.length === 0 && fullRangePass && this.fullRange) found.push(...this.run(this.fullRange, frame, { x: 0, y: 0, width: frame.width, height: frame.height }, this.fullSide));
    return mergeDetections(found);
  }

  /**
   * The region scaled down so its longer side is at most `maxSide`: the model sees 128x128 (192x192) anyway,
   * and MediaPipe uploads its whole input to a WebGL texture and resamples it there, which on a software GL
   * (SwiftShader, no GPU) costs more than the 2D canvas downscale done here. Measured interleaved in one page
   * on 640x480 frames: 12.9 ms median for the full frame, 9.1-10.1 ms downscaled to 256x192 (copy included);
   * 171x128 and 128x96 were within 1 ms of 256x192 (MediaPipe's fixed cost per call dominates), so the
   * detector keeps 2x its input side of detail.
   */
  private input(frame: FrameImage, region: Box, maxSide: number): OffscreenCanvas {
    const scale = Math.min(1, maxSide / Math.max(region.width, region.height));
    const width = Math.max(1, Math.round(region.width * scale));
    const height = Math.max(1, Math.round(region.height * scale));
    if (this.inputCanvas.width !== width || this.inputCanvas.height !== height) {
      this.inputCanvas.width = width;
      this.inputCanvas.height = height;
    }
    this.inputContext.imageSmoothingEnabled = true;
    this.inputContext.imageSmoothingQuality = 'medium';
    this.inputContext.drawImage(frame, region.x, region.y, region.width, region.height, 0, 0, width, height);
    return this.inputCanvas;
  }

  private run(detector: FaceDetector, frame: FrameImage, region: Box, maxSide: number): Detection[] {
    const source = this.input(frame, region, maxSide);
    const sx = region.width / source.width;
    const sy = region.height / source.height;
    const result = detector.detect(source);
    return result.detections.flatMap((d) => {
      const b = d.boundingBox;
      if (!b) return [];
      return [
        {
          box: { x: region.x + b.originX * sx, y: region.y + b.originY * sy, width: b.width * sx, height: b.height * sy },
          score: d.categories[0]?.score ?? 0,
          keypoints: d.keypoints.map((k) => ({ x: region.x + k.x * region.width, y: region.y + k.y * region.height })),
        },
      ];
    });
  }

  close(): void {
    this.shortRange.close();
    this.fullRange?.close();
  }
}
