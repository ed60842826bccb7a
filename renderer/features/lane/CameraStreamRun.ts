/** The part of a MediaStream a run needs: its tracks, to stop them. */
export interface StoppableStream {
  getTracks(): readonly { stop(): void }[];
}

/** Applies a change to the published camera entries (React's state setter); `E` is what is published per camera (LaneCameraStream). */
export type PublishStreams<E> = (update: (current: ReadonlyMap<string, E>) => ReadonlyMap<string, E>) => void;

const stopTracks = (stream: StoppableStream) => stream.getTracks().forEach((track) => track.stop());

/**
 * One opening of the configured cameras (the configuration changes, or the lane screen closes, and a new run
 * takes over). It owns the streams it opened and the entries it published: when it ends it stops those
 * streams and withdraws those entries, so a camera no longer configured does not stay "live" with a dead
 * video. The next run publishes the cameras still configured again.
 */
export class CameraStreamRun<E> {
  private readonly opened: StoppableStream[] = [];
  private readonly published = new Map<string, E>();
  private ended = false;

  constructor(private readonly publish: PublishStreams<E>) {}

  get isEnded(): boolean {
    return this.ended;
  }

  /** Takes a stream just opened; false (and the stream stopped) when the run has ended meanwhile. */
  adopt(stream: StoppableStream): boolean {
    if (this.ended) {
      stopTracks(stream);
      return false;
    }
    this.opened.push(stream);
    return true;
  }

  /** Publishes a camera's state (ignored once the run has ended). */
  set(cameraId: string, stream: E): void {
    if (this.ended) return;
    this.published.set(cameraId, stream);
    this.publish((current) => new Map(current).set(cameraId, stream));
  }

  /** Stops every stream the run opened and withdraws what it published (not what a newer run has since set). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const stream of this.opened.splice(0)) stopTracks(stream);
    const mine = new Map(this.published);
    this.published.clear();
    if (mine.size === 0) return;
    this.publish((current) => {
      const next = new Map(current);
      for (const [cameraId, stream] of mine) if (next.get(cameraId) === stream) next.delete(cameraId);
      return next;
    });
  }
}
