import type { Calibration } from './modelManifest';

/**
 * Turns similarity scores into calibrated false-match rates, and target rates into thresholds, from the
 * model's calibration table (measured impostor score distribution). Decisions never use a bare number.
 */
export class CalibrationError extends Error {
  readonly code = 'uncalibrated' as const;
  constructor(message: string) {
    super(message);
    this.name = 'CalibrationError';
  }
}

export interface CalibratedRate {
  /** Estimated probability that an impostor scores at least this high. */
  readonly fmr: number;
  /** True when the score is beyond the last measured point: the rate is an upper bound. */
  readonly bound: boolean;
  /** "1 in 100,000" or "below 1 in 29,600,000". */
  readonly text: string;
}

/** Target rate written like the manifest keys: 0.001 -> "1e-3". */
export function fmrKey(fmr: number): string {
  const exponent = Math.round(-Math.log10(fmr));
  if (!(fmr > 0) || Math.abs(10 ** -exponent - fmr) > 1e-12) throw new CalibrationError(`target FMR ${fmr} is not a power of ten`);
  return `1e-${exponent}`;
}

export function formatOneIn(fmr: number): string {
  if (fmr >= 1) return '1 in 1';
  const n = 1 / fmr;
  const rounded = n >= 100 ? Number(n.toPrecision(2)) : Math.round(n);
  return `1 in ${rounded.toLocaleString('en-GB')}`;
}

/** The threshold set for a target false-match rate. Throws when the model was not calibrated at that rate. */
export function thresholdForFmr(calibration: Calibration, targetFmr: number): number {
  const key = fmrKey(targetFmr);
  const threshold = calibration.thresholdsByFmr[key];
  if (threshold === undefined) {
    throw new CalibrationError(`calibration ${calibration.version} has no threshold for FMR ${key} (has ${Object.keys(calibration.thresholdsByFmr).join(', ')})`);
  }
  return threshold;
}

/** Calibrated FMR of a score: log-linear interpolation between the table's points. */
export function calibratedFmr(calibration: Calibration, score: number): CalibratedRate {
  const table = [...calibration.table].sort((a, b) => a.threshold - b.threshold);
  const first = table[0];
  const last = table[table.length - 1];
  if (!first || !last) throw new CalibrationError(`calibration ${calibration.version} has an empty table`);
  if (score <= first.threshold) return { fmr: first.fmr, bound: false, text: formatOneIn(first.fmr) };
  if (score >= last.threshold) {
    const floor = last.fmr > 0 ? last.fmr : 1 / calibration.impostorPairs;
    return { fmr: floor, bound: true, text: `below ${formatOneIn(floor)}` };
  }
  for (let i = 1; i < table.length; i++) {
    const lo = table[i - 1];
    const hi = table[i];
    if (!lo || !hi || score > hi.threshold) continue;
    const t = (score - lo.threshold) / Math.max(hi.threshold - lo.threshold, 1e-12);
    const floor = 1 / (2 * calibration.impostorPairs);
    const logFmr = Math.log(Math.max(lo.fmr, floor)) + t * (Math.log(Math.max(hi.fmr, floor)) - Math.log(Math.max(lo.fmr, floor)));
    const fmr = Math.exp(logFmr);
    return { fmr, bound: false, text: formatOneIn(fmr) };
  }
  return { fmr: last.fmr, bound: true, text: `below ${formatOneIn(last.fmr)}` };
}
