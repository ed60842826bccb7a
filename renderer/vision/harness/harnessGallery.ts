import type { SearchPipeline } from '../../../app/biometrics/identification/searchPipeline';
import type { VisionClient } from '../visionClient';
import type { GalleryImageEnrolmentReply, GalleryState, IdentificationReply } from '../galleryProtocol';

/**
 * The page side of `faces eval --protocol identification` and `bench:exit`: galleries enrolled and searched
 * through the booth's own VisionClient and worker. Embeddings cross the DevTools protocol as base64 float32.
 */
export interface HarnessGalleryIdentity {
  readonly identityId: string;
  readonly embeddings: readonly string[];
  readonly qualities: readonly number[];
}

export interface HarnessSearch {
  readonly candidates: { identityId: string; score: number }[];
  /** Time of the search inside the worker. */
  readonly searchMs: number;
  /** Time of the round trip page -> worker -> page. */
  readonly roundTripMs: number;
}

const fromBase64 = (text: string): Float32Array => {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Float32Array(bytes.buffer);
};

/** What an eval enrolled per gallery (as it sent it): a worker that restarts mid-run is re-enrolled from it. */
const enrolled = new Map<string, HarnessGalleryIdentity[]>();
const decoded = (identities: readonly HarnessGalleryIdentity[]) => identities.map((g) => ({ identityId: g.identityId, embeddings: g.embeddings.map(fromBase64), qualities: g.qualities }));

export async function enrolGallery(client: VisionClient, galleryId: string, identities: readonly HarnessGalleryIdentity[], replace: boolean): Promise<{ state: GalleryState; enrolMs: number }> {
  const started = performance.now();
  const reply = await client.enrolGallery({ galleryId, replace, identities: decoded(identities) });
  if (!reply.ok) throw new Error(`gallery enrolment refused: ${reply.error.code}: ${reply.error.message}`);
  const kept = replace ? [] : (enrolled.get(galleryId) ?? []);
  enrolled.set(galleryId, [...kept, ...identities]);
  client.restoreGalleryFrom(galleryId, async () => decoded(enrolled.get(galleryId) ?? []));
  return { state: reply.gallery, enrolMs: performance.now() - started };
}

export async function searchGallery(client: VisionClient, galleryId: string, probes: readonly string[], pipeline: SearchPipeline, candidates: number): Promise<HarnessSearch[]> {
  const out: HarnessSearch[] = [];
  for (const probe of probes) {
    const started = performance.now();
    const reply = await client.searchGallery({ galleryId, embedding: fromBase64(probe), pipeline, candidates });
    if (!reply.ok) throw new Error(`gallery search refused: ${reply.error.code}: ${reply.error.message}`);
    out.push({ candidates: reply.candidates.map((c) => ({ identityId: c.identityId, score: c.score })), searchMs: reply.searchMs, roundTripMs: performance.now() - started });
  }
  return out;
}

export async function enrolGalleryImages(client: VisionClient, galleryId: string, identityId: string, urls: readonly string[]): Promise<GalleryImageEnrolmentReply> {
  const blobs = await Promise.all(urls.map(async (url) => (await fetch(url)).blob()));
  return client.enrolGalleryImages(galleryId, identityId, blobs, { select: 'central' });
}

/** Embeds a probe photo as a reference and identifies it (the path the exit lane takes, for the Chromium test). */
export async function identifyImage(client: VisionClient, galleryId: string, url: string, targetFpir: number): Promise<IdentificationReply | { ok: false; error: { code: string; message: string } }> {
  const still = await client.embedStill(await (await fetch(url)).blob(), { select: 'central', minInterEyePx: 0 });
  if (!still.ok) return { ok: false, error: still.error };
  return client.identify({ galleryId, embedding: still.face.embedding, targetFpir });
}
