import type { VisionClient } from '../visionClient';
import type { StillResult } from '../visionProtocol';
import type { NonFaceKind } from './nonFaceImages';
import { NON_FACE_KINDS, drawNonFace, drawUpsideDown } from './nonFaceImages';

/**
 * Face-ness side of the harness: what the worker makes of pictures that are not faces. `measureNonFaces` feeds
 * the calibration (`npx booth faces eval`): each picture once with a forced box (the embedder's raw norm on a
 * crop the detector might have taken for a face) and once as a reference (must be refused). `nonFaceFrames`
 * sends a scene with nobody in it through the frame path, as a camera would.
 */
export interface NonFaceMeasurement {
  readonly kind: NonFaceKind | 'upside-down' | 'fake-camera';
  readonly index: number;
  /** Raw embedding norm of the central crop taken as a face; null when the worker gave none. */
  readonly forcedRawNorm: number | null;
  /** Faces the detector found in the picture. */
  readonly detected: number;
  /** Raw norm of the face the detector found (when it found one). */
  readonly detectedRawNorm: number | null;
  /** Why the picture was refused as a reference (a code), or null when it was (wrongly) accepted. */
  readonly referenceRefusal: string | null;
}

export interface NonFaceOptions {
  readonly perKind: number;
  readonly width: number;
  readonly height: number;
  /** Real face photos, measured upside down. */
  readonly upsideDownUrls: readonly string[];
  /** Frames grabbed from the browser's camera (Chromium's fake device: its green test pattern). */
  readonly cameraFrames: number;
}

const rawNormOf = (result: StillResult): number | null => (result.ok ? (result.face.rawNorm ?? null) : (result.face?.rawNorm ?? null));

async function measure(client: VisionClient, kind: NonFaceMeasurement['kind'], index: number, picture: OffscreenCanvas | ImageBitmap): Promise<NonFaceMeasurement> {
  const side = Math.min(picture.width, picture.height) * 0.7;
  const box = { x: (picture.width - side) / 2, y: (picture.height - side) / 2, width: side, height: side };
  const forced = await client.embedStill(await createImageBitmap(picture), { purpose: 'measurement', select: 'central', minInterEyePx: 0, box });
  const reference = await client.embedStill(await createImageBitmap(picture), { select: 'central', minInterEyePx: 0 });
  return {
    kind,
    index,
    forcedRawNorm: rawNormOf(forced),
    detected: reference.faceCount,
    detectedRawNorm: rawNormOf(reference),
    referenceRefusal: reference.ok ? null : reference.error.code,
  };
}

/** Frames of Chromium's fake camera (getUserMedia), a few hundred ms apart so the pattern moves between them. */
export async function grabCameraFrames(count: number, gapMs = 250): Promise<ImageBitmap[]> {
  if (count === 0) return [];
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
  try {
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    await video.play();
    const frames: ImageBitmap[] = [];
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      frames.push(await createImageBitmap(video));
    }
    return frames;
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}

export async function measureNonFaces(client: VisionClient, options: NonFaceOptions): Promise<NonFaceMeasurement[]> {
  const results: NonFaceMeasurement[] = [];
  for (const kind of NON_FACE_KINDS) {
    for (let i = 0; i < options.perKind; i++) results.push(await measure(client, kind, i, drawNonFace(kind, i, options.width, options.height)));
  }
  for (const [i, url] of options.upsideDownUrls.entries()) {
    const photo = await createImageBitmap(await (await fetch(url)).blob());
    results.push(await measure(client, 'upside-down', i, drawUpsideDown(photo)));
    photo.close();
  }
  for (const [i, frame] of (await grabCameraFrames(options.cameraFrames)).entries()) {
    results.push(await measure(client, 'fake-camera', i, frame));
    frame.close();
  }
  return results;
}

export interface NonFaceFrames {
  readonly frames: number;
  readonly facesSeen: number;
  /** Comparable embeddings the worker emitted: must be 0 for a scene with nobody in it. */
  readonly embeddings: number;
  /** Faces the worker ran the embedder on (those reported with a raw norm), and the embedding time of all frames. */
  readonly embedded: number;
  readonly embedMs: number;
  readonly reasons: Record<string, number>;
}

/**
 * A scene with nobody in it, `frames` times (each drawn anew, so it varies), through the booth's frame path.
 * `newTrackEachFrame` forgets the camera's tracks before each frame (what the worker did for a non-face track
 * before it remembered the refusal: it was embedded every frame), so both are measured in one run.
 */
export async function nonFaceFrames(client: VisionClient, kind: NonFaceKind, frames: number, newTrackEachFrame = false): Promise<NonFaceFrames> {
  const cameraId = `synthetic-${kind}`;
  await client.resetCamera(cameraId);
  let facesSeen = 0;
  let embeddings = 0;
  let embedded = 0;
  let embedMs = 0;
  const reasons: Record<string, number> = {};
  for (let i = 0; i < frames; i++) {
    if (newTrackEachFrame) await client.resetCamera(cameraId);
    const result = await client.processFrame(await createImageBitmap(drawNonFace(kind, i, 640, 480)), cameraId, i * 100);
    embedMs += result.timings.embedMs;
    for (const face of result.faces) {
      facesSeen++;
      if (face.embedding) embeddings++;
      if (face.rawNorm !== undefined) embedded++;
      for (const reason of face.quality.reasons) reasons[reason] = (reasons[reason] ?? 0) + 1;
    }
  }
  return { frames, facesSeen, embeddings, embedded, embedMs: Math.round(embedMs), reasons };
}
