// Summarises a module's mutant results as the row `npm run test:mutation` prints.

export interface MutantOutcome {
  readonly status: string;
}

export interface MutationRow {
  readonly module: string;
  readonly killed: number;
  readonly timedOut: number;
  readonly survived: number;
  readonly noCoverage: number;
  /** Mutants the type checker refused or that crashed the runtime: not counted in the score. */
  readonly invalid: number;
  /** (killed + timed out) / (killed + timed out + survived + no coverage), in percent; null without mutants. */
  readonly score: number | null;
  /** For a row read from a stored report: whether it still describes the code (storedReports.ts). */
  readonly report?: string;
}

export function summariseMutants(module: string, mutants: readonly MutantOutcome[]): MutationRow {
  const count = (...statuses: string[]): number => mutants.filter((mutant) => statuses.includes(mutant.status)).length;
  const killed = count('Killed');
  const timedOut = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const detected = killed + timedOut;
  const scored = detected + survived + noCoverage;
  return {
    module,
    killed,
    timedOut,
    survived,
    noCoverage,
    invalid: count('CompileError', 'RuntimeError'),
    score: scored === 0 ? null : (100 * detected) / scored,
  };
}

export function formatMutationTable(rows: readonly MutationRow[]): string {
  // The report column only for rows read from stored reports (`--table`): a run's rows are current by definition.
  const withReport = rows.some((row) => row.report !== undefined);
  const header = ['module', 'score', 'killed', 'timed out', 'survived', 'no coverage', 'invalid', ...(withReport ? ['report'] : [])];
  const lines = rows.map((row) => [
    row.module,
    row.score === null ? 'n/a' : `${row.score.toFixed(1)} %`,
    String(row.killed),
    String(row.timedOut),
    String(row.survived),
    String(row.noCoverage),
    String(row.invalid),
    ...(withReport ? [row.report ?? ''] : []),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}
