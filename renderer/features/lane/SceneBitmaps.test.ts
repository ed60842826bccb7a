import { describe, expect, it } from 'vitest';
import type { CameraScene } from '../../../app/ports/cameraScene';
import type { EncodedImage } from '../../../app/ports/documentRead';
import { decodeAllOrNone, SceneBitmaps } from './SceneBitmaps';

/** A decoded still as the cache sees one: it only has to be closed, once. */
class FakeBitmap {
  closes = 0;
  constructor(readonly name: string) {}
  close(): void {
    this.closes++;
  }
}

/** Decodes after a tick like createImageBitmap; an image whose data is "BAD" cannot be decoded. */
function decoder() {
  const made: FakeBitmap[] = [];
  const decode = async (image: EncodedImage) => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (image.base64 === 'BAD') throw new Error('cannot decode');
    const bitmap = new FakeBitmap(image.base64);
    made.push(bitmap);
    return bitmap;
  };
  return { made, decode };
}

const image = (base64: string): EncodedImage => ({ mediaType: 'image/png', base64 });
const scene = (version: number, ...people: string[]): CameraScene => ({ cameraId: 'cam-1', version, people: people.map(image) });
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('decoding a scene\'s stills', () => {
  it('closes the stills already decoded when another one fails, and passes the failure on', async () => {
    const { made, decode } = decoder();
    await expect(decodeAllOrNone([image('AAAA'), image('BAD'), image('BBBB')], decode)).rejects.toThrow('cannot decode');
    expect(made.map((b) => [b.name, b.closes])).toEqual([
      ['AAAA', 1],
      ['BBBB', 1],
    ]);
  });
});

describe('SceneBitmaps', () => {
  it('decodes a scene once per version, and closes the old stills when the camera shows other people', async () => {
    const { made, decode } = decoder();
    const reset: string[] = [];
    const bitmaps = new SceneBitmaps(decode, (cameraId) => reset.push(cameraId));
    const first = await bitmaps.peopleOf(scene(1, 'AAAA', 'BBBB'));
    expect(await bitmaps.peopleOf(scene(1, 'AAAA', 'BBBB'))).toBe(first);
    await bitmaps.peopleOf(scene(2, 'CCCC'));
    await settle();
    expect(made.map((b) => [b.name, b.closes])).toEqual([
      ['AAAA', 1],
      ['BBBB', 1],
      ['CCCC', 0],
    ]);
    expect(reset).toEqual(['cam-1', 'cam-1']);
  });

  it('leaves nothing open when a scene cannot be decoded, and replacing it causes no unhandled rejection', async () => {
    const { made, decode } = decoder();
    const bitmaps = new SceneBitmaps(decode);
    await expect(bitmaps.peopleOf(scene(1, 'AAAA', 'BAD'))).rejects.toThrow('cannot decode');
    // The same failing version is not decoded again every round.
    await expect(bitmaps.peopleOf(scene(1, 'AAAA', 'BAD'))).rejects.toThrow('cannot decode');
    expect(made).toHaveLength(1);
    await bitmaps.peopleOf(scene(2, 'CCCC'));
    bitmaps.close();
    await settle();
    expect(made.every((b) => b.closes === 1)).toBe(true);
  });

  it('on close, closes every still once, those still decoding included, and decodes nothing more', async () => {
    const { made, decode } = decoder();
    const bitmaps = new SceneBitmaps(decode);
    await bitmaps.peopleOf(scene(1, 'AAAA'));
    void bitmaps.peopleOf({ cameraId: 'cam-2', version: 1, people: [image('BBBB')] });
    bitmaps.close();
    expect(await bitmaps.peopleOf(scene(3, 'DDDD'))).toEqual([]);
    await settle();
    expect(made.map((b) => [b.name, b.closes])).toEqual([
      ['AAAA', 1],
      ['BBBB', 1],
    ]);
  });
});
