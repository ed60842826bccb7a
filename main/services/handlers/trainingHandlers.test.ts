import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../../app/ports/Ids';
import { resolveSettings } from '../../../app/settings/boothSettings';
import { SignedInCallers } from '../SignedInCallers';
import { TrainingRunStore } from '../TrainingRunStore';
import { TrainingScenarioPlayer } from '../TrainingScenarioPlayer';
import { ManualTime } from '../testSupport/manualTime';
import { loadTrainingScenario } from '../trainingScenarioFiles';
import { trainingHandlers } from './trainingHandlers';

const scenariosDir = fileURLToPath(new URL('../../../assets/scenarios', import.meta.url));

/** The handlers over a real player whose steps do nothing (what is checked here is who may see what, when). */
function handlers() {
  const time = new ManualTime(new Date('2026-12-07T09:00:00Z'));
  const idle = () => undefined;
  const player = new TrainingScenarioPlayer({ setConnected: idle, readDocument: idle, failDocumentRead: idle, setChipFaults: idle, vehicleArrives: async () => undefined, documentNumbers: () => [] }, time, time, { ids: sequentialIds() });
  const callers = new SignedInCallers();
  const trainer = { client: 'trainer-window' };
  const trainee = { client: 'trainee-window' };
  callers.signedIn(trainer, { userId: 'trainer', name: 'Trainer', role: 'trainer' });
  callers.signedIn(trainee, { userId: 'kim', name: 'Kim', role: 'officer' });
  const runs = new TrainingRunStore(mkdtempSync(join(tmpdir(), 'booth-training-handlers-')));
  const training = trainingHandlers({ training: player, settings: resolveSettings({ laneType: 'pedestrian' }).settings, scenariosDir, callers, runs });
  return { training, trainer, trainee, scenario: loadTrainingScenario('clean-then-expired', scenariosDir) };
}

describe('training:debrief', () => {
  it("gives the trainee their run's debrief once the run has ended, never the live one with what each traveller is expected to get", async () => {
    const { training, trainer, trainee, scenario } = handlers();
    const started = await training['training:start']({ scenario: scenario.name, trainee: 'kim' }, trainer);
    const runId = started.run?.runId;
    expect(runId).toBeDefined();

    expect(await training['training:debrief']({}, trainer)).toMatchObject({ runId, endedAt: null });
    await expect(training['training:debrief']({}, trainee)).rejects.toMatchObject({ code: 'not_permitted', message: `The debrief of ${runId} opens for its trainee when the run ends.` });

    await training['training:stop']({}, trainer);
    expect(await training['training:debrief']({ runId }, trainee)).toMatchObject({ runId, trainee: 'kim', endedAt: expect.any(String) });
  });
});
