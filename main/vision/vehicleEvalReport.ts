import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CONDITIONS, SEATS } from '../../app/scene/vehicleApproach';
import type { VehicleRunResult } from '../../app/scene/vehicleRun';
import type { CodeRevision } from './codeRevision';
import { revisionText } from './codeRevision';
import { writeOutputFile } from './outputFile';
import type { VehicleSummary } from './vehicleEvalSummary';
import { summariseVehicleRuns } from './vehicleEvalSummary';

/**
 * The vehicle evaluation's report file: the run's options and code revision, the summary table's figures, and every
 * vehicle's outcome (`runs`), so a stopped run can be resumed (`--resume`) and runs over parts of a seed's vehicles
 * (`--from`) can be merged into one (`booth faces merge`) when they ran the same options on the same code.
 */

const count = z.number().int().min(0);
const occupantOutcome = z.object({
  seat: z.enum(SEATS),
  row: z.enum(['front', 'second', 'third']),
  documentUsable: z.boolean(),
  captured: z.boolean(),
  matched: z.boolean(),
  wrongAssignment: z.boolean(),
  resultMs: z.number().nullable(),
});
const variantOutcome = z.object({
  name: z.string(),
  fusion: z.string(),
  occupants: z.array(occupantOutcome),
  counted: count,
  strayTracks: count,
  extraCards: count,
  wrongCards: count,
  wrongJoins: count,
  tracksAsCards: z.object({ counted: count, strayTracks: count, extraCards: count, wrongCards: count }),
  strayAssigned: count,
  facesSeen: count,
  reasons: z.record(z.string(), count),
  processMs: z.array(z.number()),
});
const storedRun = z.object({
  condition: z.enum(CONDITIONS),
  vehicle: count,
  approachMs: z.number(),
  result: z.object({ outcomes: z.array(variantOutcome), recordMs: z.number(), framesProcessed: count, profile: z.record(z.string(), z.number()) }),
});
export type StoredRun = z.infer<typeof storedRun>;

const revision = z.object({ commit: z.string(), localChanges: z.string().nullable() }).nullable();

/** What a report must hold to be resumed or merged (older reports, without `runs` or `revision`, are refused by name). */
const storedReport = z.object({
  protocol: z.literal('vehicle'),
  dataset: z.string(),
  options: z.record(z.string(), z.unknown()),
  revision,
  runs: z.array(storedRun),
});
export type StoredReport = z.infer<typeof storedReport> & Record<string, unknown>;

