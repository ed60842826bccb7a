/**
 * Keeps, per track, the best-quality shots seen within a sliding time window: the best one is shown to the
 * officer beside the reference photo, the best k embeddings are fused for matching.
 */
export interface Shot<T> {
  readonly trackId: string;
  readonly timestampMs: number;
  readonly qualityScore: number;
  /** Only shots without quality reasons can be matched. */
  readonly usable: boolean;
  readonly payload: T;
}

export interface BestShotOptions {
  readonly windowMs: number;
  /** How many shots are kept per track (for fusion). */
  readonly keep: number;
}

export const DEFAULT_BEST_SHOT_OPTIONS: BestShotOptions = { windowMs: 4000, keep: 5 };

/** The best shot of a track the embedder saw no face in (face-ness refused), and when. */
interface Refusal {
  readonly timestampMs: number;
  readonly qualityScore: number;
}

export class BestShotSelector<T> {
  private readonly shots = new Map<string, Shot<T>[]>();
  private readonly refusals = new Map<string, Refusal>();

  constructor(private readonly options: BestShotOptions = DEFAULT_BEST_SHOT_OPTIONS) {}

  /** Would this shot enter the kept set? Lets the worker skip embedding faces that cannot improve a track. */
  wouldKeep(trackId: string, qualityScore: number, usable: boolean, timestampMs: number): boolean {
    const kept = this.current(trackId, timestampMs);
    if (kept.length < this.options.keep) return true;
    const worst = kept[kept.length - 1];
    return worst !== undefined && rank(usable, qualityScore) > rank(worst.usable, worst.qualityScore);
  }

  /**
   * Has a shot of this track at least this good been refused as not a face within the window? Then this one is
   * not worth embedding either (a poster or a test card passes the quality gate every frame): it is shown as not
   * a face. A better shot, or the same one once the window has passed, is tried again.
   */
  isRefused(trackId: string, qualityScore: number, timestampMs: number): boolean {
    const refusal = this.refusals.get(trackId);
    return refusal !== undefined && timestampMs - refusal.timestampMs <= this.options.windowMs && qualityScore <= refusal.qualityScore;
  }

  /** The embedder saw no face in this track's shot: never offered, remembered so it is not embedded again. */
  refuse(trackId: string, qualityScore: number, timestampMs: number): void {
    if (this.isRefused(trackId, qualityScore, timestampMs)) return;
    this.refusals.set(trackId, { timestampMs, qualityScore });
  }

  offer(shot: Shot<T>): void {
    // A face-like shot answers for the track: earlier refusals were of worse views of it.
    this.refusals.delete(shot.trackId);
    const kept = [...this.current(shot.trackId, shot.timestampMs), shot];
    kept.sort((a, b) => rank(b.usable, b.qualityScore) - rank(a.usable, a.qualityScore));
    this.shots.set(shot.trackId, kept.slice(0, this.options.keep));
  }

  best(trackId: string, nowMs: number): Shot<T> | undefined {
    return this.current(trackId, nowMs)[0];
  }

  /** Best shots, best first, usable ones before unusable ones. */
  top(trackId: string, nowMs: number): readonly Shot<T>[] {
    return this.current(trackId, nowMs);
  }

  endTrack(trackId: string): void {
    this.shots.delete(trackId);
    this.refusals.delete(trackId);
  }

  private current(trackId: string, nowMs: number): Shot<T>[] {
    const kept = (this.shots.get(trackId) ?? []).filter((s) => nowMs - s.timestampMs <= this.options.windowMs);
    this.shots.set(trackId, kept);
    return kept;
  }
}

const rank = (usable: boolean, score: number) => (usable ? 1 : 0) + score;
