import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAccess, type CallerAccess, type HandlersOf } from '../../../app/host/dispatch';
import { type DispatchCaller } from '../../../app/host/dispatchCaller';
import { sequentialIds } from '../../../app/ports/Ids';
import { resolveSettings } from '../../../app/settings/boothSettings';
import { SignedInCallers } from '../SignedInCallers';
import { TrainingRunStore } from '../TrainingRunStore';
import { TrainingScenarioPlayer } from '../TrainingScenarioPlayer';
import { ManualTime } from '../testSupport/manualTime';
import { loadTrainingScenario } from '../trainingScenarioFiles';
import { trainingHandlers } from './trainingHandlers';

const scenariosDir = fileURLToPath(new URL('../../../assets/scenarios', import.meta.url));

/** Each handler behind its channel's access rule, as dispatch applies it (app/host/channelAccess.ts). */
function behindAccessRules(handlers: HandlersOf<'training'>, access: CallerAccess): HandlersOf<'training'> {
  const guarded = Object.entries(handlers).map(([channel, handler]) => [
    channel,
    async (request: never, caller: DispatchCaller) => {
      const { refused } = await checkAccess(channel as keyof HandlersOf<'training'>, request, caller, access);
      if (refused) throw refused;
      return (handler as (request: never, caller: DispatchCaller) => unknown)(request, caller);
    },
  ]);
  return Object.fromEntries(guarded) as unknown as HandlersOf<'training'>;
}

