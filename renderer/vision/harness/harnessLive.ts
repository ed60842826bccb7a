import type { VisionClient } from '../visionClient';

/**
 * Live-camera measurement for the harness: frames from getUserMedia (Chromium's fake camera in tests and
 * benchmarks) go to the vision worker as the booth would send them, while a long-task observer watches the
 * page's main thread.
 */
export interface LiveRunResult {
  readonly framesOffered: number;
  readonly framesProcessed: number;
  readonly framesDropped: number;
  readonly facesSeen: number;
  readonly trackIds: string[];
  readonly endedTrackIds: string[];
  readonly embeddings: number;
  readonly qualityReasons: Record<string, number>;
  readonly processedPerSecond: number;
  /**
   * Frames per second of the worker's own processing time (1000 / mean total ms): processedPerSecond is capped
   * by the camera's frame rate (the fake camera delivers ~15 fps), this is what the worker could sustain.
   */
  readonly capacityPerSecond: number;
  readonly medianTotalMs: number;
  readonly longestMainThreadTaskMs: number;
  readonly frameSize: { width: number; height: number };
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s[s.length >> 1] ?? NaN) : NaN;
};

export async function runLiveCamera(client: VisionClient, cameraId: string, durationMs: number): Promise<LiveRunResult> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play();
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  try {
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    // Long-task timing is unavailable in some browsers; the figure then stays 0.
  }
  const started = performance.now();
  let offered = 0;
  let dropped = 0;
  const totals: number[] = [];
  const tracks = new Set<string>();
  const ended = new Set<string>();
  const reasons: Record<string, number> = {};
  let faces = 0;
  let embeddings = 0;
  const pending: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    const onFrame = () => {
      if (performance.now() - started >= durationMs) return resolve();
      offered++;
      pending.push(
        createImageBitmap(video).then(async (bitmap) => {
          const result = await client.processFrame(bitmap, cameraId);
          if (result.dropped) {
            dropped++;
            return;
          }
          totals.push(result.timings.totalMs);
          for (const face of result.faces) {
            faces++;
            tracks.add(face.trackId);
            if (face.embedding) embeddings++;
            for (const reason of face.quality.reasons) reasons[reason] = (reasons[reason] ?? 0) + 1;
          }
          for (const id of result.endedTrackIds) ended.add(id);
        }),
      );
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  });
  await Promise.all(pending);
  observer.disconnect();
  const elapsed = (performance.now() - started) / 1000;
  const frameSize = { width: video.videoWidth, height: video.videoHeight };
  for (const track of stream.getTracks()) track.stop();
  return {
    framesOffered: offered,
    framesProcessed: totals.length,
    framesDropped: dropped,
    facesSeen: faces,
    trackIds: [...tracks],
    endedTrackIds: [...ended],
    embeddings,
    qualityReasons: reasons,
    processedPerSecond: totals.length / elapsed,
    capacityPerSecond: totals.length / Math.max(totals.reduce((sum, ms) => sum + ms, 0) / 1000, 1e-9),
    medianTotalMs: median(totals),
    longestMainThreadTaskMs: longest,
    frameSize,
  };
}
