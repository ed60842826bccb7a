import type { CameraScene } from '../../../app/ports/cameraScene';
import type { EncodedImage } from '../../../app/ports/documentRead';

/** What a decoded still must offer: ImageBitmap, or a stand-in in tests. */
export interface Closable {
  close(): void;
}

/**
 * Decodes every image, or none: when one fails, those already decoded are closed and the first failure is
 * passed on (a bitmap holds decoded pixels outside the JS heap until it is closed).
 */
export async function decodeAllOrNone<B extends Closable>(images: readonly EncodedImage[], decode: (image: EncodedImage) => Promise<B>): Promise<B[]> {
  const settled = await Promise.allSettled(images.map(async (image) => decode(image)));
  const failed = settled.find((result) => result.status === 'rejected');
  if (!failed) return settled.map((result) => (result as PromiseFulfilledResult<B>).value);
  for (const result of settled) if (result.status === 'fulfilled') result.value.close();
  throw failed.reason;
}

const closeAll = (bitmaps: readonly Closable[]) => bitmaps.forEach((bitmap) => bitmap.close());
const ignore = () => undefined;

/**
 * The decoded stills of each simulated camera's scene, decoded once per scene version. Every bitmap is closed
 * exactly once: when its scene is replaced, or on `close` (also those still decoding then). Draw only between
 * awaiting `peopleOf` and the next call, and call `close` only once nothing draws any more.
 */
export class SceneBitmaps<B extends Closable> {
  private readonly byCamera = new Map<string, { readonly version: number; readonly people: Promise<readonly B[]> }>();
  private closed = false;

  constructor(
    private readonly decode: (image: EncodedImage) => Promise<B>,
    /** A camera shows other people: its tracks belong to the previous scene. */
    private readonly onNewScene: (cameraId: string) => void = ignore,
  ) {}

  /** The scene's people, decoded (rejects when one of its images cannot be decoded; nothing is left open then). */
  peopleOf(scene: CameraScene): Promise<readonly B[]> {
    if (this.closed) return Promise.resolve([]);
    const known = this.byCamera.get(scene.cameraId);
    if (known?.version === scene.version) return known.people;
    if (known) void known.people.then(closeAll, ignore);
    const people = decodeAllOrNone(scene.people, this.decode);
    this.byCamera.set(scene.cameraId, { version: scene.version, people });
    this.onNewScene(scene.cameraId);
    return people;
  }

  /** Closes every bitmap decoded, and those still decoding as they finish. */
  close(): void {
    this.closed = true;
    for (const entry of this.byCamera.values()) void entry.people.then(closeAll, ignore);
    this.byCamera.clear();
  }
}
