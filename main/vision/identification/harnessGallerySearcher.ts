import type { SearchPipeline } from '../../../app/biometrics/identification/searchPipeline';
import { embeddingToBase64 } from '../embeddingBase64';
import type { HarnessSession } from '../visionHarnessSession';
import type { GallerySearcher, SearchCandidate } from './identificationRun';

/** The gallery searcher of the eval: the booth's vision worker in the harness page (harnessGallery.ts). */
interface PageHarness {
  enrolGallery(galleryId: string, identities: unknown, replace: boolean): Promise<unknown>;
  searchGallery(galleryId: string, probes: string[], pipeline: SearchPipeline, candidates: number): Promise<{ candidates: SearchCandidate[]; searchMs: number }[]>;
}

const GALLERY_ID = 'faces-eval';
/** Probes per page call: small enough to keep DevTools messages modest. */
const BATCH = 200;

export function harnessGallerySearcher(session: HarnessSession): GallerySearcher {
  return {
    async enrol(identities) {
      const payload = identities.map((g) => ({ identityId: g.identityId, embeddings: g.embeddings.map(embeddingToBase64), qualities: g.qualities }));
      await session.page.evaluate(
        ([id, list]) => (globalThis as unknown as { boothVisionHarness: PageHarness }).boothVisionHarness.enrolGallery(id, list, true),
        [GALLERY_ID, payload] as const,
      );
    },
    async search(probes, pipeline, k) {
      const out: { candidates: SearchCandidate[]; searchMs: number }[] = [];
      for (let i = 0; i < probes.length; i += BATCH) {
        const batch = probes.slice(i, i + BATCH).map(embeddingToBase64);
        const replies = await session.page.evaluate(
          ([id, list, p, n]) => (globalThis as unknown as { boothVisionHarness: PageHarness }).boothVisionHarness.searchGallery(id, list, p, n),
          [GALLERY_ID, batch, pipeline, k] as const,
        );
        out.push(...replies);
      }
      return out;
    },
  };
}
