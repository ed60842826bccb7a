import { readFileSync } from 'node:fs';
import type { Remote } from 'comlink';
import { describe, expect, it } from 'vitest';
import { embedderManifestSchema } from '../../app/biometrics/modelManifest';
import { createGalleryClient } from './galleryClient';
import type { GalleryIdentityEmbeddings } from './galleryProtocol';
import { createGalleryService } from './galleryWorkerService';
import type { VisionService } from './visionProtocol';

/**
 * The page's gallery calls against the worker's real gallery service (in Node), where a "restart" is a fresh
 * service that has lost every gallery, as a crashed and restarted worker has.
 */
const manifest = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../assets/models/fr_feature.json', import.meta.url), 'utf8')));

function unit(seed: number, dimension = manifest.outputSize): Float32Array {
  let state = seed >>> 0;
  const v = new Float32Array(dimension).map(() => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  });
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

function workerThatRestarts() {
  const fresh = () => createGalleryService({ embedder: async () => manifest, embedStill: () => Promise.reject(new Error('no stills in this test')) }) as unknown as Remote<VisionService>;
  let service = fresh();
  const enrolments: string[] = [];
  const client = createGalleryClient({
    call: async (run) => {
      const s = service;
      return run(new Proxy(s, { get: (target, name) => (name === 'enrolGallery' ? (request: { galleryId: string }) => (enrolments.push(request.galleryId), target.enrolGallery(request as never)) : target[name as keyof typeof target]) }));
    },
    parse: (schema, value, what) => {
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Error(`${what}: ${parsed.error.message}`);
      return parsed.data;
    },
    ready: async () => undefined,
  });
  return { client, enrolments, restart: () => void (service = fresh()) };
}

const gallery: GalleryIdentityEmbeddings[] = Array.from({ length: 30 }, (_, i) => ({ identityId: `EX-${i}`, embeddings: [unit(i + 1), unit(i + 1)] }));

describe('the page side of the worker galleries: a restarted worker gets its gallery back from the restorer', () => {
  it('re-enrols from the restorer (the sealed store) on the first call that finds the gallery gone, and answers as before', async () => {
    const { client, enrolments, restart } = workerThatRestarts();
    expect((await client.enrolGallery({ galleryId: 'lane', identities: gallery, replace: true })).ok).toBe(true);
    let restored = 0;
    client.restoreGalleryFrom('lane', async () => (restored++, gallery));
    const before = await client.identify({ galleryId: 'lane', embedding: unit(8), targetFpir: 0.003 });
    expect(before).toMatchObject({ ok: true, result: { outcome: 'identified', identityId: 'EX-7' } });
    expect(restored).toBe(0);

    restart();
    const after = await client.identify({ galleryId: 'lane', embedding: unit(8), targetFpir: 0.003 });
    expect(after).toMatchObject({ ok: true, result: { outcome: 'identified', identityId: 'EX-7', galleryIdentities: 30, galleryTemplates: 60 } });
    expect(restored).toBe(1);
    expect(enrolments).toEqual(['lane', 'lane']);
  });

  it('keeps no copy of its own: without a restorer (or once dropped), a lost gallery is "no_gallery", never an empty or stale answer', async () => {
    const { client, restart } = workerThatRestarts();
    await client.enrolGallery({ galleryId: 'lane', identities: gallery, replace: true });
    restart();
    expect(await client.identify({ galleryId: 'lane', embedding: unit(8), targetFpir: 0.003 })).toMatchObject({ ok: false, error: { code: 'no_gallery' } });

    await client.enrolGallery({ galleryId: 'lane', identities: gallery, replace: true });
    client.restoreGalleryFrom('lane', async () => gallery);
    await client.dropGallery('lane');
    restart();
    expect(await client.identify({ galleryId: 'lane', embedding: unit(8), targetFpir: 0.003 })).toMatchObject({ ok: false, error: { code: 'no_gallery' } });
    // A restorer whose templates are gone (purged with the gallery) restores nothing.
    client.restoreGalleryFrom('lane', async () => null);
    expect(await client.identify({ galleryId: 'lane', embedding: unit(8), targetFpir: 0.003 })).toMatchObject({ ok: false, error: { code: 'no_gallery' } });
  });
});
