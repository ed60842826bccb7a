import { beforeAll, describe, expect, it } from 'vitest';
import { inputLimits } from '../../../app/shared/inputLimits';
import { decodeJpeg2000, FaceImageError } from './decodeJpeg2000.node.ts';
import { encodeJpeg2000ForTests, withDeclaredSize } from './encodeJpeg2000ForTests.node.ts';
import { readJpeg2000Header } from './jpeg2000Header';

async function failureOf(bytes: Uint8Array): Promise<FaceImageError> {
  const error: unknown = await decodeJpeg2000(bytes).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof FaceImageError)) throw new Error(`expected a FaceImageError, got ${String(error)}`);
  return error;
}

/** Regression tests of issue #19 finding 1, on a codestream this test encodes and then makes hostile. */
describe('JPEG 2000 faces under hostile input', () => {
  let codestream: Uint8Array;
  beforeAll(async () => {
    codestream = await encodeJpeg2000ForTests(64, 48);
  });

  it('decodes the generated image (the input the hostile ones are made from is sound)', async () => {
    const image = await decodeJpeg2000(codestream);
    expect([image.width, image.height, image.rgba.length]).toEqual([64, 48, 64 * 48 * 4]);
  });

  it('refuses a codestream declaring 65535x1600 from its SIZ marker, before decoding', async () => {
    const bomb = withDeclaredSize(codestream, 65535, 1600);
    expect(() => readJpeg2000Header(bomb)).toThrow(`declared 65535x1600, over the ${inputLimits.faceImage.maxWidth}x${inputLimits.faceImage.maxHeight} limit`);
    const error = await failureOf(bomb);
    expect(error.code).toBe('too_large');
  });

  it('refuses a size within the side limits whose decoded bytes are over the limit', async () => {
    const error = await failureOf(withDeclaredSize(codestream, 4000, 4000));
    expect(error.code).toBe('too_large');
    expect(error.message).toContain(`over the ${inputLimits.faceImage.maxDecodedBytes}-byte limit`);
  });

  it('says a truncated codestream was cut short, not just a number', async () => {
    const error = await failureOf(codestream.slice(0, 200));
    expect(error.code).toBe('decode_failed');
    expect(error.message).toMatch(/ends at byte 200 without its end-of-codestream marker/);
  });

  it('names bytes that are no JPEG 2000 at all', async () => {
    expect((await failureOf(new TextEncoder().encode('not an image at all'))).code).toBe('not_jpeg2000');
  });

  it('decodes again after a refused image (the worker survives hostile input)', async () => {
    await failureOf(codestream.slice(0, 120));
    expect((await decodeJpeg2000(codestream)).width).toBe(64);
  });
});
