/**
 * Which cameras the lane's capture loop visits in a round (the loop goes round its cameras, one frame in flight, and
 * pauses between rounds). `round-robin`: every camera every round. `wanting-first`: a camera is *settled* when every
 * face its last frame showed belongs to a track that has had a comparable shot (and it showed at least one); while
 * some camera is not, the settled ones are visited only every `settledEvery`-th round, so the worker's frames go
 * to the faces still lacking a result. Never starving: a settled camera still gets a frame every few rounds (its
 * tracks keep improving their best shots, and a face it has not found yet is found by a later whole search), and
 * when every camera is settled (or none is) every camera is visited.
 */
export type CameraTurnPolicy = 'round-robin' | 'wanting-first';

export const CAMERA_TURN_POLICIES = ['round-robin', 'wanting-first'] as const satisfies readonly CameraTurnPolicy[];

/** What a processed frame showed, for the turns: each face's track and whether this shot was comparable. */
export interface FrameFaces {
  readonly faces: readonly { readonly trackId: string; readonly comparable: boolean }[];
}

const SETTLED_EVERY = 2;

export class CameraTurns<C> {
  private rounds = 0;
  /** Tracks (of any camera: ids are unique) that have had a comparable shot. */
  private readonly comparable = new Set<string>();
  private readonly settled = new Map<C, boolean>();

  constructor(
    private readonly policy: CameraTurnPolicy,
    private readonly settledEvery = SETTLED_EVERY,
  ) {}

  /** The cameras to visit this round, in their order. */
  roundOf(cameras: readonly C[]): C[] {
    const round = this.rounds++;
    if (this.policy === 'round-robin') return [...cameras];
    const wanting = cameras.filter((c) => this.settled.get(c) !== true);
    if (wanting.length === 0 || wanting.length === cameras.length) return [...cameras];
    return round % this.settledEvery === 0 ? [...cameras] : wanting;
  }

  /** A frame of `camera` was processed and showed these faces. */
  report(camera: C, frame: FrameFaces): void {
    for (const face of frame.faces) if (face.comparable) this.comparable.add(face.trackId);
    this.settled.set(camera, frame.faces.length > 0 && frame.faces.every((face) => this.comparable.has(face.trackId)));
  }
}
