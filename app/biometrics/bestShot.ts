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

export class BestShotSelector<T> {
  private readonly shots = new Map<string, Shot<T>[]>();

  constructor(private readonly options: BestShotOptions = DEFAULT_BEST_SHOT_OPTIONS) {}

  /** Would this shot enter the kept set? Lets the worker skip embedding faces that cannot improve a track. */
  wouldKeep(trackId: string, qualityScore: number, usable: boolean, timestampMs: number): boolean {
    const kept = this.current(trackId, timestampMs);
    if (kept.length < this.options.keep) return true;
    const worst = kept[kept.length - 1];
    return worst !== undefined && rank(usable, qualityScore) > rank(worst.usable, worst.qualityScore);
  }

  offer(shot: Shot<T>): void {
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
  }

  private current(trackId: string, nowMs: number): Shot<T>[] {
    const kept = (this.shots.get(trackId) ?? []).filter((s) => nowMs - s.timestampMs <= this.options.windowMs);
    this.shots.set(trackId, kept);
    return kept;
  }
}

const rank = (usable: boolean, score: number) => (usable ? 1 : 0) + score;
