import type { VariantOutcome } from '../../app/scene/vehicleRun';

/**
 * The vehicle evaluation's figures, per capture variant and fusion, per condition and seat row: capture rate,
 * TAR at the target FMR among captured occupants (against their document photo), wrong assignments,
 * occupants counted vs present, and the time from the vehicle entering the frame to its last occupant's result.
 */
export interface RunRecord {
  readonly condition: string;
  readonly vehicle: number;
  readonly approachMs: number;
  /** The summary reads only each variant's outcomes (a report keeps them without the pictures and traces). */
  readonly result: { readonly outcomes: readonly VariantOutcome[] };
}

const ROWS = ['front', 'second', 'third'] as const;

const quantile = (values: readonly number[], q: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null;
};

const rate = (n: number, d: number) => (d === 0 ? null : Number((n / d).toFixed(4)));

export function summariseVehicleRuns(runs: readonly RunRecord[]) {
  const keys = [...new Set(runs.flatMap((r) => r.result.outcomes.map((o) => `${o.name} / ${o.fusion}`)))];
  const conditions = [...new Set(runs.map((r) => r.condition))];
  return Object.fromEntries(
    keys.map((key) => [
      key,
      Object.fromEntries(
        conditions.map((condition) => {
          const outcomes = runs.filter((r) => r.condition === condition).flatMap((r) => r.result.outcomes.filter((o) => `${o.name} / ${o.fusion}` === key).map((o) => ({ run: r, o })));
          const occupants = outcomes.flatMap(({ o }) => o.occupants);
          const byRow = Object.fromEntries(
            ROWS.map((row) => {
              const here = occupants.filter((p) => p.row === row);
              const captured = here.filter((p) => p.captured);
              return [row, { present: here.length, captured: captured.length, captureRate: rate(captured.length, here.length), tar: rate(captured.filter((p) => p.matched).length, captured.length), documentsUnusable: here.filter((p) => !p.documentUsable).length, wrongAssignments: here.filter((p) => p.wrongAssignment).length }];
            }),
          );
          const lastResults = outcomes.map(({ run, o }) => ({ last: Math.max(...o.occupants.map((p) => p.resultMs ?? -Infinity)), approachMs: run.approachMs, complete: o.occupants.every((p) => p.captured) })).filter((x) => Number.isFinite(x.last));
          const wrong = occupants.filter((p) => p.wrongAssignment).length + outcomes.reduce((n, { o }) => n + o.strayAssigned, 0);
          const process = outcomes.flatMap(({ o }) => o.processMs);
          return [
            condition,
            {
              vehicles: outcomes.length,
              rows: byRow,
              occupantsPresent: occupants.length,
              occupantsCounted: outcomes.reduce((n, { o }) => n + o.counted, 0),
              strayTracks: outcomes.reduce((n, { o }) => n + o.strayTracks, 0),
              /** Cards the lane shows beyond one per occupant, and cards of one occupant's face on another's papers; tracks of two people joined as one. */
              extraCards: outcomes.reduce((n, { o }) => n + o.extraCards, 0),
              wrongCards: outcomes.reduce((n, { o }) => n + o.wrongCards, 0),
              wrongJoins: outcomes.reduce((n, { o }) => n + o.wrongJoins, 0),
              /** The same with every track a card of its own (a lane without the association of one person's tracks). */
              tracksAsCards: {
                occupantsCounted: outcomes.reduce((n, { o }) => n + o.tracksAsCards.counted, 0),
                strayTracks: outcomes.reduce((n, { o }) => n + o.tracksAsCards.strayTracks, 0),
                extraCards: outcomes.reduce((n, { o }) => n + o.tracksAsCards.extraCards, 0),
                wrongCards: outcomes.reduce((n, { o }) => n + o.tracksAsCards.wrongCards, 0),
              },
              wrongAssignments: wrong,
              wrongAssignmentRate: rate(wrong, occupants.length),
              /** Stream time from the vehicle entering the frame to its last occupant's first comparable face. */
              lastResultMs: { median: quantile(lastResults.map((x) => x.last), 0.5), p90: quantile(lastResults.map((x) => x.last), 0.9) },
              /** The same, after the vehicle stopped (negative: before it stopped). */
              lastResultAfterStopMs: { median: quantile(lastResults.map((x) => x.last - x.approachMs), 0.5), p90: quantile(lastResults.map((x) => x.last - x.approachMs), 0.9) },
              facesSeen: outcomes.reduce((n, { o }) => n + o.facesSeen, 0),
              reasons: outcomes.reduce<Record<string, number>>((all, { o }) => {
                for (const [reason, count] of Object.entries(o.reasons)) all[reason] = (all[reason] ?? 0) + count;
                return all;
              }, {}),
              workerMsPerFrame: { median: quantile(process, 0.5), p90: quantile(process, 0.9) },
            },
          ];
        }),
      ),
    ]),
  );
}

export type VehicleSummary = ReturnType<typeof summariseVehicleRuns>;

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '  -  ' : `${(v * 100).toFixed(1)}%`.padStart(6));

/** A plain-text table: one line per condition and row, a column group per variant (the first is the baseline). */
export function vehicleTable(summary: VehicleSummary): string {
  const keys = Object.keys(summary);
  const lines = [`condition  row     n   | ${keys.map((k) => `${k}: capture / TAR / wrong`.padEnd(46)).join(' | ')}`];
  const conditions = Object.keys(summary[keys[0] ?? ''] ?? {});
  for (const condition of conditions) {
    for (const row of ROWS) {
      const first = summary[keys[0] ?? '']?.[condition]?.rows[row];
      const cells = keys.map((k) => {
        const r = summary[k]?.[condition]?.rows[row];
        return `${pct(r?.captureRate)} / ${pct(r?.tar)} / ${String(r?.wrongAssignments ?? '-').padStart(3)}`.padEnd(46);
      });
      lines.push(`${condition.padEnd(10)} ${row.padEnd(7)} ${String(first?.present ?? 0).padStart(3)} | ${cells.join(' | ')}`);
    }
    const cells = keys.map((k) => {
      const c = summary[k]?.[condition];
      return `counted ${c?.occupantsCounted}/${c?.occupantsPresent} (extra ${c?.extraCards}, wrong cards ${c?.wrongCards}, stray ${c?.strayTracks}, wrong joins ${c?.wrongJoins}; every track a card: ${c?.tracksAsCards.occupantsCounted}, extra ${c?.tracksAsCards.extraCards}, wrong cards ${c?.tracksAsCards.wrongCards}), last result ${c?.lastResultMs.median ?? '-'} ms (p90 ${c?.lastResultMs.p90 ?? '-'}; after stop ${c?.lastResultAfterStopMs.median?.toFixed(0) ?? '-'}), worker ${c?.workerMsPerFrame.median?.toFixed(0) ?? '-'} ms/frame`.padEnd(46);
    });
    lines.push(`${condition.padEnd(10)} all         | ${cells.join(' | ')}`);
  }
  return lines.join('\n');
}
