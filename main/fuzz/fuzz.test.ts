import { afterAll, describe, expect, it } from 'vitest';
import { parseSod } from '../../native-bridges/chip/passive-auth/parseSod.node.ts';
import { verifySignedData } from '../../native-bridges/chip/passive-auth/signedDataSignature.node.ts';
import { allFuzzTargets } from './allTargets';
import { describeFailure, runTarget } from './runTarget';
import { fuzzSeeds } from './seeds';

/**
 * The seeded fuzz run of `npm test`: every parser and assembler that takes outside bytes or text, a few hundred
 * generated and mutated inputs each, the same every run (seed 19). `npm run fuzz -- --minutes N` runs them long.
 */
const fuzz = await allFuzzTargets();

afterAll(async () => {
  await fuzz.close();
});

describe('fuzz: every outside-input parser holds its contract (seeded)', () => {
  it('has a target for each kind of outside input', () => {
    const expected = ['mrz.', 'reader.KeyboardWedge', 'reader.MrzStream', 'tlv.', 'lds.parseDg2', 'lds.parseIso19794', 'lds.parseIso39794', 'sod.', 'masterList.', 'jpeg2000.', 'plate.', 'rfid.', 'records.', 'settings.', 'training.', 'models.', 'host.'];
    expect(expected.filter((prefix) => !fuzz.targets.some((target) => target.name.startsWith(prefix)))).toEqual([]);
  });

  it('the seeded security object verifies unmutated, so "a changed one never verifies" is not true of every input', async () => {
    const seed = parseSod((await fuzzSeeds()).sod);
    expect(verifySignedData(seed.signedData, seed.eContent, seed.eContentType).ok).toBe(true);
  });

  for (const target of fuzz.targets) {
    it(target.name, async () => {
      // The first failing input is reported as found (no shrinking): the long run makes reproducers.
      const run = await runTarget(target, 19, target.quickRuns, false);
      if (run.failure) throw new Error(describeFailure(run));
      expect(run.inputs).toBe(target.quickRuns);
    }, 60_000);
  }
});