/** The handlers over a real player whose steps do nothing (what is checked here is who may see what, when). */
function handlers(settings: Record<string, unknown> = { laneType: 'pedestrian' }) {
  const time = new ManualTime(new Date('2026-12-07T09:00:00Z'));
  const idle = () => undefined;
  const player = new TrainingScenarioPlayer({ setConnected: idle, readDocument: idle, failDocumentRead: idle, setChipFaults: idle, vehicleArrives: async () => undefined, documentNumbers: () => [], serveExitGallery: () => [], departs: idle }, time, time, { ids: sequentialIds() });
  const callers = new SignedInCallers();
  const trainer = { client: 'trainer-window', transport: 'window' as const };
  const trainee = { client: 'trainee-window', transport: 'window' as const };
  const nobody = { client: 'sign-in-screen', transport: 'window' as const };
  callers.signedIn(trainer, { userId: 'trainer', name: 'Trainer', role: 'trainer' });
  callers.signedIn(trainee, { userId: 'kim', name: 'Kim', role: 'officer' });
  const runs = new TrainingRunStore(mkdtempSync(join(tmpdir(), 'booth-training-handlers-')));
  const access: CallerAccess = { userOf: (caller) => callers.userOf(caller), trainingRunOpen: () => player.openRunId() !== null, record: async () => undefined };
  const training = behindAccessRules(trainingHandlers({ training: player, settings: resolveSettings(settings).settings, scenariosDir, callers, runs }), access);
  return { training, trainer, trainee, nobody, time, player, scenario: loadTrainingScenario('clean-then-expired', scenariosDir) };
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

describe('what each window is told of a run', () => {
  it("tells every window only whether a run is open and which; the scenario, its steps and the live score are the trainer's", async () => {
    const { training, trainer, trainee, nobody, scenario } = handlers();
    expect(await training['training:run']({}, nobody)).toEqual({ run: null });
    const runId = (await training['training:start']({ scenario: scenario.name, trainee: 'kim' }, trainer)).run?.runId;

    for (const window of [trainee, nobody, trainer]) expect(await training['training:run']({}, window)).toEqual({ run: { runId, open: true } });
    expect(await training['training:progress']({}, trainer)).toMatchObject({ state: 'playing', scenario: 'clean-then-expired', stepCount: 2, run: { runId, open: true, score: { steps: 0 } } });
    await expect(Promise.resolve().then(() => training['training:progress']({}, trainee))).rejects.toMatchObject({ code: 'not_permitted', message: "The scenario's progress and live score is for the trainer role; kim is signed in as officer." });
    await expect(Promise.resolve().then(() => training['training:progress']({}, nobody))).rejects.toMatchObject({ code: 'not_permitted' });

    await training['training:stop']({}, trainer);
    expect(await training['training:run']({}, trainee)).toEqual({ run: { runId, open: false } });
  });

  it("answers the trainee's decision and alert reports without the score they made", async () => {
    const { training, trainer, trainee, time, player, scenario } = handlers();
    const runId = (await training['training:start']({ scenario: scenario.name, trainee: 'kim' }, trainer)).run!.runId;
    time.advance(2000);
    await player.settled();
    const subject = { documentNumber: 'L898902C3', occupantIndex: 0 };
    const evidence = { faceMatch: null, chipVerdict: 'verified' as const, alerts: [], recommended: 'clear' as const };
    const at = time.now().toISOString();
    expect(await training['training:decided']({ runId, decisionId: 'd-1', subject, outcome: 'clear', reasons: [], decidedAt: at, evidence }, trainee)).toEqual({ run: { runId, open: true } });
    expect(await training['training:alerted']({ runId, subject, at }, trainee)).toEqual({ run: { runId, open: true } });
    // Scored all the same: the trainer sees it.
    expect(await training['training:progress']({}, trainer)).toMatchObject({ run: { score: { steps: 1 } } });
  });
});

describe('training:alerted', () => {
  it('refuses an alert for a run that is not open (ended, or never), saying it was not counted, as a decision is', async () => {
    const { training, trainer, trainee, scenario } = handlers();
    const runId = (await training['training:start']({ scenario: scenario.name, trainee: 'kim' }, trainer)).run!.runId;
    await training['training:stop']({}, trainer);
    const subject = { documentNumber: 'L898902C3', occupantIndex: 0 };
    const at = '2026-12-07T09:00:05.000Z';
    for (const run of [runId, 'run-never-started']) {
      await expect(Promise.resolve().then(() => training['training:alerted']({ runId: run, subject, at }, trainee))).rejects.toMatchObject({
        code: 'invalid_request',
        message: `Training run ${run} is not the open run; the alert stays recorded as training but is not counted.`,
      });
    }
  });
});

describe('training:departed', () => {
  const brandtConfirmed = { occupantId: 'o-1', action: 'confirmed' as const, as: 'departure' as const, travellerId: 'brandt', among: [], shown: 'Overstay 100 days (admitted until 2026-08-29)' };

  it("scores an exit lane's training confirmation in the open run, answering only whether it is open; refuses nobody signed in and a run not open", async () => {
    const { training, trainer, trainee, nobody, time, player } = handlers({ laneType: 'vehicle', direction: 'exit' });
    expect((await training['training:list']({}, trainer)).find((s) => s.name === 'exit-overstayer-twins')).toMatchObject({ laneType: 'vehicle', direction: 'exit', stepCount: 2 });
    const runId = (await training['training:start']({ scenario: 'exit-overstayer-twins', trainee: 'kim' }, trainer)).run!.runId;
    time.advance(20_000);
    await player.settled();
    const report = { runId, sessionId: 's-1', decidedAt: time.now().toISOString(), occupants: [brandtConfirmed] };
    await expect(Promise.resolve().then(() => training['training:departed'](report, nobody))).rejects.toMatchObject({ code: 'not_permitted' });
    expect(await training['training:departed'](report, trainee)).toEqual({ run: { runId, open: true } });
    expect(await training['training:progress']({}, trainer)).toMatchObject({ run: { score: { steps: 1, criticalMisses: 1 } } });
    await training['training:stop']({}, trainer);
    await expect(Promise.resolve().then(() => training['training:departed'](report, trainee))).rejects.toMatchObject({
      code: 'invalid_request',
      message: `Training run ${runId} is not the open run; the confirmation stays recorded as training but is not scored.`,
    });
  });

  it('refuses to start an exit scenario at an entry booth', async () => {
    const { training, trainer } = handlers({ laneType: 'vehicle' });
    await expect(Promise.resolve().then(() => training['training:start']({ scenario: 'exit-overstayer-twins' }, trainer))).rejects.toMatchObject({
      code: 'not_supported',
      message: 'Training scenario "exit-overstayer-twins" is for an exit lane; this booth\'s direction is "entry".',
    });
  });
});
