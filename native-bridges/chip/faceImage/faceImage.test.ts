import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { parseDg2 } from '../../../app/document/lds/parseDg2';
import { decodeJpeg2000, FaceImageError } from './decodeJpeg2000.node.ts';
import { faceImageForDisplay } from './faceImageForDisplay.node.ts';

const datasets = process.env.BOOTH_DATASETS ?? resolve(import.meta.dirname, '../../../../shared/datasets');
const emrtd = resolve(datasets, 'emrtd');
const present = existsSync(emrtd);
if (!present) console.warn(`[faceImage.test] ${emrtd} is absent: dataset tests skipped (set BOOTH_DATASETS)`);
const read = (path: string) => new Uint8Array(readFileSync(resolve(emrtd, path)));

function meanOf(rgba: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < rgba.length; i += 4) sum += rgba[i]! + rgba[i + 1]! + rgba[i + 2]!;
  return sum / ((rgba.length / 4) * 3);
}

describe.skipIf(!present)('JPEG 2000 face decoding', () => {
  it('decodes the BSI reference face (413x531) to a plausible colour image', async () => {
    const image = await decodeJpeg2000(read('bsi_tr03105_5_reference_dataset/DG2_face_extracted.jp2'));
    expect([image.width, image.height]).toEqual([413, 531]);
    expect(image.rgba.length).toBe(413 * 531 * 4);
    const mean = meanOf(image.rgba);
    expect(mean).toBeGreaterThan(30);
    expect(mean).toBeLessThan(230);
  });

  it('turns the DG2 faces of the BSI set, the JMRTD specimen and the 39794 sample into PNGs that decode back', async () => {
    for (const path of ['bsi_tr03105_5_reference_dataset/Datagroup2.bin', 'jmrtd_samples/loes2006/ef0102.bin', 'iso19794_39794_dg2_samples/document/test_data/ICAO_39794_5_AP_DG2_AllFields.dat']) {
      const [face] = parseDg2(read(path)).faces;
      const shown = await faceImageForDisplay(face!.image, face!.mimeType);
      expect(shown.mimeType).toBe('image/png');
      const png = PNG.sync.read(Buffer.from(shown.bytes));
      expect([png.width, png.height]).toEqual([shown.width, shown.height]);
      expect(png.width).toBeGreaterThan(100);
    }
  });

  it('passes JPEG faces through untouched', async () => {
    const jpeg = read('iso19794_39794_dg2_samples/document/iso19794/test_data/ISO19794_Test1_Face.jpg');
    expect(await faceImageForDisplay(jpeg, 'image/jpeg')).toEqual({ mimeType: 'image/jpeg', bytes: jpeg });
  });

  it('rejects a corrupted JPEG 2000 stream with a typed error', async () => {
    const broken = read('bsi_tr03105_5_reference_dataset/DG2_face_extracted.jp2').slice(0, 200);
    await expect(decodeJpeg2000(broken)).rejects.toBeInstanceOf(FaceImageError);
  });
});
