import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DetectionProfile as CameraProfile } from '../../app/biometrics/detectionProfile';
import type { VehicleRunResult, VehicleRunSpec } from '../../app/scene/vehicleRun';
import type { LaneCamera } from '../../app/scene/laneCameraLayout';
import { DEFAULT_REAR_CAMERA_LAYOUT, REAR_CAMERA_LAYOUTS, vehicleLaneLayout } from '../../app/scene/laneCameraLayout';
import { planSeatRegionTiles } from '../../app/scene/seatRegionTiles';
import { laneCaptureProfile } from '../../app/scene/laneCaptureProfile';
import { CONDITIONS, planApproach } from '../../app/scene/vehicleApproach';
import { RENDER_SEATS } from '../../app/scene/laneSceneRenderer';
import { seededRandom } from '../../app/shared/seededRandom';
import { readIdentities } from './faceDataset';
import type { CodeRevision } from './codeRevision';
import { codeRevision } from './codeRevision';
import { writeOutputFile } from './outputFile';
import type { StoredRun } from './vehicleEvalReport';
import { coverageOf, readVehicleReport, storedRunOf, whyNotOneRun, writeVehicleReport } from './vehicleEvalReport';
import { DATASET_PREFIX, openHarnessSession } from './visionHarnessSession';
import { summariseVehicleRuns, vehicleTable } from './vehicleEvalSummary';

/**
 * `booth faces eval --protocol vehicle`: vehicles rendered by the lane scene renderer (app/scene) from any face
 * dataset, through the booth's own vision worker in headless Chromium, per condition and seat row; each
 * capture variant (worker profile) on the same rendered frames, so every lever is measured against the
 * baseline on identical scenes.
 */
/**
 * Capture variants: `baseline` (the vehicle profile before the lane's levers: tiles only, the booth's live gate),
 * `lane` (exactly what the lane's capture loop sends: app/scene/laneCaptureProfile.ts), and variants of the lane,
 * each one side of an A/B table in docs/vehicle-capture.md (see profilesOf). A lever measured and not kept goes
 * with its variant; the doc names the commit to check out to re-run it.
 */
export const VARIANTS = ['baseline', 'lane', 'lane-full-search', 'lane-regions', 'lane-raw', 'lane-refind', 'lane-booth-pose'] as const;

export const vehicleEvalOptions = z.object({
  dataset: z.string().min(1),
  out: z.string().min(1),
  vehicles: z.coerce.number().int().min(1).max(100_000),
  /** The first of the seed's vehicles to run (below --vehicles): runs over parts of a seed are merged with `booth faces merge`. */
  from: z.coerce.number().int().min(0).max(99_999).default(0),
  /** Continue the run `--out` holds (same options and code) instead of starting again: its vehicles are kept, the rest run. */
  resume: z.boolean().default(false),
  /** Only these vehicles of the seed (indices below --vehicles; e.g. the few with a third row), instead of all of them. */
  only: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'expected vehicle indices separated by commas, e.g. 7,11,31')
    .transform((text) => [...new Set(text.split(',').map(Number))])
    .optional(),
  seed: z.string().min(1).default('booth'),
  conditions: z
    .string()
    .default('day,glare,dusk,night-ir')
    .transform((text) => text.split(',').map((c) => c.trim()).filter(Boolean))
    .pipe(z.array(z.enum(CONDITIONS)).min(1)),
  variants: z
    .string()
    .default('baseline,lane')
    .transform((text) => text.split(',').map((c) => c.trim()).filter(Boolean))
    .pipe(z.array(z.enum(VARIANTS)).min(1)),
  frames: z.string().optional(),
  /** Every n-th frame of the 15 fps cameras is processed (what the worker keeps up with on 2 cores). */
  stride: z.coerce.number().int().min(1).max(15).default(3),
  targetFmr: z.coerce.number().positive().max(0.1).default(0.001),
  threads: z.coerce.number().int().min(0).max(16).default(0),
  /** Where the rear-rows cameras stand (app/scene/laneCameraLayout.ts): one on the lane's axis, or one to each side with a longer lens. */
  rearCameras: z.enum(REAR_CAMERA_LAYOUTS).default(DEFAULT_REAR_CAMERA_LAYOUT),
  /** The rear-rows cameras mounted this high (metres) instead of their default 2.2 m: a camera placement measured on the same vehicles and people. */
  rearMountHeight: z.coerce.number().min(0.3).max(6).optional(),
  /** The rear-rows cameras' horizontal field of view (degrees) instead of their layout's: a lens measured on the same vehicles and people. */
  rearFov: z.coerce.number().min(5).max(120).optional(),
  /** What each camera is drawn seeing: every occupant in its view (a real lane), or only the seats it is aimed at (the figures before issue #15's "One person on two cameras"). */
  renderSeats: z.enum(RENDER_SEATS).default('visible'),
});
export type VehicleEvalOptions = z.infer<typeof vehicleEvalOptions>;

