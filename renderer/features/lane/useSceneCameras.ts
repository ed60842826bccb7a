import { useEffect, useMemo, useRef } from 'react';
import type { CameraDescriptor } from '../../../app/ports/cameraDescriptor';
import type { EncodedImage } from '../../../app/ports/documentRead';
import type { CameraProfile } from '../../vision/visionProtocol';
import { useBooth, useBoothStore, useVision } from '../../state/StoreContext';
import { decodeImage } from './encodedImages';
import { runRounds } from './runRounds';
import { SceneBitmaps } from './SceneBitmaps';
import { SceneApproachVideo } from './SceneApproachVideo';
import { defaultGeometryFor } from '../../../app/scene/laneCameraGeometry';
import { CAPTURE_ROUND_PAUSE_MS, LANE_CAMERA_TURNS, laneCaptureProfile } from '../../../app/scene/laneCaptureProfile';
import { CameraTurns } from '../../../app/scene/cameraTurns';
import { seatsOfCamera } from '../../../app/scene/laneCameraLayout';
import { SEATS } from '../../../app/scene/vehicleApproach';
import type { LaneCameraStream } from './useLaneCameraStreams';

/** A vehicle camera's worker profile (app/scene/laneCaptureProfile.ts); a traveller camera sees one near face: the worker's default. */
const profileOf = (camera: CameraDescriptor | undefined, canvas: HTMLCanvasElement): CameraProfile | undefined => {
  if (!camera || camera.position === 'traveller') return undefined;
  // The frame may be smaller than the camera's resolution (a live picture is drawn at most 1280 wide): same lens, fewer pixels.
  const geometry = { ...(camera.geometry ?? defaultGeometryFor(camera.position)), width: canvas.width, height: canvas.height };
  return laneCaptureProfile(geometry, seatsOfCamera(camera) ?? SEATS);
};
const cellSize = 320;

/**
 * The lane's one capture loop, whatever the lane (one traveller camera or a vehicle's several): feeds every
 * camera to the vision worker through a canvas, from the camera's own video, or in simulation the camera's
 * scene replayed (one still per person, side by side, moving a little, like video). Round-robin over the
 * cameras, one frame in flight at a time for all of them (the worker protocol drops the rest), each under
 * its camera's id (tracks are per camera). When a face's shot becomes its track's best, the crop is kept
 * for the occupant card and the decision record.
 */
