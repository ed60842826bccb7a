import { identificationCalibrationSchema, type IdentificationCalibration } from '../identificationCalibration';

/** What a calibration measured, which is what a test of it is about. */
type Measured = Pick<IdentificationCalibration, 'galleryIdentities' | 'table' | 'thresholdsByFpir' | 'ambiguityMargin'>;

/**
 * An identification calibration for the unit tests: the measured part given, provenance, pipeline and search counts
 * filled in (10,000 non-mated searches: a floor of 1e-4). Parsed, so it is one the booth would load.
 */
export const identificationCalibrationOf = (fields: Measured & Partial<IdentificationCalibration>): IdentificationCalibration =>
  identificationCalibrationSchema.parse({
    version: `test-${fields.galleryIdentities}`,
    source: 'unit test',
    pipeline: { fusion: 'centroid', normalisation: 'none' },
    matedSearches: 100,
    nonMatedSearches: 10_000,
    ...fields,
  });

/**
 * A calibration for the rules at their edges: thresholds and margin exact in binary (0.25, 0.5, 0.75; margin 0.125),
 * so "at the threshold" and "exactly the margin apart" mean exactly that. 1,000 non-mated searches: a floor of 1e-3.
 */
export const binaryExactCalibration = (fields: Partial<IdentificationCalibration> = {}): IdentificationCalibration =>
  identificationCalibrationOf({
    version: 'edge-100',
    galleryIdentities: 100,
    nonMatedSearches: 1000,
    table: [
      { threshold: 0.25, fpir: 0.1 },
      { threshold: 0.5, fpir: 0.01 },
      { threshold: 0.75, fpir: 0.001 },
    ],
    thresholdsByFpir: { '1e-2': 0.5 },
    ambiguityMargin: 0.125,
    ...fields,
  });
