// Timings of Passive Authentication and face decoding on the shared datasets (medians of repeated runs).
// Run: npx tsx native-bridges/chip/passive-auth/passiveAuthentication.bench.ts
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDg2 } from '../../../app/document/lds/parseDg2';
import { decodeJpeg2000 } from '../faceImage/decodeJpeg2000.node.ts';
import { verifyPassiveAuthentication } from './passiveAuthentication.node.ts';
import { loadTrustStore } from './trustStore.node.ts';

const datasets = process.env.BOOTH_DATASETS ?? resolve(import.meta.dirname, '../../../../shared/datasets');
const emrtd = resolve(datasets, 'emrtd');
if (!existsSync(emrtd)) {
  console.log(`datasets absent at ${emrtd}: set BOOTH_DATASETS`);
  process.exit(0);
}
const at = new Date('2026-11-23T00:00:00Z');

async function median(label: string, runs: number, fn: () => unknown): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(52)} median ${times[Math.floor(runs / 2)]!.toFixed(1)} ms  (min ${times[0]!.toFixed(1)}, max ${times[runs - 1]!.toFixed(1)}, n=${runs})`);
}

const lists = resolve(emrtd, 'master_lists_and_csca');
await median('load + verify DE master list (588 CSCAs)', 7, () => loadTrustStore([resolve(lists, 'DE_ML_2026-05-28-08-28-45.ml')], at));
await median('load + verify NL master list (411 CSCAs)', 7, () => loadTrustStore([resolve(lists, 'NL_ML_2026-07-22.ml')], at));
const store = loadTrustStore([resolve(lists, 'DE_ML_2026-05-28-08-28-45.ml'), resolve(lists, 'IDN_2010_SERIES_CSCA_CERT')], at);
for (const country of readdirSync(resolve(emrtd, 'real_passport_sods')).sort()) {
  const sod = new Uint8Array(readFileSync(resolve(emrtd, 'real_passport_sods', country, 'EF_SOD.bin')));
  await median(`PA of real ${country} SOD (trust store loaded)`, 21, () => verifyPassiveAuthentication({ sod, dataGroups: new Map(), anchors: store.anchors, at }));
}
const bsi = resolve(emrtd, 'bsi_tr03105_5_reference_dataset');
const dg2 = new Uint8Array(readFileSync(resolve(bsi, 'Datagroup2.bin')));
await median('parse BSI DG2 (19794-5)', 21, () => parseDg2(dg2));
const face = parseDg2(dg2).faces[0]!.image;
await median('decode BSI JPEG 2000 face 413x531 (OpenJPEG WASM)', 11, () => decodeJpeg2000(face));
