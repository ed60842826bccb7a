import type { VehicleRunResult, VehicleRunSpec } from '../../app/scene/vehicleRun';
import { planApproach } from '../../app/scene/vehicleApproach';
import { CAPTURE_ROUND_PAUSE_MS, LANE_CAMERA_TURNS } from '../../app/scene/laneCaptureProfile';
import type { CameraTurnPolicy } from '../../app/scene/cameraTurns';
import { readIdentities } from '../vision/faceDataset';
import type { VehicleEvalOptions } from '../vision/vehicleEval';
import { camerasFor, peopleFor, profilesOf, urlOf } from '../vision/vehicleEval';
import type { RearCameraLayout } from '../../app/scene/laneCameraLayout';
import { DEFAULT_REAR_CAMERA_LAYOUT } from '../../app/scene/laneCameraLayout';
import { openHarnessSession } from '../vision/visionHarnessSession';
import { diagnoseLastOccupant, workerTimeByCamera } from './laneDiagnosis';

/**
 * The lane cameras' share of `npm run bench:lane`: one rendered vehicle of 4 and one of 7 occupants (day, 1080p,
 * the driver-side and rear cameras at 15 fps, in the rear layout asked for) through the booth's worker with the lane's capture profile, paced as
 * the lane's capture loop runs on this machine (each camera's frame of the moment the worker is free; see
 * VehicleRunSpec.pacing); reports frames processed per second per camera (the cameras share the worker), the time
 * from the vehicle stopping to every occupant's result, and from the last frame's result to every occupant's decision.
 */
export interface LaneCameraFigures {
  readonly occupants: number;
  /** The approach's seed (`bench-N`, then `bench-N-2`…: BENCH_LANE_VEHICLES cars per occupancy). */
  readonly seed: string;
  /** Frames the loop processed (every camera) while the vehicle drove up and stood at the stop line. */
  readonly frames: number;
  readonly medianWorkerMs: number;
  /** Frames per second per camera the capture loop processed (worker round trips and the loop's pause between rounds). */
  readonly processedFpsPerCamera: number;
  /** Occupants with a comparable face, of those present. */
  readonly captured: string;
  /** From the vehicle stopping to the last captured occupant's first comparable face (negative: before it stopped; null: nobody captured); every occupant's when `captured` is all of them. */
  readonly stopToLastResultMs: number | null;
  /** From the last frame's result to every occupant's decision (fusion, comparisons, assignment). */
  readonly lastFrameToRecordMs: number;
}

/** The vehicle stands at the stop line this long (the booth works on it meanwhile; results later than this count as missing). */
const DWELL_SECONDS = 5;

export interface LaneCameraOptions {
  /** Cars per occupancy (one is noise: the same pipeline gave 0.66-3.0 s after the stop on three runs of one car). */
  readonly vehicles?: number;
  /** Which cameras the loop visits each round (app/scene/cameraTurns.ts); the lane's own by default. */
  readonly turns?: CameraTurnPolicy;
  /** Prints, per car, why its last occupant came when it did (main/bench/laneDiagnosis.ts). */
  readonly diagnose?: boolean;
}

export async function measureLaneCameras(
  datasets: string,
  occupancies: readonly number[],
  variant: VehicleEvalOptions['variants'][number] = 'lane',
  rearCameras: RearCameraLayout = DEFAULT_REAR_CAMERA_LAYOUT,
  options: LaneCameraOptions = {},
): Promise<LaneCameraFigures[] | { skipped: string }> {
  const dataset = `${datasets}/faces-lfw`;
  const labelled = await readIdentities(dataset).catch(() => undefined);
  if (!labelled) return { skipped: `no face dataset at ${dataset}` };
  const byIdentity = new Map<string, string[]>();
  for (const image of labelled) byIdentity.set(image.identity, [...(byIdentity.get(image.identity) ?? []), image.path]);
  const identities = [...byIdentity.entries()].filter(([, photos]) => photos.length >= 2).map(([identity]) => identity).sort();
  const session = await openHarnessSession({ datasetDir: dataset });
  const harness = <T>(method: string, ...args: unknown[]) =>
    session.page.evaluate(([m, a]) => (globalThis as unknown as Record<string, Record<string, (...x: unknown[]) => Promise<unknown>>>).boothVisionHarness![m as string]!(...(a as unknown[])), [method, args] as const) as Promise<T>;
  const cameras = camerasFor({ rearCameras });
  try {
    await harness('init', { threads: 0, backend: 'wasm' });
    const figures: LaneCameraFigures[] = [];
    const runs = occupancies.flatMap((occupants) => Array.from({ length: Math.max(1, options.vehicles ?? 1) }, (_, k) => ({ occupants, seed: k === 0 ? `bench-${occupants}` : `bench-${occupants}-${k + 1}` })));
    for (const { occupants, seed } of runs) {
      const people = peopleFor(byIdentity, identities, seed === `bench-${occupants}` ? 'bench' : seed, occupants, occupants);
      const approach = { ...planApproach({ seed, condition: 'day', occupants, occlusion: () => 'none' }), dwellSeconds: DWELL_SECONDS };
      const spec: VehicleRunSpec = {
        approach,
        faceUrls: people.map((p) => urlOf(p.live)),
        documentUrls: people.map((p) => urlOf(p.document)),
        cameras,
        variants: [{ name: variant, profiles: profilesOf(variant, cameras) }],
        frameStride: 1,
        targetFmr: 1e-3,
        keepFrames: [],
        pacing: { roundPauseMs: CAPTURE_ROUND_PAUSE_MS, turns: options.turns ?? LANE_CAMERA_TURNS },
      };
      const result = await harness<VehicleRunResult>('vehicle', spec);
      const outcome = result.outcomes.find((o) => o.fusion === 'best5-mean');
      const worker = [...(outcome?.processMs ?? [])].sort((a, b) => a - b);
      const loopSeconds = (result.loopMs ?? Number.NaN) / 1000;
      const results = (outcome?.occupants.map((o) => o.resultMs) ?? []).filter((ms): ms is number => ms !== null);
      const stopMs = approach.approachSeconds * 1000;
      if (options.diagnose && result.trace && outcome) {
        console.log(`-- ${seed}: worker time per camera (frames, detection, embedding, total ms)`);
        console.table(workerTimeByCamera(result.trace));
        const last = diagnoseLastOccupant(result.trace, outcome.occupants.map((o) => o.seat), outcome.occupants.map((o) => o.resultMs), stopMs);
        if (last) {
          console.log(`-- ${seed}: last occupant ${last.seat} on ${last.camera}: first seen ${last.firstSeenMs} ms, first comparable ${last.resultMs} ms after the stop; other cameras' frames meanwhile ${JSON.stringify(last.otherFrames)}; its camera's frames (atMs after the stop):`);
          console.table(last.ownFrames);
        }
      }
      figures.push({
        occupants,
        seed,
        frames: result.framesProcessed,
        medianWorkerMs: Math.round(worker[worker.length >> 1] ?? Number.NaN),
        processedFpsPerCamera: Number((result.framesProcessed / cameras.length / loopSeconds).toFixed(2)),
        captured: `${results.length}/${occupants}`,
        stopToLastResultMs: results.length > 0 ? Math.round(Math.max(...results) - stopMs) : null,
        lastFrameToRecordMs: Number(result.recordMs.toFixed(1)),
      });
    }
    return figures;
  } finally {
    await session.close();
  }
}
