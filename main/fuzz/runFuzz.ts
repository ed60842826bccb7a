/**
 * The long fuzz run: `npm run fuzz -- --minutes N [--target NAME] [--out DIR]`. Runs every target (or those whose
 * name contains NAME) in turns, each turn from a fresh random seed, until the time is up. Each failing input is
 * written to DIR (default fuzz-findings/) as a reproducer: the target, the broken contract, the input and the
 * fast-check seed and path that replay it. The closing line says how many inputs each target ran.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { allFuzzTargets } from './allTargets';
import { inputAsJson } from './fuzzTarget';
import { describeFailure, runTarget } from './runTarget';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '1' }, target: { type: 'string' }, out: { type: 'string', default: 'fuzz-findings' } } });
const minutes = Number(values.minutes);
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error(`--minutes must be a positive number, got ${JSON.stringify(values.minutes)}`);
  process.exit(2);
}
const out = resolve(values.out);
/** Reproducers kept per target: the same bug found again and again adds nothing. */
const maxReproducersPerTarget = 3;

const fuzz = await allFuzzTargets();
const targets = fuzz.targets.filter((t) => values.target === undefined || t.name.includes(values.target));
if (targets.length === 0) {
  console.error(`no fuzz target's name contains ${JSON.stringify(values.target)}; targets: ${fuzz.targets.map((t) => t.name).join(', ')}`);
  await fuzz.close();
  process.exit(2);
}
const inputs = new Map(targets.map((t) => [t.name, 0]));
const failures = new Map(targets.map((t) => [t.name, 0]));
const deadline = Date.now() + minutes * 60_000;
console.log(`fuzz: ${targets.length} targets for ${minutes} min; failing inputs go to ${out}`);

while (Date.now() < deadline) {
  for (const target of targets) {
    if (Date.now() >= deadline) break;
    const seed = (Math.random() * 2 ** 31) | 0;
    const run = await runTarget(target, seed, target.quickRuns);
    inputs.set(target.name, inputs.get(target.name)! + run.inputs);
    if (!run.failure) continue;
    const found = failures.get(target.name)! + 1;
    failures.set(target.name, found);
    console.log(describeFailure(run));
    if (found > maxReproducersPerTarget) continue;
    mkdirSync(out, { recursive: true });
    const file = join(out, `${target.name.replace(/[^A-Za-z0-9.]+/g, '-')}-${run.failure.seed}.json`);
    writeFileSync(file, `{"target":${JSON.stringify(target.name)},"message":${JSON.stringify(run.failure.message)},"seed":${run.failure.seed},"path":${JSON.stringify(run.failure.path)},"input":${inputAsJson(run.failure.counterexample)}}\n`);
    console.log(`  reproducer: ${file}`);
  }
}
await fuzz.close();

const total = [...inputs.values()].reduce((a, b) => a + b, 0);
const failing = [...failures.values()].reduce((a, b) => a + b, 0);
const perTarget = targets.map((t) => `${t.name} ${inputs.get(t.name)}${failures.get(t.name) ? ` (${failures.get(t.name)} failing)` : ''}`).join(', ');
console.log(`fuzz: ${minutes} min, ${total} inputs, ${failing === 0 ? 'no failing input' : `${failing} failing runs (reproducers in ${out})`}; per target: ${perTarget}`);
process.exit(failing === 0 ? 0 : 1);
