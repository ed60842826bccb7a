import { fileURLToPath } from 'node:url';

/** Where end-to-end runs keep what they generate (all under dist/, never committed). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const e2eOutputDir = `${repoRoot}dist/e2e`;
export const fakeCameraClip = `${e2eOutputDir}/fake-camera.y4m`;
export const screenshotsDir = `${e2eOutputDir}/screenshots`;
/**
 * The face index training scenarios pick look-alikes from (read by the e2e hosts and the specs): BOOTH_FACE_INDEX, or
 * the small one globalSetup makes from the dataset (e2e/support/makeTestFaceIndex.ts).
 */
export const e2eFaceIndex = process.env.BOOTH_FACE_INDEX ?? `${e2eOutputDir}/face-index.json`;
export const e2ePort = Number(process.env.BOOTH_E2E_PORT ?? 5391);
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}/`;
/** The vehicle-lane booth the lane tests drive (same build, its own host and simulators). */
export const vehicleLanePort = e2ePort + 1;
export const vehicleLaneUrl = `http://127.0.0.1:${vehicleLanePort}/`;
/** A vehicle-lane booth no test sends vehicles to: its cameras show their own (fake-device) video. */
export const liveCamerasLanePort = e2ePort + 2;
export const liveCamerasLaneUrl = `http://127.0.0.1:${liveCamerasLanePort}/`;
/** An exit (departure) vehicle-lane booth: faces identified against the lane's gallery. */
export const exitLanePort = e2ePort + 3;
export const exitLaneUrl = `http://127.0.0.1:${exitLanePort}/`;
/** Where the e2e host writes the base URL of the exit lane's records service (its HTTP simulator on loopback). */
export const exitLaneRecordsUrlFile = `${e2eOutputDir}/exit-lane-records-url.txt`;
/** A pedestrian exit lane: one traveller at a time, each identified against the lane's gallery. */
export const pedestrianExitLanePort = e2ePort + 4;
export const pedestrianExitLaneUrl = `http://127.0.0.1:${pedestrianExitLanePort}/`;
export const pedestrianExitLaneRecordsUrlFile = `${e2eOutputDir}/pedestrian-exit-lane-records-url.txt`;
export const chromiumPath = process.env.BOOTH_CHROMIUM ?? '/usr/bin/chromium';
export const datasetsDir = process.env.BOOTH_DATASETS ?? `${repoRoot}../shared/datasets`;

/** Chromium flags that work as root in a container with no network (see ../shared/guides/environment.md). */
export const chromiumBaseArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];

export const fakeCameraArgs = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${fakeCameraClip}`];
