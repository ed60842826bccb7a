import { describe, expect, it } from 'vitest';
import { GalleryTemplates } from './galleryTemplates';
import { identifyInGallery } from './identifyInGallery';
import { identificationCalibrationOf } from './testSupport/identificationCalibrations';

const unit = (angle: number): Float32Array => Float32Array.from([Math.cos(angle), Math.sin(angle), 0, 0, 0, 0, 0, 0]);
const galleryOf = (...angles: number[]): GalleryTemplates => {
  const gallery = new GalleryTemplates(8);
  angles.forEach((angle, i) => gallery.enrol(`id-${i}`, [{ embedding: unit(angle) }]));
  return gallery;
};
const calibration = identificationCalibrationOf({
  version: 'tiny-10',
  galleryIdentities: 10,
  pipeline: { fusion: 'max', normalisation: 'none' },
  nonMatedSearches: 100,
  table: [
    { threshold: 0.5, fpir: 0.1 },
    { threshold: 0.99, fpir: 0.01 },
  ],
  thresholdsByFpir: { '1e-2': 0.99 },
  ambiguityMargin: 0,
});

describe('identifying one face in a gallery', () => {
  it("searches with the calibration for the gallery's size and lists a shortlist of at least two", () => {
    const gallery = galleryOf(0, 1.4, 1.5);
    const result = identifyInGallery(gallery, unit(0.01), [calibration], 0.01);
    expect(result).toMatchObject({ outcome: 'identified', identityId: 'id-0', calibrationVersion: 'tiny-10', galleryIdentities: 3 });
    expect(result.candidates).toHaveLength(3);
    expect(identifyInGallery(gallery, unit(0.01), [calibration], 0.01, 1).candidates.map((c) => c.identityId)).toEqual(['id-0', 'id-1']);
  });

  it("shows the officer five candidates unless asked for another number", () => {
    const gallery = galleryOf(0, 0.3, 0.6, 0.9, 1.2, 1.5, 1.8);
    expect(identifyInGallery(gallery, unit(0), [calibration], 0.01).candidates.map((c) => c.identityId)).toEqual(['id-0', 'id-1', 'id-2', 'id-3', 'id-4']);
    expect(identifyInGallery(gallery, unit(0), [calibration], 0.01, 7).candidates).toHaveLength(7);
  });

  it('without a calibration, identifies nobody: it refuses', () => {
    expect(() => identifyInGallery(galleryOf(0, 1), unit(0), undefined, 0.01)).toThrow(/no identification calibration/);
  });
});
