import { afterAll, beforeAll, describe, it } from 'vitest';
import { allFuzzTargets } from './allTargets';
import { describeFailure, runTarget } from './runTarget';

/**
 * The seeded fuzz run of `npm test`: every parser and assembler that takes outside bytes or text, a few hundred
 * generated and mutated inputs each, the same every run (seed 19). `npm run fuzz -- --minutes N` runs them long.
 */
let fuzz: Awaited<ReturnType<typeof allFuzzTargets>>;
const names: string[] = [];

beforeAll(async () => {
  fuzz = await allFuzzTargets();
  names.push(...fuzz.targets.map((t) => t.name));
}, 60_000);

afterAll(async () => {
  await fuzz?.close();
});

describe('fuzz: every outside-input parser holds its contract (seeded)', () => {
  it('has a target for each kind of outside input', async () => {
    const expected = ['mrz.', 'reader.KeyboardWedge', 'reader.MrzStream', 'tlv.', 'lds.parseDg2', 'lds.parseIso19794', 'lds.parseIso39794', 'sod.', 'masterList.', 'jpeg2000.', 'plate.', 'rfid.', 'records.', 'settings.', 'training.', 'models.', 'host.'];
    const missing = expected.filter((prefix) => !names.some((name) => name.startsWith(prefix)));
    if (missing.length > 0) throw new Error(`no fuzz target for ${missing.join(', ')}`);
  });

  it('every target', async () => {
    const runs = [];
    for (const target of fuzz.targets) runs.push(await runTarget(target, 19, target.quickRuns));
    // Numbers, not a timed assertion: how long each target's seeded run took on this machine.
    console.log(`[fuzz] ${runs.map((run) => `${run.name} ${run.inputs} in ${(run.milliseconds / 1000).toFixed(1)} s`).join('; ')}`);
    const failures = runs.filter((run) => run.failure);
    if (failures.length > 0) throw new Error(failures.map(describeFailure).join('\n\n'));
  }, 120_000);
});
