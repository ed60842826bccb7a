import type { Command } from 'commander';
import type { z } from 'zod';
import { DEFAULT_REAR_CAMERA_LAYOUT, REAR_CAMERA_LAYOUTS } from '../../../app/scene/laneCameraLayout';
import { applyCalibration } from '../../vision/facesCalibrate';
import { evalOptions, runEval } from '../../vision/facesEval';
import { indexOptions, runIndex } from '../../vision/facesIndex';
import { runVehicleEval, VARIANTS, vehicleEvalOptions } from '../../vision/vehicleEval';
import { coverageOf, mergeVehicleReports, readVehicleReport, writeVehicleReport } from '../../vision/vehicleEvalReport';
import { vehicleTable } from '../../vision/vehicleEvalSummary';
import { identificationEvalOptions, runIdentificationEval } from '../../vision/identification/facesIdentificationEval';
import { SHIPPED_PAD_MANIFEST, padEvalOptions, runPadEval } from '../../vision/padEval';
import { vendorExampleOptions, writeVendorExample } from '../../vision/vendorExample';

/** `booth faces eval` and `booth faces calibrate` (see main/vision/facesEval.ts and facesCalibrate.ts). */
export function register(program: Command): void {
  const faces = program.command('faces').description('Face pipeline tools');
  faces
    .command('eval')
    .description('Evaluate detection + alignment + embedding on a labelled dataset (identities.csv, optional pairs.csv)')
    .requiredOption('--dataset <dir>', 'dataset folder with identities.csv and images')
    .option('--pairs <file>', 'pairs.csv (path1,path2,same[,fold]); default <dataset>/pairs.csv for --protocol lfw')
    .option('--protocol <protocol>', 'lfw (10-fold pairs + all-vs-all), all-pairs, identification (1:N against a gallery), or vehicle (rendered vehicle approaches, per seat row and condition)', 'lfw')
    .option('--select <rule>', 'which face of an image is the subject: central or largest', 'central')
    .requiredOption('--out <file>', 'report JSON')
    .option('--plot <file>', 'DET curve and score histograms as PNG')
    .option('--limit <n>', 'use at most n images (a quick estimate; no calibration)')
    .option('--flip', 'flip test-time augmentation on (default: as the embedder manifest says)')
    .option('--no-flip', 'flip test-time augmentation off')
    .option('--landmark-box-scale <factor>', 'override the landmark crop scale of the manifest')
    .option('--landmark-passes <n>', 'override the landmark refinement passes of the manifest')
    .option('--threads <n>', 'WASM threads (0 = automatic)', '0')
    .option('--manifest <file>', 'embedder manifest to evaluate (default: the shipped one); may live outside the repository, its file beside it')
    .option('--calibrate', 'write the calibration (thresholds by FMR, face-ness) into that manifest (full, truthful runs only)')
    .option('--max-fta <rate>', 'exit non-zero when more than this share (0..1) of the images fail to acquire a face')
    .option('--faces <file>', 'also write every image\'s face (box, landmarks, embedding) as JSON lines, for failure analysis')
    .option('--json', 'print the report as JSON')
    .option('--non-faces <n>', 'drawn non-face pictures per kind for the face-ness calibration', '30')
    .option('--camera-frames <n>', "frames of Chromium's fake camera (its test pattern) for the face-ness calibration", '20')
    .option('--vehicles <n>', 'vehicle protocol: vehicles per condition')
    .option('--from <index>', "vehicle protocol: the first of the seed's vehicles to run (default 0): parts of a long run, merged with `booth faces merge`")
    .option('--resume', 'vehicle protocol: continue the run --out holds (same options, same code): its vehicles are kept, the rest are run')
    .option('--only <indices>', "vehicle protocol: only these of the seed's vehicles (below --vehicles), e.g. those with a third row")
    .option('--seed <text>', 'vehicle protocol: seed of the scenes (the same seed renders the same frames)')
    .option('--conditions <list>', 'vehicle protocol: day,glare,dusk,night-ir,rain')
    .option('--variants <list>', `vehicle protocol: capture variants to measure on the same frames (${VARIANTS.join(',')}; default baseline,lane: lane is the lane capture loop's profile; docs/vehicle-capture.md)`)
    .option('--stride <n>', 'vehicle protocol: process every n-th frame of each 15 fps camera')
    .option('--frames <dir>', 'vehicle protocol: write a few rendered frames per condition as PNG')
    .option('--rear-cameras <layout>', `vehicle protocol: where the rear-rows cameras stand (${REAR_CAMERA_LAYOUTS.join(', ')}; default ${DEFAULT_REAR_CAMERA_LAYOUT}: app/scene/laneCameraLayout.ts)`)
    .option('--rear-mount-height <m>', 'vehicle protocol: the rear-rows cameras mounted this high (default 2.2 m)')
    .option('--rear-fov <degrees>', "vehicle protocol: the rear-rows cameras' horizontal field of view (default: the layout's)")
    .option('--render-seats <what>', 'vehicle protocol: what each camera is drawn seeing: visible (every occupant in its view, default) or aimed (only the seats it is aimed at, the figures before one person on two cameras was measured)')
    .option('--gallery-size <n>', 'identification: identities enrolled in the gallery')
    .option('--non-mated <fraction>', 'identification: share (0..1] of the images outside the gallery searched as non-mated probes', '1')
    .option('--rounds <n>', 'identification: rounds, each enrolling and probing other images of each identity', '3')
    .option('--fusion <rule>', 'identification: fusion the FPIR table is calibrated for (max, mean, centroid, top2-mean, quality-weighted)', 'centroid')
    .option('--normalisation <rule>', 'identification: score normalisation the FPIR table is calibrated for (none, z-norm)', 'none')
    .option('--ambiguity-margin <score>', 'identification: two identities within this margin near the threshold are ambiguous', '0.02')
    .option('--faces-from <file>', 'identification: take the embeddings a `faces eval --faces` run of this model wrote instead of embedding again')
    .option('--no-cache', 'identification: embed the dataset again instead of reusing cached embeddings of this model')
    .action(async (raw: Record<string, unknown>) => {
      if (raw.protocol === 'vehicle') return runVehicleCommand(raw);
      if (raw.protocol === 'identification') {
        await runWithOptions(identificationEvalOptions, raw, runIdentificationEval);
        return;
      }
      await runWithOptions(evalOptions, raw, runEval);
    });
  faces
    .command('merge')
    .description("Merge vehicle eval reports over parts of a seed's vehicles (--from, --resume) into one report and print its table; refused unless they ran the same options on the same code")
    .argument('<reports...>', 'vehicle eval reports (JSON written by `faces eval --protocol vehicle`)')
    .requiredOption('--out <file>', 'merged report JSON')
    .action(async (files: string[], raw: { out: string }) => {
      try {
        const merged = mergeVehicleReports(await Promise.all(files.map(async (file) => ({ file, report: await readVehicleReport(file) }))));
        await writeVehicleReport(raw.out, merged);
        console.log(vehicleTable(merged.summary));
        const coverage = coverageOf(merged.runs);
        console.log(`vehicles ${coverage.ranges} (${coverage.vehicles})${coverage.missing.length ? `; missing below the last: ${coverage.missing.length} (first ${coverage.missing.slice(0, 10).join(', ')})` : ''}`);
      } catch (error) {
        console.error(error instanceof Error ? error.message : String(error));
        process.exitCode = 1;
      }
    });
  faces
    .command('index')
    .description("Embed a face dataset's photos with the booth's pipeline: the index training scenarios pick look-alike impostors and genuine non-matches from")
    .requiredOption('--dataset <dir>', 'dataset folder with identities.csv and images')
    .requiredOption('--out <file>', 'index file (the booth reads <user data>/face-index/<dataset>.<model id>.json, or BOOTH_FACE_INDEX)')
    .option('--limit <n>', 'about n photos: whole identities spread over the dataset, the scripted travellers always included')
    .option('--include <identities>', 'comma-separated identities always indexed whole (with --limit), e.g. a known look-alike')
    .option('--manifest <file>', 'embedder manifest (default: the shipped one)')
    .option('--threads <n>', 'WASM threads (0 = automatic)', '0')
    .action(async (raw: Record<string, unknown>) => {
      await runWithOptions(indexOptions, raw, runIndex);
    });
  faces
    .command('pad-eval')
    .description('Measure a presentation-attack detector: bona fide LFW photos and video frames against prints and screen replays made from them (APCER at BPCER 1 % and 5 %)')
    .option('--manifest <file>', 'PAD manifest (default: the shipped candidate, assets/models/fr_liveness.json)', SHIPPED_PAD_MANIFEST)
    .option('--dataset <dir>', 'LFW folder (identities.csv and images)', `${process.env.BOOTH_DATASETS ?? '../shared/datasets'}/faces-lfw`)
    .option('--videos <dir>', 'folder of face videos (bona fide frames)', `${process.env.BOOTH_DATASETS ?? '../shared/datasets'}/videos`)
    .option('--limit <n>', 'LFW photos (each also re-rendered as a print and a screen replay)', '400')
    .option('--video-frames <n>', 'frames per video (4 per second)', '30')
    .option('--out <file>', 'report JSON')
    .action(async (raw: Record<string, unknown>) => {
      await runWithOptions(padEvalOptions, raw, runPadEval);
    });
  faces
    .command('vendor-example')
    .description("Write the bring-your-own-model example: a vendor-style embedder made from the shipped one (NHWC, RGB, per-channel normalisation, batch 1) and its uncalibrated manifest")
    .requiredOption('--out <dir>', 'folder to write vendor_embedder.onnx and vendor_embedder.json into')
    .action(async (raw: Record<string, unknown>) => {
      await runWithOptions(vendorExampleOptions, raw, writeVendorExample);
    });
  faces
    .command('calibrate')
    .description("Store a full evaluation report's calibration in the embedder manifest it was measured with")
    .requiredOption('--report <file>', 'report JSON written by `faces eval`')
    .option('--manifest <file>', 'the manifest the report measured (refused if it is another)')
    .action(async (raw: { report: string; manifest?: string }) => {
      try {
        await applyCalibration(raw.report, raw.manifest);
      } catch (error) {
        console.error(error instanceof Error ? error.message : String(error));
        process.exitCode = 1;
      }
    });
}


async function runVehicleCommand(raw: Record<string, unknown>): Promise<void> {
  await runWithOptions(vehicleEvalOptions, Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)), runVehicleEval);
}

/** An option's name as typed on the command line (`rearCameras` -> `rear-cameras`). */
const optionName = (path: readonly PropertyKey[]): string => path.map(String).join('.').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Parses a command's options (exit 2 naming each bad option) and runs it (exit 1 with the error's message). */
async function runWithOptions<T>(schema: z.ZodType<T>, raw: unknown, run: (options: T) => Promise<unknown>): Promise<void> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    console.error(`invalid options: ${parsed.error.issues.map((i) => `--${optionName(i.path)}: ${i.message}`).join('; ')}`);
    process.exitCode = 2;
    return;
  }
  try {
    await run(parsed.data);
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    process.exitCode = 1;
  }
}
