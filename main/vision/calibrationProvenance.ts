import type { LandmarkerManifest } from '../../app/biometrics/modelManifest';

/** The landmark settings a faces eval report was measured with (null: the manifest's own). */
export interface ReportLandmarkSettings {
  readonly landmarkBoxScale: number | null;
  readonly landmarkPasses: number | null;
}

/**
 * Why a report's calibration must not be stored for the shipped pipeline, or null when it may. Thresholds
 * belong to the exact pipeline that produced the scores: a report measured with `--landmark-box-scale` or
 * `--landmark-passes` overrides describes a pipeline the app does not run until the landmark manifest says so.
 */
export function calibrationMismatch(report: ReportLandmarkSettings, landmarker: Pick<LandmarkerManifest, 'boxScale' | 'refinementPasses'>, landmarkerFile: string): string | null {
  const problems: string[] = [];
  if (report.landmarkBoxScale !== null && report.landmarkBoxScale !== landmarker.boxScale) {
    problems.push(`--landmark-box-scale ${report.landmarkBoxScale} (boxScale is ${landmarker.boxScale})`);
  }
  if (report.landmarkPasses !== null && report.landmarkPasses !== landmarker.refinementPasses) {
    problems.push(`--landmark-passes ${report.landmarkPasses} (refinementPasses is ${landmarker.refinementPasses})`);
  }
  if (problems.length === 0) return null;
  return `the report was measured with ${problems.join(' and ')} in ${landmarkerFile}: set those in the landmark manifest and run the eval again without the overrides, so the thresholds match what the app runs`;
}
