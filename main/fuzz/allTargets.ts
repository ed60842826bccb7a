import type { FuzzTarget } from './fuzzTarget';
import { fuzzSeeds } from './seeds';
import { chipTargets } from './targets/chipTargets';
import { hostTargets } from './targets/hostTargets';
import { textTargets } from './targets/textTargets';

/** Every fuzz target, with what must be stopped after the run (the host and the records server). */
export async function allFuzzTargets(): Promise<{ targets: FuzzTarget[]; close(): Promise<void> }> {
  const seeds = await fuzzSeeds();
  const host = await hostTargets(seeds);
  return { targets: [...textTargets(seeds), ...chipTargets(seeds), ...host.targets], close: () => host.close() };
}
