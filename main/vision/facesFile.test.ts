import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImageEmbeddings } from './faceEvaluation';
import type { FacesFileMade } from './facesFile';
import { readFacesFile, writeFacesFile } from './facesFile';

const made: FacesFileMade = { preparedSha256: 'a'.repeat(64), select: 'central', flip: false, landmarkBoxScale: null, landmarkPasses: null };
const images = ['A/A_0001.jpg', 'B/B_0001.jpg'];
const result: ImageEmbeddings = {
  embeddings: [new Float32Array([0.6, 0.8]), undefined],
  faces: [{ qualityScore: 0.7 } as ImageEmbeddings['faces'][number], {} as ImageEmbeddings['faces'][number]],
  failures: [{ path: 'B/B_0001.jpg', error: 'no_face' }],
  multiFace: 0,
  timings: { ms: [], detectMs: [], landmarksMs: [], embedMs: [] },
  init: null,
};

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the faces file between faces eval and the identification eval', () => {
  it('reads back what was written, a failure to acquire as a null embedding', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'faces-file-'));
    const file = path.join(dir, 'sub', 'faces.jsonl');
    await writeFacesFile(file, made, images, new Map([['A/A_0001.jpg', 'A'], ['B/B_0001.jpg', 'B']]), result);
    const faces = await readFacesFile(file, images.map((p) => ({ path: p })), made);
    expect(faces.map((f) => f.path)).toEqual(images);
    expect([...(faces[0]?.embedding ?? [])]).toEqual([...new Float32Array([0.6, 0.8])]);
    expect(faces[0]?.quality).toBe(0.7);
    expect(faces[1]?.embedding).toBeNull();
  });

  it('refuses embeddings of another model or pipeline, and a file that does not say how they were made', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'faces-file-'));
    const file = path.join(dir, 'faces.jsonl');
    await writeFacesFile(file, made, images, new Map(), result);
    const wanted = images.map((p) => ({ path: p }));
    await expect(readFacesFile(file, wanted, { ...made, preparedSha256: 'b'.repeat(64) })).rejects.toThrow(/made otherwise: preparedSha256 a+ \(this eval: b+\)/);
    await expect(readFacesFile(file, wanted, { ...made, flip: true })).rejects.toThrow(/flip false \(this eval: true\)/);
    const old = path.join(dir, 'old.jsonl');
    await writeFile(old, `${JSON.stringify({ path: images[0], embedding: null })}\n`);
    await expect(readFacesFile(old, wanted, made)).rejects.toThrow(/old\.jsonl:1: not a faces file that says how its embeddings were made/);
    await expect(readFacesFile(file, [...wanted, { path: 'C/C_0001.jpg' }], made)).rejects.toThrow(/has no line for C\/C_0001\.jpg/);
  });
});
