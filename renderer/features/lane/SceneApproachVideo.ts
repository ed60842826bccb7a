import type { CameraScene } from '../../../app/ports/cameraScene';
import { LaneSceneRenderer } from '../../../app/scene/laneSceneRenderer';
import type { RgbaImage } from '../../../app/scene/rgbaImage';

type ApproachScene = CameraScene & { readonly approach: NonNullable<CameraScene['approach']> };

/**
 * A simulated camera's vehicle approach played as video: the lane scene renderer (app/scene) draws the frame
 * of the current moment since the scene arrived (15 fps of the camera's own clock, the car stopping at the
 * stop line after ~2 s and staying there), into the capture loop's canvas. One renderer per scene version.
 */
export class SceneApproachVideo {
  private readonly byCamera = new Map<string, { readonly version: number; readonly startedMs: number; readonly renderer: LaneSceneRenderer }>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  static has(scene: CameraScene): scene is ApproachScene {
    return scene.approach !== undefined;
  }

  /** Draws the scene's current frame (people: the scene's faces, decoded, in the scene's order). */
  draw(scene: ApproachScene, people: readonly ImageBitmap[], canvas: HTMLCanvasElement): void {
    let entry = this.byCamera.get(scene.cameraId);
    if (entry?.version !== scene.version) {
      const faces = people.map((bitmap) => ({ image: pixelsOf(bitmap) }));
      // The simulator draws each occupant on the cameras aimed at their seat only. With every occupant on every camera
      // (what a real lane sees; the eval's default, --render-seats visible) the lane still shows extra "Unknown person"
      // cards (eval: 32 cards for 29 people), mostly tracks in view together with the occupant's track on one camera
      // (one face detected twice, or a tracker swap, where two heads line up on one ray), and the e2e specs have not
      // passed 3 of 3 runs that way. docs/vehicle-capture.md, "One person on two cameras", "Why tracks join no one".
      entry = { version: scene.version, startedMs: this.now(), renderer: new LaneSceneRenderer(scene.approach.geometry, scene.approach.vehicle, faces, { seats: scene.approach.seats, cameraKey: scene.cameraId, render: 'aimed' }) };
      this.byCamera.set(scene.cameraId, entry);
    }
    const { geometry } = scene.approach;
    const index = Math.floor(((this.now() - entry.startedMs) / 1000) * geometry.fps);
    const frame = entry.renderer.frameAt(index);
    if (canvas.width !== geometry.width) canvas.width = geometry.width;
    if (canvas.height !== geometry.height) canvas.height = geometry.height;
    // The frame's bytes are fresh for each frame (toRgba), in a plain ArrayBuffer: no copy (8 MB at 1080p) needed.
    canvas.getContext('2d')?.putImageData(new ImageData(frame.image.data as Uint8ClampedArray<ArrayBuffer>, frame.image.width, frame.image.height), 0, 0);
  }
}

function pixelsOf(bitmap: ImageBitmap): RgbaImage {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return { width: 1, height: 1, data: new Uint8ClampedArray(4) };
  context.drawImage(bitmap, 0, 0);
  const image = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return { width: image.width, height: image.height, data: image.data };
}
