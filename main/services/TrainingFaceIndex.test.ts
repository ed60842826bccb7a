import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeEmbedding, faceIndexPath, loadFaceIndex } from './TrainingFaceIndex';

const dir = mkdtempSync(join(tmpdir(), 'booth-face-index-'));
const expected = { dataset: 'faces-lfw', modelId: 'embedder-a', modelVersion: '1.0' };
const indexFile = (content: unknown) => {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const entry = (identity: string, values: number[]) => ({ identity, file: `images/${identity}/${identity}_0001.jpg`, embedding: encodeEmbedding(new Float32Array(values)) });
const index = { kind: 'booth-face-index', ...expected, createdAt: '2026-12-07T06:00:00Z', failures: 0, entries: [entry('A', [3, 4]), entry('B', [0, 2])] };

describe('the face index training scenarios cast from', () => {
  it('decodes the embeddings (normalised) of an index made with the booth\'s embedder', async () => {
    const loaded = await loadFaceIndex(indexFile(index), expected);
    if ('problem' in loaded) throw new Error(loaded.problem);
    expect(loaded.faces.map((f) => [f.identity, Array.from(f.embedding)])).toEqual([
      ['A', [expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]],
      ['B', [0, 1]],
    ]);
  });

  it('says why an index cannot be used: absent, not JSON, invalid, or made with another embedder', async () => {
    expect(await loadFaceIndex(join(dir, 'none.json'), expected)).toEqual({ problem: `no face index at ${join(dir, 'none.json')}: make one with \`npx booth faces index --dataset <BOOTH_DATASETS>/faces-lfw --out ${join(dir, 'none.json')}\`` });
    expect(await loadFaceIndex(indexFile('{'), expected)).toMatchObject({ problem: expect.stringMatching(/is not valid JSON/) });
    expect(await loadFaceIndex(indexFile({ ...index, extra: 1 }), expected)).toMatchObject({ problem: expect.stringMatching(/is invalid: .*Unrecognized key: "extra"/) });
    const other = indexFile({ ...index, modelVersion: '2.0' });
    expect(await loadFaceIndex(other, expected)).toEqual({ problem: `the face index ${other} was made from faces-lfw with embedder-a 2.0; this booth matches faces of faces-lfw with embedder-a 1.0: make it again` });
  });

  it('is found in the user data folder by dataset and embedder, or where BOOTH_FACE_INDEX says', () => {
    expect(faceIndexPath('/data', 'faces-lfw', 'embedder-a', {})).toBe(join('/data', 'face-index', 'faces-lfw.embedder-a.json'));
    expect(faceIndexPath('/data', 'faces-lfw', 'embedder-a', { BOOTH_FACE_INDEX: '/x/index.json' })).toBe('/x/index.json');
  });
});
