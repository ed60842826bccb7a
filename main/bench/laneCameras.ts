import type { VehicleRunResult, VehicleRunSpec } from '../../app/scene/vehicleRun';
import { planApproach } from '../../app/scene/vehicleApproach';
import { readIdentities } from '../vision/faceDataset';
import { CAMERAS, peopleFor, profilesOf, urlOf } from '../vision/vehicleEval';
import { openHarnessSession } from '../vision/visionHarnessSession';

/**
 * The lane cameras' share of `npm run bench:lane`: one rendered vehicle of 4 and one of 7 occupants (day, 1080p,
 * the driver-side and rear cameras), every frame through the booth's worker with the lane's capture profile;
 * reports frames the worker processes per second per camera (two cameras share it) and the time from the last
 * frame's result to every occupant's decision.
 */
export interface LaneCameraFigures {
  readonly occupants: number;
  readonly frames: number;
  readonly medianWorkerMs: number;
  readonly processedFpsPerCamera: number;
  readonly renderMsPerFrame: number;
  readonly lastFrameToRecordMs: number;
  readonly captured: number;
}

export async function measureLaneCameras(datasets: string, occupancies: readonly number[]): Promise<LaneCameraFigures[] | { skipped: string }> {
  const dataset = `${datasets}/faces-lfw`;
  const labelled = await readIdentities(dataset).catch(() => undefined);
  if (!labelled) return { skipped: `no face dataset at ${dataset}` };
  const byIdentity = new Map<string, string[]>();
  for (const image of labelled) byIdentity.set(image.identity, [...(byIdentity.get(image.identity) ?? []), image.path]);
  const identities = [...byIdentity.entries()].filter(([, photos]) => photos.length >= 2).map(([identity]) => identity).sort();
  const session = await openHarnessSession({ datasetDir: dataset });
  const harness = <T>(method: string, ...args: unknown[]) =>
    session.page.evaluate(([m, a]) => (globalThis as unknown as Record<string, Record<string, (...x: unknown[]) => Promise<unknown>>>).boothVisionHarness![m as string]!(...(a as unknown[])), [method, args] as const) as Promise<T>;
  try {
    await harness('init', { threads: 0, backend: 'wasm' });
    const figures: LaneCameraFigures[] = [];
    for (const occupants of occupancies) {
      const people = peopleFor(byIdentity, identities, 'bench', occupants, occupants);
      const spec: VehicleRunSpec = {
        approach: planApproach({ seed: `bench-${occupants}`, condition: 'day', occupants, occlusion: () => 'none' }),
        faceUrls: people.map((p) => urlOf(p.live)),
        documentUrls: people.map((p) => urlOf(p.document)),
        cameras: CAMERAS,
        variants: [{ name: 'lane', profiles: profilesOf('lane') }],
        frameStride: 1,
        targetFmr: 1e-3,
        keepFrames: [],
      };
      const result = await harness<VehicleRunResult>('vehicle', spec);
      const outcome = result.outcomes[0];
      const ms = [...(outcome?.processMs ?? [])].sort((a, b) => a - b);
      const median = ms[ms.length >> 1] ?? Number.NaN;
      figures.push({
        occupants,
        frames: ms.length,
        medianWorkerMs: Math.round(median),
        processedFpsPerCamera: Number((1000 / median / CAMERAS.length).toFixed(2)),
        renderMsPerFrame: Math.round(result.renderMs / Math.max(1, ms.length)),
        lastFrameToRecordMs: Number(result.recordMs.toFixed(1)),
        captured: outcome?.occupants.filter((o) => o.captured).length ?? 0,
      });
    }
    return figures;
  } finally {
    await session.close();
  }
}
