import type { FrameFaces } from './cameraTurns';
import { CameraTurns } from './cameraTurns';

/**
 * Which frames the lane's capture loop gets to process, on a machine where the worker takes what it takes: the
 * loop goes round the cameras (those `CameraTurns` picks for the round; all of them by default), each time taking
 * the frame the camera shows at that moment (the ones it shows meanwhile are never seen), and pauses between
 * rounds. Replayed on a clock that advances by the real processing time of each frame and the pause, a rendered
 * approach is processed as the lane would process a real one, whatever rendering it costs (a real camera's
 * frames come for free).
 */
export class CapturePacing<C> {
  private clockMs = 0;
  private round: C[] = [];
  private next = 0;

  constructor(
    private readonly cameras: readonly C[],
    private readonly fps: number,
    /** Frames each camera shows (the approach and the time standing at the stop line). */
    private readonly frameCount: number,
    private readonly roundPauseMs: number,
    private readonly turns: CameraTurns<C> = new CameraTurns<C>('round-robin'),
  ) {}

  /** The next camera and the frame it shows now, or undefined once the vehicle's frames are over. */
  take(): { readonly camera: C; readonly index: number } | undefined {
    if (this.next >= this.round.length) {
      this.round = this.turns.roundOf(this.cameras);
      this.next = 0;
    }
    const camera = this.round[this.next];
    const index = Math.floor((this.clockMs * this.fps) / 1000);
    if (camera === undefined || index >= this.frameCount) return undefined;
    return { camera, index };
  }

  /** The frame taken was processed in `ms` (and showed `faces`, for the turns); returns when its result was there (ms since the vehicle entered). */
  processed(ms: number, faces?: FrameFaces): number {
    const camera = this.round[this.next];
    if (camera !== undefined && faces) this.turns.report(camera, faces);
    this.clockMs += ms;
    const at = this.clockMs;
    this.next++;
    if (this.next >= this.round.length) this.clockMs += this.roundPauseMs;
    return at;
  }

  /** Time on the loop's clock (ms since the vehicle entered). */
  get nowMs(): number {
    return this.clockMs;
  }
}
