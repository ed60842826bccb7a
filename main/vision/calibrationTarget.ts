/**
 * Which manifest a report's calibration may be written to: the one it was measured with, unchanged since (same
 * model id and version, same model file), and no other. Thresholds of one model mean nothing for another.
 */
export interface MeasuredModel {
  /** Absolute path of the manifest the eval ran (null in reports from before this was recorded). */
  readonly manifest: string | null;
  readonly id: string;
  readonly version: string;
  readonly sha256: string | null;
}

export interface TargetManifest {
  readonly path: string;
  readonly id: string;
  readonly version: string;
  /** SHA-256 of the model file the manifest names now. */
  readonly sha256: string;
}

/**
 * Why the calibration must not be written to `target`, or null when it may. A report from before manifests were
 * recorded may go only to a manifest named explicitly (`explicit`) that describes the model it measured.
 */
export function calibrationTargetMismatch(measured: MeasuredModel, target: TargetManifest, explicit = false): string | null {
  if (measured.manifest === null && !explicit) return 'the report does not say which manifest it measured: name it with --manifest, or run `faces eval --manifest <file>` again';
  if (measured.manifest !== null && measured.manifest !== target.path) return `the report was measured with ${measured.manifest}, not ${target.path}`;
  if (measured.id !== target.id || measured.version !== target.version) {
    return `${target.path} now describes ${target.id} ${target.version}, the report measured ${measured.id} ${measured.version}`;
  }
  if (measured.sha256 !== null && measured.sha256 !== target.sha256) return `the model file of ${target.path} changed since the report was measured (SHA-256 ${target.sha256.slice(0, 12)}…, measured ${measured.sha256.slice(0, 12)}…)`;
  return null;
}
