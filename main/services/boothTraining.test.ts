import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sequentialIds } from '../../app/ports/Ids';
import { resolveSettings } from '../../app/settings/boothSettings';
import { createBoothServices, type BoothServices } from './createBoothServices';
import { ManualTime } from './testSupport/manualTime';
import { TrainingRunStore } from './TrainingRunStore';
import { loadTrainingScenario } from './trainingScenarioFiles';

const scenariosDir = fileURLToPath(new URL('../../assets/scenarios', import.meta.url));
const running: BoothServices[] = [];
afterEach(async () => {
  for (const services of running.splice(0)) await services.stop();
});

describe('training on a simulated booth', () => {
  it("tells the trainer when a run's debrief could not be kept in the run history, not only the console", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'booth-training-kept-'));
    // The history's folder cannot be made: a file stands where its parent folder should be.
    writeFileSync(join(dir, 'not-a-folder'), '');
    const runs = new TrainingRunStore(join(dir, 'not-a-folder', 'training-runs'));
    const time = new ManualTime(new Date('2026-12-07T09:00:00Z'));
    const services = createBoothServices({ resolved: resolveSettings({ laneType: 'pedestrian' }), version: 'test', clock: time, timers: time, ids: sequentialIds(), userDataDir: dir, trainingRuns: runs, scenariosDir });
    running.push(services);
    const player = services.training!;
    const first = player.start(loadTrainingScenario('clean-then-expired', scenariosDir)).run!.runId;
    // A restart ends the first run: its debrief is handed to the history, which cannot keep it.
    player.start();
    await expect(runs.settled()).rejects.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(player.progress().problems).toEqual([expect.stringMatching(new RegExp(`^The debrief of ${first} could not be kept in the run history: `))]);
  });
});
