import { z } from 'zod';
import { searchPipelineSchema } from './searchPipeline';

/**
 * Thresholds for 1:N identification: a false-positive identification rate (FPIR: the share of searches by
 * someone not in the gallery that return a candidate at or above the threshold) measured for one gallery
 * size, with the search pipeline it was measured through. FPIR grows with the gallery, so the 1:1 FMR table
 * does not apply: `booth faces eval --protocol identification --gallery-size N` measures one table per size and
 * `booth faces calibrate` stores it in the embedder manifest (`identification`, a list by gallery size).
 */
export const fpirPointSchema = z.object({
  threshold: z.number(),
  fpir: z.number().min(0).max(1),
});

/** A target rate as a key: "1e-2", "3e-3", "1e-3". */
export const fpirKeySchema = z.string().regex(/^[1-9]e-\d+$/);

export const identificationCalibrationSchema = z.object({
  /** Version of this calibration; every identification result names it. */
  version: z.string().min(1),
  /** What it was measured on (dataset, protocol, date, command). */
  source: z.string().min(1),
  /** Identities enrolled in the gallery it was measured with. */
  galleryIdentities: z.number().int().positive(),
  /** The pipeline the scores went through; the worker searches with exactly this one. */
  pipeline: searchPipelineSchema,
  matedSearches: z.number().int().nonnegative(),
  nonMatedSearches: z.number().int().positive(),
  /** FPIR decreasing as the threshold increases. */
  table: z.array(fpirPointSchema).min(2),
  thresholdsByFpir: z.record(fpirKeySchema, z.number()),
  /**
   * Two identities whose scores are both within this margin of the threshold and of each other are shown as
   * ambiguous (twins, look-alikes), never resolved to one. In the pipeline's score units.
   */
  ambiguityMargin: z.number().nonnegative(),
});

export type IdentificationCalibration = z.infer<typeof identificationCalibrationSchema>;
export type FpirPoint = z.infer<typeof fpirPointSchema>;

export class IdentificationCalibrationError extends Error {
  readonly code = 'uncalibrated' as const;
  constructor(message: string) {
    super(message);
    this.name = 'IdentificationCalibrationError';
  }
}

/** Target rate written like the keys: 0.003 -> "3e-3". */
export function fpirKey(fpir: number): string {
  const exponent = Math.ceil(-Math.log10(fpir) - 1e-9);
  const mantissa = Math.round(fpir * 10 ** exponent);
  if (!(fpir > 0) || mantissa < 1 || mantissa > 9 || Math.abs(mantissa * 10 ** -exponent - fpir) > 1e-12) throw new IdentificationCalibrationError(`target FPIR ${fpir} is not written as d x 10^-n`);
  return `${mantissa}e-${exponent}`;
}

/**
 * The calibration for a gallery of `identities`: the smallest calibrated gallery at least as large (a larger
 * gallery's FPIR bounds a smaller one's from above). A gallery larger than every calibration takes the largest
 * with its rates scaled by the size ratio (FPIR grows about linearly with gallery size at these rates), and says
 * it is extrapolated: never an optimistic rate.
 */
export interface CalibrationChoice {
  readonly calibration: IdentificationCalibration;
  /** FPIR of the table times this is the rate expected for the gallery in use (1 unless extrapolated). */
  readonly fpirScale: number;
  readonly extrapolated: boolean;
}

export function calibrationForGallery(calibrations: readonly IdentificationCalibration[] | undefined, identities: number): CalibrationChoice {
  const sorted = [...(calibrations ?? [])].sort((a, b) => a.galleryIdentities - b.galleryIdentities);
  const fitting = sorted.find((c) => c.galleryIdentities >= identities);
  if (fitting) return { calibration: fitting, fpirScale: 1, extrapolated: false };
  const largest = sorted[sorted.length - 1];
  if (!largest) throw new IdentificationCalibrationError('the embedder has no identification calibration: run `booth faces eval --protocol identification` and `booth faces calibrate`');
  return { calibration: largest, fpirScale: identities / largest.galleryIdentities, extrapolated: true };
}

const sortedTable = (calibration: IdentificationCalibration): FpirPoint[] => [...calibration.table].sort((a, b) => a.threshold - b.threshold);

/** FPIR the table gives at a score (log-linear between points; beyond the last point, a bound: 1 / non-mated searches). */
export function fpirAtScore(choice: CalibrationChoice, score: number): { fpir: number; bound: boolean } {
  const table = sortedTable(choice.calibration);
  const floor = 1 / choice.calibration.nonMatedSearches;
  const scaled = (fpir: number) => Math.min(1, fpir * choice.fpirScale);
  const first = table[0]!;
  const last = table[table.length - 1]!;
  if (score <= first.threshold) return { fpir: scaled(first.fpir), bound: false };
  if (score >= last.threshold) return { fpir: scaled(Math.max(last.fpir, floor)), bound: true };
  for (let i = 1; i < table.length; i++) {
    const lo = table[i - 1]!;
    const hi = table[i]!;
    if (score > hi.threshold) continue;
    const t = (score - lo.threshold) / Math.max(hi.threshold - lo.threshold, 1e-12);
    const a = Math.log(Math.max(lo.fpir, floor / 2));
    const b = Math.log(Math.max(hi.fpir, floor / 2));
    return { fpir: scaled(Math.exp(a + t * (b - a))), bound: false };
  }
  return { fpir: scaled(Math.max(last.fpir, floor)), bound: true };
}

/**
 * The threshold for a target FPIR in the gallery in use: the stored one when the calibration is for this size
 * (or larger) and has the key; otherwise the lowest table threshold whose (scaled) FPIR is at most the target.
 * Throws when the table never reaches the target: that rate was not measured, so no threshold is claimed.
 */
export function thresholdForFpir(choice: CalibrationChoice, targetFpir: number): number {
  const key = fpirKey(targetFpir);
  const stored = choice.calibration.thresholdsByFpir[key];
  if (stored !== undefined && !choice.extrapolated) return stored;
  for (const point of sortedTable(choice.calibration)) {
    if (point.fpir * choice.fpirScale <= targetFpir && point.fpir > 0) return point.threshold;
  }
  throw new IdentificationCalibrationError(
    `identification calibration ${choice.calibration.version} (gallery ${choice.calibration.galleryIdentities}) does not reach FPIR ${key}${choice.extrapolated ? ` scaled to this gallery (x${choice.fpirScale.toFixed(2)})` : ''}`,
  );
}
