import type { ExitIdentification } from '../../../../app/inspection/exit/exitOccupantRules';
import { exitIdentificationOf, type ExitGallerySearch } from './exitGallerySearch';

/** The false-positive identification rate exit decisions are made at (NIST's paperless-boarding operating point). */
export const exitTargetFpir = 0.003;

/** One face's search: on which probe, against which enrolled gallery, and what it found. */
export interface ExitSearch {
  readonly probe: Float32Array;
  readonly galleryId: string;
  readonly identification: ExitIdentification;
}

/** A face as the searches read it: its track and its probes, best first. */
export interface SearchedFace {
  readonly trackId: string;
  readonly probes: readonly { readonly embedding: Float32Array }[];
}

/**
 * The search that stands for a face now, or null (not searched yet: nobody is identified). It stands only when made
 * on one of the face's own probes, so a late answer for a probe the face no longer has never stands for it; and only
 * against the gallery enrolled now, so after a gallery change (a refresh, a training run's own gallery) no face keeps a
 * search of a gallery that is gone.
 */
export function standingSearch(search: ExitSearch | undefined, face: Pick<SearchedFace, 'probes'>, galleryId: string | null): ExitIdentification | null {
  if (!search || search.galleryId !== galleryId || !face.probes.some((p) => p.embedding === search.probe)) return null;
  return search.identification;
}

/** Waits before a failed search is asked again: 1 s, 2 s, 4 s, then the failure is shown (a restarting worker is back well within 7 s). */
export const exitSearchRetryDelaysMs: readonly number[] = [1000, 2000, 4000];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A search asked for a face, numbered in the order asked. */
interface Asked {
  readonly probe: Float32Array;
  readonly galleryId: string;
  readonly order: number;
}

/**
 * The 1:N searches of the faces on screen, one per (face probe, gallery): a face is searched on its best probe against
 * the gallery enrolled, and again only when its best probe improves or the gallery changes — never again while the
 * same search is on its way (the screen renders on every frame; the worker answers between frames). Every answer
 * lands (`changed` gets the searches found so far, by track), in the order asked: an answer older than one already
 * landed for that face is dropped, so a face whose best shot keeps improving still shows its latest answer, and which
 * answer stands for a face is standingSearch's rule. A search the worker could not make lands as "no candidate"
 * saying why (`searchError`), never as a match: an answer that says so (no calibration, no gallery) at once, as the
 * permanent error it is; a call that failed on its way (the worker crashed, restarted or timed out) is transient, so
 * the same probe is asked again after each of `exitSearchRetryDelaysMs`, and only the last failure lands — a face is
 * never left "not identified" by one worker hiccup. Faces gone from the screen are forgotten, and after `stop` (the
 * screen went away) nothing is asked, retried or landed.
 */
export class ExitFaceSearches {
  private readonly asked = new Map<string, Asked>();
  private readonly landedOrder = new Map<string, number>();
  private found: Readonly<Record<string, ExitSearch>> = {};
  private order = 0;
  private stopped = false;

  constructor(
    private readonly search: ExitGallerySearch,
    private readonly changed: (found: Readonly<Record<string, ExitSearch>>) => void,
    /** How a retry waits (tests pass their own clock). */
    private readonly wait: (ms: number) => Promise<void> = sleep,
  ) {}

  /** The faces on screen now: asks for each face whose best probe was not searched against `galleryId` yet. */
  request(galleryId: string, faces: readonly SearchedFace[]): void {
    if (this.stopped) return;
    this.forgetAllBut(new Set(faces.map((f) => f.trackId)));
    for (const { trackId, probes } of faces) {
      const probe = probes[0]?.embedding;
      const last = this.asked.get(trackId);
      if (!probe || (last?.probe === probe && last.galleryId === galleryId)) continue;
      const asked = { probe, galleryId, order: ++this.order };
      this.asked.set(trackId, asked);
      this.identify(trackId, asked, 0);
    }
  }

  private identify(trackId: string, asked: Asked, failures: number): void {
    this.search.identify({ galleryId: asked.galleryId, embedding: asked.probe, targetFpir: exitTargetFpir }).then(
      (reply) => this.land(trackId, asked, exitIdentificationOf(trackId, reply)),
      (error: unknown) => {
        const delay = exitSearchRetryDelaysMs[failures];
        if (delay === undefined) return this.land(trackId, asked, { kind: 'no_candidate', trackId, searchError: error instanceof Error ? error.message : String(error) });
        // Asked again only while this is still the face's search (not stopped, not overtaken by a better probe or gallery).
        return this.wait(delay).then(() => {
          if (!this.stopped && this.asked.get(trackId) === asked) this.identify(trackId, asked, failures + 1);
        });
      },
    );
  }

  stop(): void {
    this.stopped = true;
    this.asked.clear();
  }

  private land(trackId: string, { probe, galleryId, order }: Asked, identification: ExitIdentification): void {
    // Gone (the screen, or the face) or overtaken by a newer answer for the face: nothing lands.
    if (this.stopped || !this.asked.has(trackId) || (this.landedOrder.get(trackId) ?? 0) > order) return;
    this.landedOrder.set(trackId, order);
    this.found = { ...this.found, [trackId]: { probe, galleryId, identification } };
    this.changed(this.found);
  }

  private forgetAllBut(onScreen: ReadonlySet<string>): void {
    const gone = [...this.asked.keys()].filter((trackId) => !onScreen.has(trackId));
    if (gone.length === 0) return;
    for (const trackId of gone) {
      this.asked.delete(trackId);
      this.landedOrder.delete(trackId);
    }
    this.found = Object.fromEntries(Object.entries(this.found).filter(([trackId]) => onScreen.has(trackId)));
  }
}