/** Reads a vehicle report for resuming or merging; a file that is not one gets an error naming the file and what is wrong. */
export async function readVehicleReport(file: string): Promise<StoredReport> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not a readable JSON report (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const parsed = storedReport.passthrough().safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: not a vehicle report that can be resumed or merged (${issue?.path.join('.') || 'report'}: ${issue?.message}); reports written before per-vehicle runs were kept cannot be`);
  }
  return parsed.data as StoredReport;
}

/** The options that say which vehicles a run covers and where it writes: every other option must agree for two runs to be one. */
const RANGE_OPTIONS = new Set(['out', 'vehicles', 'from', 'only', 'resume', 'frames']);

/** Why runs `a` and `b` (labelled) are not parts of one run, or null when they are. */
export function whyNotOneRun(a: { options: Record<string, unknown>; revision: CodeRevision | null; dataset: string }, b: { options: Record<string, unknown>; revision: CodeRevision | null; dataset: string }, labels: readonly [string, string]): string | null {
  if (a.dataset !== b.dataset) return `${labels[1]} ran dataset ${b.dataset}, ${labels[0]} ${a.dataset}`;
  if (JSON.stringify(a.revision) !== JSON.stringify(b.revision)) return `${labels[1]} ran on ${revisionText(b.revision)}, ${labels[0]} on ${revisionText(a.revision)}: check out one revision and run the rest there`;
  const keys = [...new Set([...Object.keys(a.options), ...Object.keys(b.options)])].filter((key) => !RANGE_OPTIONS.has(key)).sort();
  const differing = keys.filter((key) => JSON.stringify(a.options[key]) !== JSON.stringify(b.options[key]));
  if (differing.length === 0) return null;
  return `${labels[1]} and ${labels[0]} differ in ${differing.map((key) => `${key} (${JSON.stringify(b.options[key])} vs ${JSON.stringify(a.options[key])})`).join(', ')}`;
}

/** A run as kept in the report: the outcome without the pictures and the paced trace, times to 0.1 ms. */
export function storedRunOf(run: { condition: StoredRun['condition']; vehicle: number; approachMs: number; result: VehicleRunResult }): StoredRun {
  const tenth = (ms: number) => Math.round(ms * 10) / 10;
  return {
    condition: run.condition,
    vehicle: run.vehicle,
    approachMs: run.approachMs,
    result: {
      outcomes: run.result.outcomes.map((o) => ({ ...o, occupants: [...o.occupants], reasons: { ...o.reasons }, processMs: o.processMs.map(tenth) })),
      recordMs: tenth(run.result.recordMs),
      framesProcessed: run.result.framesProcessed,
      profile: Object.fromEntries(Object.entries(run.result.profile).map(([step, ms]) => [step, tenth(ms)])),
    },
  };
}

/** The vehicles a set of runs covers, as ranges (`0-39, 45`), and the first ones missing below the highest. */
export function coverageOf(runs: readonly Pick<StoredRun, 'vehicle'>[]): { vehicles: number; ranges: string; missing: number[] } {
  const vehicles = [...new Set(runs.map((r) => r.vehicle))].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < vehicles.length; ) {
    let j = i;
    while (j + 1 < vehicles.length && vehicles[j + 1] === (vehicles[j] as number) + 1) j++;
    ranges.push(i === j ? `${vehicles[i]}` : `${vehicles[i]}-${vehicles[j]}`);
    i = j + 1;
  }
  const present = new Set(vehicles);
  const missing = Array.from({ length: (vehicles.at(-1) ?? -1) + 1 }, (_, v) => v).filter((v) => !present.has(v));
  return { vehicles: vehicles.length, ranges: ranges.join(', '), missing };
}

/**
 * One report from runs over parts of a seed's vehicles: refused (naming the files) unless they ran the same
 * options on the same code and dataset, and no vehicle is in two of them.
 */
export function mergeVehicleReports(reports: readonly { file: string; report: StoredReport }[]): StoredReport & { summary: VehicleSummary } {
  const [first, ...rest] = reports;
  if (!first) throw new Error('merge: no reports given');
  for (const other of rest) {
    const why = whyNotOneRun(first.report, other.report, [first.file, other.file]);
    if (why) throw new Error(`merge: ${why}`);
  }
  const seen = new Map<string, string>();
  for (const { file, report } of reports) {
    for (const run of report.runs) {
      const key = `vehicle ${run.vehicle} ${run.condition}`;
      const earlier = seen.get(key);
      if (earlier) throw new Error(`merge: ${key} is in both ${earlier} and ${file}`);
      seen.set(key, file);
    }
  }
  const runs = reports.flatMap(({ report }) => report.runs).sort((a, b) => a.vehicle - b.vehicle || a.condition.localeCompare(b.condition));
  const coverage = coverageOf(runs);
  const { out: _out, from: _from, only: _only, resume: _resume, ...options } = first.report.options;
  return {
    ...first.report,
    options: { ...options, vehicles: (runs.at(-1)?.vehicle ?? -1) + 1 },
    vehiclesDone: coverage.vehicles,
    coverage,
    mergedFrom: reports.map(({ file, report }) => ({ file, command: report.command, vehicles: coverageOf(report.runs).ranges })),
    wallSeconds: reports.reduce((sum, { report }) => sum + (typeof report.wallSeconds === 'number' ? report.wallSeconds : 0), 0),
    summary: summariseVehicleRuns(runs),
    runs,
  };
}

/** Writes a report with one line per vehicle run (the summary stays readable; 500 vehicles stay a few megabytes). */
export async function writeVehicleReport(file: string, report: StoredReport): Promise<void> {
  const { runs, ...rest } = report;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  await writeOutputFile(file, `${head},\n  "runs": [\n${runs.map((run) => `    ${JSON.stringify(run)}`).join(',\n')}\n  ]\n}\n`);
}