export function useSceneCameras(streams: ReadonlyMap<string, LaneCameraStream>): ReadonlyMap<string, HTMLCanvasElement> {
  const vision = useVision();
  const store = useBoothStore();
  const cameras = useBooth((state) => state.laneCameras);
  const visionReady = useBooth((state) => state.vision.phase === 'ready');
  const canvases = useMemo(() => new Map(cameras.map((camera) => [camera.id, document.createElement('canvas')])), [cameras]);
  // The loop reads the streams as they are now, without restarting when one opens.
  const latestStreams = useRef(streams);
  useEffect(() => {
    latestStreams.current = streams;
  }, [streams]);

  useEffect(() => {
    if (!vision || !visionReady) return;
    // A failed reset is reported through the vision client (as a worker crash); nothing more to do here.
    const bitmaps = new SceneBitmaps(decodeImage, (cameraId) => void vision.resetCamera(cameraId).catch(() => undefined));
    const approaches = new SceneApproachVideo();
    // A camera's profile (its seat regions, focus of expansion) depends on its frame size only: worked out once per size, not per frame.
    const profiles = new Map<string, CameraProfile | undefined>();
    const profileFor = (cameraId: string, canvas: HTMLCanvasElement) => {
      const key = `${cameraId} ${canvas.width}x${canvas.height}`;
      if (!profiles.has(key)) profiles.set(key, profileOf(cameras.find((camera) => camera.id === cameraId), canvas));
      return profiles.get(key);
    };

    // Which cameras each round visits (app/scene/cameraTurns.ts), from what their frames showed.
    const turns = new CameraTurns<string>(LANE_CAMERA_TURNS);
    const round = async (stopped: () => boolean) => {
      for (const cameraId of turns.roundOf([...canvases.keys()])) {
        const canvas = canvases.get(cameraId);
        if (stopped()) return;
        if (!canvas) continue;
        const scene = store.getState().cameraScenes[cameraId];
        const live = latestStreams.current.get(cameraId);
        // Once a trainer (or the simulator) has set a camera's scene, the scene is what it sees, even when
        // empty; before that, the camera's own video, when it has a picture.
        if (scene) {
          const people = await bitmaps.peopleOf(scene).catch(() => [] as readonly ImageBitmap[]);
          // Stopped while decoding: the bitmaps are being closed, and a closed one cannot be drawn.
          if (stopped()) return;
          if (SceneApproachVideo.has(scene) && people.length > 0) approaches.draw(scene, people, canvas);
          else composeScene(canvas, people, performance.now());
          if (people.length === 0) continue;
        } else if (live?.phase === 'live' && live.video.readyState >= 2 && live.video.videoWidth > 0) {
          drawVideo(canvas, live.video);
        } else {
          continue;
        }
        try {
          const profile = profileFor(cameraId, canvas);
          const result = await vision.processFrame(await createImageBitmap(canvas), cameraId, performance.now(), profile);
          // Other people arrived while this frame was in the worker: its faces belong to the previous scene.
          const stale = store.getState().cameraScenes[cameraId]?.version !== scene?.version;
          if (stopped() || result.dropped || stale) continue;
          turns.report(cameraId, { faces: result.faces.map((face) => ({ trackId: face.trackId, comparable: face.embedding !== undefined })) });
          store.getState().sceneFrameProcessed(cameraId, {
            width: result.width,
            height: result.height,
            timestampMs: result.timestampMs,
            endedTrackIds: result.endedTrackIds,
            faces: result.faces.map((face) => ({
              trackId: face.trackId,
              box: face.box,
              qualityReasons: face.quality.reasons,
              qualityScore: face.quality.score,
              ...(face.embedding ? { embedding: face.embedding, bestShot: cropFace(canvas, face.box), ...(face.presentationAttack ? { presentationAttack: face.presentationAttack } : {}) } : {}),
            })),
          });
        } catch {
          // A worker crash is reported through the vision client; this frame is skipped.
        }
      }
    };
    const loop = runRounds(
      round,
      () => new Promise((resolve) => setTimeout(resolve, CAPTURE_ROUND_PAUSE_MS)),
      (error) => console.error('[booth] a scene camera round failed:', error),
    );
    // The bitmaps are closed only once the loop has stopped drawing them.
    return () => void loop.stop().then(() => bitmaps.close());
  }, [vision, visionReady, store, canvases, cameras]);

  return canvases;
}

/** People side by side, each in a square cell, drifting a few pixels as a person in a car does. */
function composeScene(canvas: HTMLCanvasElement, people: readonly ImageBitmap[], nowMs: number): void {
  const width = cellSize * Math.max(1, people.length);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== cellSize) canvas.height = cellSize;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.fillStyle = '#1d2329';
  context.fillRect(0, 0, canvas.width, canvas.height);
  people.forEach((person, seat) => {
    const drift = Math.sin(nowMs / 700 + seat) * 3;
    const scale = cellSize / Math.min(person.width, person.height);
    const w = person.width * scale;
    const h = person.height * scale;
    context.drawImage(person, seat * cellSize + (cellSize - w) / 2 + drift, (cellSize - h) / 2 + drift / 2, w, h);
  });
}

/** A live camera's current picture, at most 1280 wide (the detector tiles it; more pixels only cost time). */
function drawVideo(canvas: HTMLCanvasElement, video: HTMLVideoElement): void {
  const scale = Math.min(1, 1280 / video.videoWidth);
  const width = Math.round(video.videoWidth * scale);
  const height = Math.round(video.videoHeight * scale);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  canvas.getContext('2d')?.drawImage(video, 0, 0, width, height);
}

/** The face with some margin, as a small JPEG for the occupant card. */
function cropFace(canvas: HTMLCanvasElement, box: { x: number; y: number; width: number; height: number }): EncodedImage {
  const side = Math.max(box.width, box.height) * 1.6;
  const crop = document.createElement('canvas');
  crop.width = 128;
  crop.height = 128;
  crop.getContext('2d')?.drawImage(canvas, box.x + box.width / 2 - side / 2, box.y + box.height / 2 - side / 2, side, side, 0, 0, 128, 128);
  const url = crop.toDataURL('image/jpeg', 0.85);
  return { mediaType: 'image/jpeg', base64: url.slice(url.indexOf(',') + 1) };
}