/** The seed's vehicles the run covers, in order. */
export const vehiclesOf = (options: Pick<VehicleEvalOptions, 'vehicles' | 'only' | 'from'>): number[] =>
  (options.only ?? Array.from({ length: options.vehicles }, (_, v) => v)).filter((v) => v >= options.from && v < options.vehicles);

export interface EvalCamera {
  readonly id: string;
  readonly geometry: LaneCamera['geometry'];
  readonly seats: LaneCamera['seats'];
}

/** The lane's cameras in the rear layout asked for, the rear-rows cameras optionally mounted at another height or with another lens. */
export function camerasFor(placement: Pick<VehicleEvalOptions, 'rearCameras' | 'rearMountHeight' | 'rearFov'> = { rearCameras: DEFAULT_REAR_CAMERA_LAYOUT }): EvalCamera[] {
  return vehicleLaneLayout(placement.rearCameras).map((camera) => ({
    id: camera.id,
    geometry:
      camera.position === 'rear'
        ? { ...camera.geometry, ...(placement.rearMountHeight === undefined ? {} : { mountHeightM: placement.rearMountHeight }), ...(placement.rearFov === undefined ? {} : { horizontalFovDeg: placement.rearFov }) }
        : camera.geometry,
    seats: camera.seats,
  }));
}

export const CAMERAS = camerasFor();

/** The eval's options as the command line that reproduces the run. */
export const commandOf = (options: VehicleEvalOptions): string =>
  [
    `npx booth faces eval --protocol vehicle --dataset ${options.dataset} --vehicles ${options.vehicles} --seed ${options.seed}`,
    `--conditions ${options.conditions.join(',')} --variants ${options.variants.join(',')} --stride ${options.stride} --rear-cameras ${options.rearCameras}`,
    ...(options.from === 0 ? [] : [`--from ${options.from}`]),
    ...(options.only === undefined ? [] : [`--only ${options.only.join(',')}`]),
    ...(options.rearMountHeight === undefined ? [] : [`--rear-mount-height ${options.rearMountHeight}`]),
    ...(options.rearFov === undefined ? [] : [`--rear-fov ${options.rearFov}`]),
    `--render-seats ${options.renderSeats}`,
    `--out ${options.out}`,
  ].join(' ');

/** The worker profile of each camera under each variant. */
export function profilesOf(variant: VehicleEvalOptions['variants'][number], cameras: readonly EvalCamera[] = CAMERAS): Record<string, CameraProfile> {
  return Object.fromEntries(
    cameras.map((camera) => {
      const lane = laneCaptureProfile(camera.geometry, camera.seats);
      const profiles: Record<VehicleEvalOptions['variants'][number], CameraProfile> = {
        baseline: { tiles: 'vehicle', fullRangePass: false },
        lane,
        // The lane before its detection cadence: the whole search on every frame.
        'lane-full-search': withoutCadence(lane),
        // The lane whose whole search is the seat regions only (no whole-frame or quadrant tiles): not kept yet.
        'lane-regions': { ...lane, tiles: 'none' },
        // The lane without the exposure normalisation of face crops (app/biometrics/faceExposure.ts).
        'lane-raw': { ...lane, exposure: 'raw' },
        // The lane whose frame missing a followed face (or finding it below the gate's score) is searched whole at once: measured, not in the lane yet.
        'lane-refind': { ...lane, cadence: { fullSearchEvery: 1, ...lane.cadence, wholeSearchAfterMiss: true } },
        // The lane with the booth camera's pose limits (30 / 25 degrees) instead of its own (laneCaptureProfile.ts LANE_POSE_LIMITS).
        'lane-booth-pose': withoutPoseLimits(lane),
      };
      return [camera.id, profiles[variant]];
    }),
  );
}

