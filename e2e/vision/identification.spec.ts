import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { identificationCalibrationSchema } from '../../app/biometrics/identification/identificationCalibration';
import { dataset } from '../../testSupport/datasets';
import { call, configuredEmbedder, openHarness } from './visionHarnessPage';

/**
 * 1:N identification in the booth's vision worker on real faces: a gallery enrolled from LFW photos (several per
 * traveller, embedded in the worker through the reference gate), a traveller's other photo identified, a
 * stranger not identified, look-alike handling left to the unit tests. The embedder runs with a stated FPIR
 * table (the test's, not the shipped one, so the test does not move when the manifest is recalibrated).
 */
const lfw = dataset(import.meta.url, 'faces-lfw', 'the vision worker enrolling and identifying LFW faces');

const table = identificationCalibrationSchema.parse({
  version: 'e2e-identification',
  source: 'e2e/vision/identification.spec.ts: a stated table, thresholds in the range LFW measures',
  galleryIdentities: 500,
  pipeline: { fusion: 'centroid', normalisation: 'none' },
  matedSearches: 1000,
  nonMatedSearches: 10_000,
  table: [
    { threshold: 0.2, fpir: 0.05 },
    { threshold: 0.3, fpir: 0.003 },
    { threshold: 0.4, fpir: 0.0002 },
  ],
  thresholdsByFpir: { '3e-3': 0.3 },
  ambiguityMargin: 0.02,
});

interface Traveller {
  readonly identity: string;
  readonly images: string[];
}

function travellers(): { enrolled: Traveller[]; stranger: string } {
  const rows = readFileSync(path.join(lfw.path, 'identities.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const byIdentity = new Map<string, string[]>();
  for (const [image, identity] of rows) if (image && identity) byIdentity.set(identity, [...(byIdentity.get(identity) ?? []), image]);
  const many = [...byIdentity].filter(([, images]) => images.length >= 3).slice(0, 6).map(([identity, images]) => ({ identity, images: images.slice(0, 3) }));
  const stranger = [...byIdentity].find(([, images]) => images.length === 1)?.[1][0] ?? '';
  return { enrolled: many, stranger };
}

const url = (image: string) => `/__dataset/faces-lfw/${image}`;

type Reply = { ok: boolean; result?: { outcome: string; identityId: string | null; score: number | null; threshold: number; calibratedFpir: number | null; calibrationVersion: string; candidates: { identityId: string }[] }; error?: { code: string } };

test.describe('exit identification in the vision worker', () => {
  test.describe.configure({ timeout: 240_000 });
  test.skip(!lfw.present, `needs ${lfw.path} (set BOOTH_DATASETS)`);

  test('enrols travellers from photos and identifies another photo of one of them; a stranger is not identified', async ({ page }) => {
    await openHarness(page);
    await call(page, 'init', { embedderManifest: { ...configuredEmbedder(), identification: [table] } });
    const { enrolled, stranger } = travellers();
    expect(enrolled).toHaveLength(6);
    // The gallery holds each traveller's second and third photos; the first is the face at the exit camera.
    for (const traveller of enrolled) {
      const reply = await call<{ ok: boolean; templates: number; images: { ok: boolean }[]; gallery: { templates: number; kernel: string } }>(page, 'enrolGalleryImages', 'lane', traveller.identity, traveller.images.slice(1).map(url));
      expect(reply.ok).toBe(true);
      expect(reply.templates).toBe(reply.images.filter((i) => i.ok).length);
      expect(reply.gallery.kernel).toBe('wasm-simd');
    }
    let identified = 0;
    for (const traveller of enrolled) {
      const reply = await call<Reply>(page, 'identifyImage', 'lane', url(traveller.images[0] ?? ''), 0.003);
      expect(reply.ok, JSON.stringify(reply)).toBe(true);
      expect(reply.result?.candidates[0]?.identityId).toBe(traveller.identity);
      expect(reply.result).toMatchObject({ threshold: 0.3, calibrationVersion: 'e2e-identification' });
      if (reply.result?.outcome === 'identified') {
        identified++;
        expect(reply.result.identityId).toBe(traveller.identity);
        expect(reply.result.calibratedFpir).toBeLessThanOrEqual(0.003);
      }
    }
    // LFW photos of one person differ (age, pose, light): most, not necessarily all, reach the threshold.
    expect(identified).toBeGreaterThanOrEqual(5);
    const strangerReply = await call<Reply>(page, 'identifyImage', 'lane', url(stranger), 0.003);
    expect(strangerReply.ok).toBe(true);
    expect(strangerReply.result).toMatchObject({ outcome: 'not_identified', identityId: null });
    expect(strangerReply.result?.score).toBeLessThan(0.3);
    // A gallery the worker does not hold is an error naming it, not an empty answer.
    const missing = await call<Reply>(page, 'identifyImage', 'other-lane', url(stranger), 0.003);
    expect(missing).toMatchObject({ ok: false, error: { code: 'no_gallery' } });
  });
});
