import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredReport, StoredRun } from './vehicleEvalReport';
import { coverageOf, mergeVehicleReports, readVehicleReport, whyNotOneRun, writeVehicleReport } from './vehicleEvalReport';

const occupant = (seat: 'driver' | 'second-left', captured: boolean, matched: boolean) => ({
  seat,
  row: seat === 'driver' ? ('front' as const) : ('second' as const),
  documentUsable: true,
  captured,
  matched,
  wrongAssignment: false,
  resultMs: captured ? 900 : null,
});

const run = (vehicle: number, occupants: ReturnType<typeof occupant>[]): StoredRun => ({
  condition: 'day',
  vehicle,
  approachMs: 2000,
  result: {
    outcomes: [
      {
        name: 'lane',
        fusion: 'best5-mean',
        occupants,
        counted: occupants.filter((o) => o.captured).length,
        strayTracks: 0,
        extraCards: 0,
        wrongCards: 0,
        wrongJoins: 0,
        tracksAsCards: { counted: 0, strayTracks: 0, extraCards: 0, wrongCards: 0 },
        strayAssigned: 0,
        facesSeen: 3,
        reasons: {},
        processMs: [80, 90],
      },
    ],
    recordMs: 3,
    framesProcessed: 10,
    profile: { total: 1000 },
  },
});

const options = { dataset: 'lfw', out: 'a.json', vehicles: 2, from: 0, seed: 'booth', conditions: ['day'], variants: ['lane'], stride: 3, renderSeats: 'aimed' };
const report = (runs: StoredRun[], extra: Partial<StoredReport> = {}): StoredReport => ({
  protocol: 'vehicle',
  dataset: '/data/lfw',
  options,
  revision: { commit: 'abc123', localChanges: null },
  runs,
  command: 'npx booth faces eval ...',
  ...extra,
});

describe('vehicle eval reports over parts of a seed', () => {
  it('merges parts of one run into the figures of the whole, in vehicle order', () => {
    const first = report([run(0, [occupant('driver', true, true)]), run(1, [occupant('driver', true, false)])]);
    const second = report([run(2, [occupant('driver', false, false), occupant('second-left', true, true)])], { options: { ...options, from: 2, vehicles: 3, out: 'b.json' } });
    const merged = mergeVehicleReports([{ file: 'b.json', report: second }, { file: 'a.json', report: first }]);
    expect(merged.runs.map((r) => r.vehicle)).toEqual([0, 1, 2]);
    expect(merged.options).toMatchObject({ vehicles: 3 });
    expect(merged.options).not.toHaveProperty('from');
    const day = merged.summary['lane / best5-mean']?.day;
    expect(day?.rows.front).toMatchObject({ present: 3, captured: 2, captureRate: 0.6667, tar: 0.5 });
    expect(day?.rows.second).toMatchObject({ present: 1, captured: 1, tar: 1 });
    expect(merged.coverage).toEqual({ vehicles: 3, ranges: '0-2', missing: [] });
  });

  it('refuses to merge runs of other code, other options or another dataset, naming the difference', () => {
    const first = report([run(0, [occupant('driver', true, true)])]);
    const otherCode = report([run(1, [occupant('driver', true, true)])], { revision: { commit: 'def456', localChanges: null } });
    expect(() => mergeVehicleReports([{ file: 'a.json', report: first }, { file: 'b.json', report: otherCode }])).toThrow(/b\.json ran on def456, a\.json on abc123/);
    const edited = report([run(1, [occupant('driver', true, true)])], { revision: { commit: 'abc123', localChanges: '0f0f' } });
    expect(() => mergeVehicleReports([{ file: 'a.json', report: first }, { file: 'b.json', report: edited }])).toThrow(/with local changes 0f0f/);
    const otherStride = report([run(1, [occupant('driver', true, true)])], { options: { ...options, stride: 1 } });
    expect(() => mergeVehicleReports([{ file: 'a.json', report: first }, { file: 'b.json', report: otherStride }])).toThrow(/differ in stride \(1 vs 3\)/);
    const otherData = report([run(1, [occupant('driver', true, true)])], { dataset: '/data/other' });
    expect(() => mergeVehicleReports([{ file: 'a.json', report: first }, { file: 'b.json', report: otherData }])).toThrow(/dataset \/data\/other/);
  });

  it('refuses a vehicle counted twice', () => {
    const first = report([run(0, [occupant('driver', true, true)])]);
    const again = report([run(0, [occupant('driver', true, true)])]);
    expect(() => mergeVehicleReports([{ file: 'a.json', report: first }, { file: 'b.json', report: again }])).toThrow('vehicle 0 day is in both a.json and b.json');
  });

  it('treats the range options as the only ones that may differ', () => {
    const a = { dataset: 'd', revision: null, options: { ...options } };
    expect(whyNotOneRun(a, { ...a, options: { ...options, out: 'x', vehicles: 500, from: 40, only: [41], resume: true } }, ['a', 'b'])).toBeNull();
    expect(whyNotOneRun(a, { ...a, options: { ...options, renderSeats: 'visible' } }, ['a', 'b'])).toMatch(/renderSeats/);
  });

  it('says which vehicles a set of runs covers and which are missing', () => {
    expect(coverageOf([0, 1, 2, 5, 7, 8].map((vehicle) => ({ vehicle })))).toEqual({ vehicles: 6, ranges: '0-2, 5, 7-8', missing: [3, 4, 6] });
  });

  it('writes a report it reads back whole, and names what is wrong with a file that is not one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vehicle-report-'));
    const file = path.join(dir, 'r.json');
    const original = report([run(0, [occupant('driver', true, true)]), run(1, [occupant('second-left', false, false)])]);
    await writeVehicleReport(file, original);
    expect(await readVehicleReport(file)).toEqual(original);
    // One line per vehicle: a 500-vehicle report stays readable and small.
    expect((await readFile(file, 'utf8')).split('\n').filter((line) => line.includes('"vehicle":'))).toHaveLength(2);
    await writeFile(file, JSON.stringify({ ...original, runs: undefined }));
    await expect(readVehicleReport(file)).rejects.toThrow(/r\.json: not a vehicle report that can be resumed or merged \(runs: .*\)/);
    await writeFile(file, '{"protocol": "vehicle", "runs": [');
    await expect(readVehicleReport(file)).rejects.toThrow(/r\.json: not a readable JSON report/);
    const broken = { ...original, runs: [{ ...run(0, []), condition: 'snow' }] };
    await writeFile(file, JSON.stringify(broken));
    await expect(readVehicleReport(file)).rejects.toThrow(/runs\.0\.condition/);
  });
});