function withoutPoseLimits(profile: CameraProfile): CameraProfile {
  const { maxYawDeg: _yaw, maxPitchDeg: _pitch, ...boothPose } = profile;
  return boothPose;
}

function withoutCadence(profile: CameraProfile): CameraProfile {
  const { cadence: _, ...every } = profile;
  return every;
}

export interface Person {
  readonly identity: string;
  readonly live: string;
  readonly document: string;
}

/** Occupants for vehicle `v`: distinct identities with two photos or more, one photo live, another on the document. */
export function peopleFor(byIdentity: ReadonlyMap<string, readonly string[]>, identities: readonly string[], seed: string, v: number, count: number): Person[] {
  const random = seededRandom(`${seed}#${v}|people`);
  const chosen = new Set<string>();
  const people: Person[] = [];
  while (people.length < count && chosen.size < identities.length) {
    const identity = identities[Math.floor(random() * identities.length)] as string;
    if (chosen.has(identity)) continue;
    chosen.add(identity);
    const photos = byIdentity.get(identity) ?? [];
    const live = Math.floor(random() * photos.length);
    const document = (live + 1 + Math.floor(random() * (photos.length - 1))) % photos.length;
    people.push({ identity, live: photos[live] as string, document: photos[document] as string });
  }
  return people;
}

