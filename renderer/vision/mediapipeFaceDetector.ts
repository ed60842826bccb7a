import { FaceDetector, FilesetResolver } from '@mediapipe/tasks-vision';
import type { DetectorManifest } from '../../app/biometrics/modelManifest';
import type { Box, Point } from '../../app/biometrics/geometry';
import type { TileLayout } from '../../app/biometrics/detectionTiles';
import { mergeDetections, planTiles } from '../../app/biometrics/detectionTiles';
import { ModelLoadError, fetchModel, joinUrl } from './modelFetch';

/** A face found by the detector, in frame pixels. */
export interface Detection {
  readonly box: Box;
  readonly score: number;
  /** The detector's 6 coarse keypoints (right eye, left eye, nose, mouth, right ear, left ear), frame pixels. */
  readonly keypoints: readonly Point[];
}

/**
 * MediaPipe Tasks FaceDetector on the prepared BlazeFace models: short-range on the frame (and on tiles for
 * vehicle cameras), full-range as an optional second pass.
 */
export class MediapipeFaceDetector {
  private readonly tileCanvas = new OffscreenCanvas(1, 1);
  private readonly tileContext: OffscreenCanvasRenderingContext2D;

  private constructor(
    private readonly shortRange: FaceDetector,
    private readonly fullRange: FaceDetector | undefined,
  ) {
    const context = this.tileCanvas.getContext('2d');
    if (!context) throw new ModelLoadError('runtime_failed', 'OffscreenCanvas 2d context unavailable');
    this.tileContext = context;
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
    return new MediapipeFaceDetector(shortRange, fullRange);
  }

  detect(frame: ImageBitmap, layout: TileLayout, fullRangePass: boolean): Detection[] {
    const tiles = planTiles(frame.width, frame.height, layout);
    const found: Detection[] = [];
    for (const tile of tiles) {
      const source = tile.name === 'frame' ? frame : this.cropTile(frame, tile);
      found.push(...this.run(this.shortRange, source, tile));
    }
    if (found.length === 0 && fullRangePass && this.fullRange) found.push(...this.run(this.fullRange, frame, { x: 0, y: 0 }));
    return mergeDetections(found);
  }

  private cropTile(frame: ImageBitmap, tile: Box): OffscreenCanvas {
    this.tileCanvas.width = tile.width;
    this.tileCanvas.height = tile.height;
    this.tileContext.drawImage(frame, tile.x, tile.y, tile.width, tile.height, 0, 0, tile.width, tile.height);
    return this.tileCanvas;
  }

  private run(detector: FaceDetector, source: ImageBitmap | OffscreenCanvas, offset: { x: number; y: number }): Detection[] {
    const result = detector.detect(source);
    return result.detections.flatMap((d) => {
      const b = d.boundingBox;
      if (!b) return [];
      return [
        {
          box: { x: b.originX + offset.x, y: b.originY + offset.y, width: b.width, height: b.height },
          score: d.categories[0]?.score ?? 0,
          keypoints: d.keypoints.map((k) => ({ x: k.x * source.width + offset.x, y: k.y * source.height + offset.y })),
        },
      ];
    });
  }

  close(): void {
    this.shortRange.close();
    this.fullRange?.close();
  }
}
