import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DecisionSyncPayload } from '../../app/inspection/decisionRecordSchema';
import { sequentialIds } from '../../app/ports/Ids';
import { TrainingDecisionGuard } from './TrainingDecisionGuard';
import { TrainingScenarioPlayer } from './TrainingScenarioPlayer';
import { ManualTime } from './testSupport/manualTime';
import { loadTrainingScenario } from './trainingScenarioFiles';

const scenariosDir = fileURLToPath(new URL('../../assets/scenarios', import.meta.url));

/** A real player (its steps do nothing) followed by the guard, as createBoothServices wires them. */
function guardedPlayer() {
  const time = new ManualTime(new Date('2026-12-07T09:00:00Z'));
  const idle = () => undefined;
  const player = new TrainingScenarioPlayer({ setConnected: idle, readDocument: idle, failDocumentRead: idle, setChipFaults: idle, vehicleArrives: async () => undefined, documentNumbers: () => [], serveExitGallery: () => [], departs: idle }, time, time, { ids: sequentialIds() });
  const guard = new TrainingDecisionGuard(time);
  player.onProgress((progress) => guard.progressed(progress));
  /** What the guard says of a decision made now (it goes by the decision's time alone). */
  const decidedNow = () => guard.refusal({ decision: { decidedAt: time.now().toISOString() } } as unknown as DecisionSyncPayload);
  return { time, player, decidedNow, scenario: loadTrainingScenario('clean-then-expired', scenariosDir) };
}

describe('TrainingDecisionGuard', () => {
  it('holds back what is decided while a run is open, and nothing before or after', () => {
    const { time, player, decidedNow, scenario } = guardedPlayer();
    expect(decidedNow()).toBeNull();
    time.advance(1000);
    const runId = player.start(scenario).run?.runId;
    time.advance(1000);
    expect(decidedNow()).toBe(`decided during training run ${runId}: a training decision is never sent to the records service`);
    player.stop();
    time.advance(1000);
    expect(decidedNow()).toBeNull();
  });

  it('closes a run the trainer replaced (restart, or another scenario loaded), though no progress said it ended', () => {
    const { time, player, decidedNow, scenario } = guardedPlayer();
    player.start(scenario);
    time.advance(1000);
    const second = player.start(scenario).run?.runId;
    time.advance(1000);
    expect(decidedNow()).toMatch(new RegExp(`training run ${second}:`));
    player.stop();
    time.advance(1000);
    expect(decidedNow()).toBeNull();

    player.start(scenario);
    time.advance(1000);
    player.load(scenario);
    time.advance(1000);
    expect(decidedNow()).toBeNull();
  });
});