/** A run's time profile as one line, biggest steps first (seconds). */
export const profileLine = (profile: Readonly<Record<string, number>>): string =>
  Object.entries(profile)
    .filter(([step, ms]) => step !== 'total' && ms >= 50)
    .sort((a, b) => b[1] - a[1])
    .map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)}`)
    .join(', ');

export const urlOf = (file: string) => DATASET_PREFIX + file.split('/').map(encodeURIComponent).join('/');

export async function runVehicleEval(options: VehicleEvalOptions): Promise<void> {
  const log = (line: string) => console.error(`[faces eval vehicle] ${line}`);
  const labelled = await readIdentities(options.dataset);
  const byIdentity = new Map<string, string[]>();
  for (const image of labelled) byIdentity.set(image.identity, [...(byIdentity.get(image.identity) ?? []), image.path]);
  const identities = [...byIdentity.entries()].filter(([, photos]) => photos.length >= 2).map(([identity]) => identity).sort();
  if (identities.length < 7) throw new Error(`${options.dataset}: a vehicle needs up to 7 people with two photos each; the dataset has ${identities.length}`);
  const vehicles = vehiclesOf(options);
  if (vehicles.length === 0) throw new Error(`none of the seed's vehicles is in the range asked for (--from ${options.from}, --vehicles ${options.vehicles}${options.only ? `, --only ${options.only.join(',')}` : ''})`);
  const revision = await codeRevision();
  const dataset = path.resolve(options.dataset);
  const runs = await earlierRuns(options, { dataset, revision }, vehicles, log);
  const done = new Set(runs.map((run) => run.vehicle));
  const session = await openHarnessSession({ datasetDir: options.dataset, log });
  const harness = <T>(method: string, ...args: unknown[]) =>
    session.page.evaluate(([m, a]) => (globalThis as unknown as Record<string, Record<string, (...x: unknown[]) => Promise<unknown>>>).boothVisionHarness![m as string]!(...(a as unknown[])), [method, args] as const) as Promise<T>;
  try {
    const init = await harness<unknown>('init', { threads: options.threads, backend: 'wasm' });
    log(`worker ready: ${JSON.stringify(init)}`);
    const cameras = camerasFor(options);
    const variants = options.variants.map((name) => ({ name, profiles: profilesOf(name, cameras) }));
    const started = Date.now();
    // Written after every vehicle (whole, then renamed into place), so a long run that is stopped still leaves its figures so far and can be resumed.
    const writeReport = async () => {
      const summary = summariseVehicleRuns(runs);
      await writeVehicleReport(options.out, {
        dataset,
        protocol: 'vehicle',
        options,
        revision,
        vehiclesDone: done.size,
        coverage: coverageOf(runs),
        cameras: cameras.map((c) => ({ ...c, regions: planSeatRegionTiles(c.geometry, { seats: c.seats }) })),
        variants,
        worker: init,
        command: commandOf(options),
        wallSeconds: Math.round((Date.now() - started) / 1000),
        summary,
        runs,
      });
      return summary;
    };
    const remaining = vehicles.filter((v) => !done.has(v));
    for (const [index, v] of remaining.entries()) {
      const occupancy = 1 + Math.floor(seededRandom(`${options.seed}#${v}|occupancy`)() * 7);
      const people = peopleFor(byIdentity, identities, options.seed, v, occupancy);
      for (const condition of options.conditions) {
        const approach = planApproach({ seed: `${options.seed}#${v}`, condition, occupants: people.length });
        const keepFrames = options.frames && index < 2 ? [0, 15, 30] : [];
        const spec: VehicleRunSpec = {
          approach,
          faceUrls: people.map((p) => urlOf(p.live)),
          documentUrls: people.map((p) => urlOf(p.document)),
          cameras,
          variants,
          frameStride: options.stride,
          targetFmr: options.targetFmr,
          keepFrames,
          renderSeats: options.renderSeats,
        };
        const asked = Date.now();
        const result = await harness<VehicleRunResult>('vehicle', spec);
        log(`vehicle ${v} ${condition} (${people.length} occupants): ${((Date.now() - asked) / 1000).toFixed(1)} s: ${profileLine(result.profile)}`);
        runs.push(storedRunOf({ condition, vehicle: v, result, approachMs: approach.approachSeconds * 1000 }));
        if (options.frames) {
          for (const frame of result.frames) await writeOutputFile(path.join(options.frames, `${condition}-vehicle${v}-${frame.camera}-frame${frame.index}.png`), Buffer.from(frame.png, 'base64'));
        }
      }
      done.add(v);
      await writeReport();
      log(`${done.size}/${vehicles.length} vehicles (vehicle ${v}) x ${options.conditions.length} conditions, ${((Date.now() - started) / 1000 / (index + 1)).toFixed(1)} s per vehicle`);
    }
    const summary = await writeReport();
    log(`report written to ${options.out}`);
    console.log(vehicleTable(summary));
  } finally {
    await session.close();
  }
}

/**
 * With `--resume`, the runs `--out` already holds for this run's vehicles (refused, naming the difference, when it
 * ran other options or other code); without it, none.
 */
async function earlierRuns(options: VehicleEvalOptions, here: { dataset: string; revision: CodeRevision | null }, vehicles: readonly number[], log: (line: string) => void): Promise<StoredRun[]> {
  if (!options.resume) return [];
  if (!existsSync(options.out)) {
    log(`--resume: ${options.out} does not exist yet; starting the run`);
    return [];
  }
  const earlier = await readVehicleReport(options.out);
  const why = whyNotOneRun({ ...here, options: { ...options } }, earlier, ['this run', options.out]);
  if (why) throw new Error(`--resume: ${why}`);
  const wanted = new Set(vehicles);
  const kept = earlier.runs.filter((run) => wanted.has(run.vehicle) && options.conditions.includes(run.condition));
  // A vehicle is done only when every condition of it is: a run stopped between conditions runs that vehicle again.
  const complete = new Set([...wanted].filter((v) => options.conditions.every((c) => kept.some((run) => run.vehicle === v && run.condition === c))));
  log(`--resume: ${complete.size} of ${vehicles.length} vehicles already in ${options.out}`);
  return kept.filter((run) => complete.has(run.vehicle));
}
