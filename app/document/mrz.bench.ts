/**
 * `npm run bench:mrz`: TD3 parses per second on one core (target: at least 100,000, so an officer never
 * waits on parsing). The machine is shared and noisy, so it runs several rounds and reports medians of
 * both wall-clock time and this process's CPU time: when other jobs crowd the cores, wall time counts
 * their turns too, while CPU time counts only the work of the parse (the one-core figure the target means).
 */
import { parseMrz } from './mrz/parseMrz';
import { td3Lines } from './mrz/testSupport/buildMrzLines';

const target = 100_000;
const rounds = 7;
const parsesPerRound = 100_000;
const today = new Date('2026-11-23T00:00:00Z');

/** Distinct valid passports, so nothing benefits from seeing one input over and over. */
function samplePassports(count: number): string[][] {
  const states = ['NLD', 'D', 'FRA', 'USA', 'CHE', 'GBR', 'BEL', 'ITA'];
  const names = ['DE<BRUIJN<<WILLEKE<LISELOTTE', 'MUSTERMANN<<ERIKA', 'MARTIN<<JEAN<PIERRE', 'SMITH<<JOHN<ALBERT', 'ROSSI<<MARIA'];
  return Array.from({ length: count }, (_, i) => {
    const state = states[i % states.length]!;
    return td3Lines({
      documentCode: 'P',
      issuingState: state,
      name: names[i % names.length]!,
      documentNumber: `X${String(10_000_000 + i * 7919).slice(0, 8)}`,
      nationality: state,
      birthDate: `${String(50 + (i % 49)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`,
      sex: i % 2 ? 'F' : 'M',
      expirationDate: `${String(27 + (i % 9)).padStart(2, '0')}0615`,
      optional1: i % 3 ? '' : `${i}`,
    });
  });
}

/** The same passports with one check digit broken, which also runs the correction search. */
const withBrokenBirthCheck = (lines: string[]): string[] => [lines[0]!, lines[1]!.slice(0, 19) + String((Number(lines[1]![19]) + 1) % 10) + lines[1]!.slice(20)];

type Rates = { readonly wall: number[]; readonly cpu: number[] };

function measure(inputs: readonly string[][]): Rates {
  const wall: number[] = [];
  const cpu: number[] = [];
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += parseMrz(inputs[i % inputs.length]!, { today }).fields.length; // warm-up for the JIT
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (let i = 0; i < parsesPerRound; i++) sink += parseMrz(inputs[i % inputs.length]!, { today }).fields.length;
    const cpuUsed = process.cpuUsage(cpuStart);
    wall.push(parsesPerRound / ((performance.now() - start) / 1000));
    cpu.push(parsesPerRound / ((cpuUsed.user + cpuUsed.system) / 1e6));
  }
  if (sink === 0) throw new Error('parser produced no fields');
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const valid = samplePassports(1000);
for (const lines of valid.slice(0, 10)) if (!parseMrz(lines, { today }).valid) throw new Error(`bench input is not valid: ${lines.join(' / ')}`);
const invalid = valid.map(withBrokenBirthCheck);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (values: readonly number[]) => values[Math.floor(values.length / 2)]!;
const validRates = measure(valid);
const invalidRates = measure(invalid);
const cpuMedian = median(validRates.cpu);
console.log(`MRZ TD3 parse, one core, ${rounds} rounds x ${fmt(parsesPerRound)} parses`);
console.log(`  valid passports:               ${fmt(cpuMedian)}/s of CPU time (median; wall clock ${fmt(median(validRates.wall))}/s)`);
console.log(`  broken check digit (+search):  ${fmt(median(invalidRates.cpu))}/s of CPU time (median; wall clock ${fmt(median(invalidRates.wall))}/s)`);
console.log(`  target ${fmt(target)}/s: ${cpuMedian >= target ? 'met' : 'NOT met'}`);
