import { ensurePcscd } from './pcsc/ensurePcscd.node.ts';
import { PcscChipReader } from './pcsc/PcscChipReader.node.ts';
import { SimulatorProcess } from './simulator/SimulatorProcess.node.ts';
import type { SimulatedPassportConfigInput } from './simulator/simulatedPassportConfig';

// `npm run bench:chip`: BAC+DG1+DG2 and PACE+DG1+DG2 sessions through the real stack (smartcard binding ->
// pcscd -> vpcd -> simulated chip in a child process). Targets: median <= 300 ms (BAC) and <= 500 ms (PACE).

const sessions = Number(process.env.BENCH_SESSIONS ?? 40);
const reader = 'Virtual PCD 00 00';
const erika = ['I<D<<T220001293<<<<<<<<<<<<<<<', '6408125F3110315D<<<<<<<<<<<<<2', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<'];
const key = { documentNumber: 'T22000129', birthDate: '640812', expiryDate: '311031' };

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function run(label: string, config: SimulatedPassportConfigInput, target: number, withChecks: boolean, transport: 'auto' | 'tcp' = 'auto', n = sessions): Promise<boolean> {
  const simulator = await SimulatorProcess.start(config, { transport });
  const chipReader = new PcscChipReader({ defaultReader: reader, cardWaitMs: 10_000 });
  try {
    const times: number[] = [];
    let apdus = 0;
    let bytes = 0;
    // One warm-up session (first connection, JIT).
    await chipReader.readPassport({ mrz: key, dataGroups: [1, 2], skipChipChecks: !withChecks });
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      const result = await chipReader.readPassport({ mrz: key, dataGroups: [1, 2], skipChipChecks: !withChecks });
      times.push(performance.now() - start);
      apdus = result.timings.apduCount;
      bytes = result.timings.bytesRead;
    }
    times.sort((a, b) => a - b);
    const median = percentile(times, 50);
    const ok = median <= target;
    console.log(`${label.padEnd(34)} n=${n}  median ${median.toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  (${apdus} APDUs, ${bytes} bytes)  target median <= ${target} ms: ${ok ? 'met' : 'MISSED'}`);
    return ok;
  } finally {
    await simulator.stop();
  }
}

const pcscd = await ensurePcscd();
if (!pcscd.ok) {
  console.error(`bench:chip needs pcscd with vpcd: ${pcscd.reason}`);
  process.exit(2);
}
const results = [
  await run('BAC + DG1 + DG2', { mrz: erika, accessControl: 'BAC' }, 300, false),
  await run('PACE (bp256, AES-128) + DG1 + DG2', { mrz: erika }, 500, false),
  await run('PACE + DG1 + DG2 + CA + AA', { mrz: erika }, 500, true),
];
// For comparison: the same BAC session with the chip on a plain Node socket. vpcd sends length and payload as
// two segments without TCP_NODELAY, so each APDU then waits ~40 ms for a delayed ACK (see vpcdLink.node.ts).
await run('BAC + DG1 + DG2 (plain TCP, no relay)', { mrz: erika, accessControl: 'BAC' }, 300, false, 'tcp', 3);
process.exit(results.every(Boolean) ? 0 : 1);
