import { useEffect, type RefObject } from 'react';
import { useBoothStore, useVision } from '../../state/StoreContext';

/** The booth camera's id in the vision worker (tracks are kept per camera). */
export const boothCameraId = 'booth';

/**
 * Starts the vision worker (memoised: once per app) and keeps the store's vision phase current: loading
 * progress, ready, a crash and its restart, or unavailable, so the officer knows when face matching is off.
 */
export function useVisionLifecycle(): void {
  const vision = useVision();
  const store = useBoothStore();
  useEffect(() => {
    if (!vision) return;
    const actions = store.getState();
    vision
      .init((progress) => actions.visionChanged({ phase: 'loading', progress: progress.totalBytes > 0 ? progress.loadedBytes / progress.totalBytes : 0 }))
      .then((info) => actions.visionChanged({ phase: 'ready', backend: info.backend }))
      .catch((error: unknown) => actions.visionChanged({ phase: 'unavailable', message: `Face matching is unavailable: ${error instanceof Error ? error.message : String(error)}` }));
    const stopCrash = vision.onCrash((crash) => {
      actions.visionChanged(crash.willRestart ? { phase: 'restarting', message: `The face matcher stopped (${crash.message}); restarting…` } : { phase: 'unavailable', message: `The face matcher keeps stopping (${crash.message}); face matching is off.` });
    });
    const stopRestart = vision.onRestart((info) => actions.visionChanged({ phase: 'ready', backend: info.backend }));
    return () => {
      stopCrash();
      stopRestart();
    };
  }, [vision, store]);
}

/**
 * Feeds the live video to the vision worker one frame at a time: a new frame is taken only when the previous
 * one is answered and the camera has shown a new one, so the worker is never flooded and the page never waits,
 * once useVisionLifecycle has the worker ready.
 */
export function useLiveVision(video: RefObject<HTMLVideoElement | null>): void {
  const vision = useVision();
  const store = useBoothStore();

  useEffect(() => {
    if (!vision) return;
    const actions = store.getState();
    let stopped = false;
    const isReady = () => store.getState().vision.phase === 'ready';

    const step = async () => {
      const element = video.current;
      if (isReady() && element && element.readyState >= 2 && element.videoWidth > 0) {
        try {
          const bitmap = await createImageBitmap(element);
          const result = await vision.processFrame(bitmap, boothCameraId);
          if (!stopped && !result.dropped) {
            // The traveller's face also joins the lane session, where the decision rules compare it with the papers.
            actions.sceneFrameProcessed(boothCameraId, {
              width: result.width,
              height: result.height,
              endedTrackIds: result.endedTrackIds,
              faces: result.faces.map((face) => ({ trackId: face.trackId, box: face.box, qualityReasons: face.quality.reasons, qualityScore: face.quality.score, ...(face.embedding ? { embedding: face.embedding } : {}) })),
            });
            actions.frameProcessed({
              width: result.width,
              height: result.height,
              endedTrackIds: result.endedTrackIds,
              faces: result.faces.map((face) => ({ trackId: face.trackId, box: face.box, qualityReasons: face.quality.reasons, qualityScore: face.quality.score, ...(face.embedding ? { embedding: face.embedding } : {}) })),
            });
          }
        } catch {
          // A crash is reported through onCrash; a frame that failed is simply skipped.
        }
      }
      if (!stopped) scheduleNext();
    };
    // Paced by the camera: the next step waits for a new video frame, so no frame is processed twice and
    // nothing runs while there is no picture (camera closed, permission denied, worker still loading).
    // A video that stops presenting frames (camera replaced or unplugged) must not stall the loop: a fallback
    // timer continues it, and whichever fires first wins.
    const scheduleNext = () => {
      let continued = false;
      const next = () => {
        if (continued) return;
        continued = true;
        clearTimeout(fallback);
        void step();
      };
      const fallback = setTimeout(next, 250);
      const element = video.current;
      if (isReady() && element && element.readyState >= 2) element.requestVideoFrameCallback(next);
    };
    void step();

    return () => {
      stopped = true;
    };
  }, [vision, store, video]);
}
