import { GalleryTemplates } from '../../../app/biometrics/identification/galleryTemplates';
import { searchGallery } from '../../../app/biometrics/identification/gallerySearch';
import type { GallerySearcher } from './identificationRun';

/** The worker's gallery code run directly in Node: for tests, and to try pipelines on cached embeddings quickly. */
export function nodeGallerySearcher(dimension: number): GallerySearcher {
  let gallery = new GalleryTemplates(dimension);
  return {
    async enrol(identities) {
      gallery = new GalleryTemplates(dimension, identities.reduce((s, g) => s + g.embeddings.length, 0));
      for (const g of identities) gallery.enrol(g.identityId, g.embeddings.map((embedding, k) => ({ embedding, quality: g.qualities[k] ?? 1 })));
    },
    async search(probes, pipeline, k) {
      return probes.map((probe) => {
        const started = performance.now();
        const result = searchGallery(gallery, probe, pipeline, k);
        return { candidates: result.candidates.map((c) => ({ identityId: c.identityId, score: c.score })), searchMs: performance.now() - started };
      });
    },
  };
}
