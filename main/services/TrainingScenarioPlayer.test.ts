import { afterEach, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../app/settings/boothSettings';
import { parseTrainingScenario } from '../../app/training/trainingScenario';
import { simulatedTravellers } from '../../native-bridges/document-reader/simulatedTravellers';
import { createBoothServices } from './createBoothServices';
import { TrainingScenarioPlayer } from './TrainingScenarioPlayer';
import { ManualTime } from './testSupport/manualTime';
import { loadTrainingScenario } from './trainingScenarioFiles';
import { scenariosDir, simulatedBooth, start, stopTrainingBooths } from './testSupport/trainingBooth';

afterEach(stopTrainingBooths);

describe('TrainingScenarioPlayer on the simulated booth', () => {
  it('plays the built-in "clone-during-records-outage" step by step, at each step\'s time', async () => {
    const booth = await simulatedBooth();
    const scenario = loadTrainingScenario('clone-during-records-outage', scenariosDir);
    expect(booth.player.start(scenario)).toMatchObject({ state: 'playing', scenario: 'clone-during-records-outage', stepsDone: 0, stepCount: 7, nextAtSeconds: 0 });

    await booth.playUntil(0);
    expect(await booth.connected('recordsService')).toBe(false);
    expect(booth.player.progress()).toMatchObject({ stepsDone: 1, currentStep: '1/7: the records service goes down', nextAtSeconds: 1 });

    await booth.playUntil(2.9);
    expect(booth.documentsRead()).toEqual([]);
    await booth.playUntil(3);
    expect(booth.documentsRead()).toEqual([simulatedTravellers[1]!.mrz[0]]);
    // The clone fault set at 1 s reached the chip placed for this read: Active/Chip Authentication fail.
    const cloned = await booth.chipReport(booth.lastReadId());
    expect(cloned.outcome).toBe('read');
    expect(cloned.verdict).toBe('failed');

    await booth.playUntil(40);
    const readError = booth.events.find((event) => event.name === 'document:onReadError');
    expect(readError?.payload).toMatchObject({ code: 'partial_read', message: expect.stringContaining('scan again') });

    await booth.playUntil(50);
    expect(booth.documentsRead()).toEqual([simulatedTravellers[1]!.mrz[0], simulatedTravellers[3]!.mrz[0]]);
    // The faults were cleared at 40 s: this passport's chip is genuine.
    expect((await booth.chipReport(booth.lastReadId())).verdict).toBe('verified');
    expect(await booth.connected('recordsService')).toBe(false);

    await booth.playUntil(90);
    expect(await booth.connected('recordsService')).toBe(true);
    expect(booth.player.progress()).toMatchObject({ state: 'finished', stepsDone: 7, nextAtSeconds: null, problems: [] });
    // Every window heard each move, and only whether the run is open (the steps and score are the trainers').
    const published = booth.events.flatMap((event) => (event.name === 'training:onProgress' ? [event.payload] : []));
    const runId = booth.player.progress().run?.runId;
    expect(published.length).toBeGreaterThanOrEqual(8);
    expect(published.every((payload) => payload.run !== null && payload.run.runId === runId && Object.keys(payload.run).join() === 'runId,open')).toBe(true);
    expect(booth.time.waiting).toBe(0);
  });

  it('restart puts the booth back as new and replays from the first step', async () => {
    const booth = await simulatedBooth();
    booth.player.start(loadTrainingScenario('clone-during-records-outage', scenariosDir));
    await booth.playUntil(3);
    expect(booth.documentsRead()).toHaveLength(1);
    expect(await booth.connected('recordsService')).toBe(false);

    const restartAt = booth.time.elapsedMs / 1000;
    expect(booth.player.start()).toMatchObject({ state: 'playing', stepsDone: 0, currentStep: null });
    expect(await booth.connected('recordsService')).toBe(true);
    await booth.playUntil(restartAt + 2.9);
    expect(booth.documentsRead()).toHaveLength(1);
    expect(await booth.connected('recordsService')).toBe(false);
    await booth.playUntil(restartAt + 3);
    expect(booth.documentsRead()).toEqual([simulatedTravellers[1]!.mrz[0], simulatedTravellers[1]!.mrz[0]]);
    expect((await booth.chipReport(booth.lastReadId())).verdict).toBe('failed');
  });

  it('stop cancels every step not yet played', async () => {
    const booth = await simulatedBooth();
    booth.player.start(loadTrainingScenario('clean-then-expired', scenariosDir));
    await booth.playUntil(2);
    expect(booth.documentsRead()).toEqual([simulatedTravellers[0]!.mrz[0]]);
    expect(booth.player.stop()).toMatchObject({ state: 'stopped', stepsDone: 1, nextAtSeconds: null });
    expect(booth.time.waiting).toBe(0);
    await booth.playUntil(600);
    expect(booth.documentsRead()).toEqual([simulatedTravellers[0]!.mrz[0]]);
    expect(booth.player.progress().state).toBe('stopped');
  });

  it('notes a step that cannot be played (a read with the reader unplugged) and goes on', async () => {
    const booth = await simulatedBooth();
    const scenario = parseTrainingScenario(
      JSON.stringify({
        name: 'reader-unplugged',
        description: 'The reader is unplugged when a traveller arrives.',
        laneType: 'pedestrian',
        steps: [
          { atSeconds: 0, kind: 'device', device: 'documentReader', connected: false },
          { atSeconds: 5, kind: 'readDocument', traveller: 0 },
          { atSeconds: 10, kind: 'device', device: 'documentReader', connected: true },
          { atSeconds: 12, kind: 'readDocument', traveller: 2 },
        ],
      }),
      'inline',
    );
    booth.player.start(scenario);
    await booth.playUntil(12);
    expect(booth.documentsRead()).toEqual([simulatedTravellers[2]!.mrz[0]]);
    expect(booth.player.progress()).toMatchObject({
      state: 'finished',
      stepsDone: 4,
      problems: ["step 2 (the reader reads scripted traveller 0's document) could not be played: The document reader is disconnected."],
    });
  });

  it('plays a vehicle arrival in a vehicle lane, and a scenario for another lane is refused', async () => {
    const booth = await simulatedBooth({ laneType: 'vehicle' });
    booth.player.start(loadTrainingScenario('vehicle-forged-sod-reader-unplugged', scenariosDir));
    await booth.playUntil(2);
    const plates = booth.events.flatMap((event) => (event.name === 'lane:onSession' && event.payload.plate ? [event.payload.plate.best.plate] : []));
    expect(plates).toContain('BTH4821');
    expect(booth.documentsRead()).toHaveLength(3);
    expect(booth.player.progress().stepsDone).toBe(1);

    expect(() =>
      createBoothServices({ resolved: resolveSettings({ laneType: 'air' }), version: 'test', trainingScenario: loadTrainingScenario('vehicle-forged-sod-reader-unplugged', scenariosDir) }),
    ).toThrow('Training scenario "vehicle-forged-sod-reader-unplugged" is for a vehicle lane; this booth\'s laneType is "air".');
    expect(() =>
      createBoothServices({ resolved: resolveSettings({ devices: 'hardware' }), version: 'test', trainingScenario: loadTrainingScenario('clean-then-expired', scenariosDir) }),
    ).toThrow('Training scenarios play on simulated devices only (--devices=sim).');
  });

  it('a step still under way when the trainer stops or restarts schedules nothing of the old run', async () => {
    // A recording target whose vehicle arrival finishes only when the test says so (a car slow at the window).
    const played: string[] = [];
    let finishArrival = () => {};
    const target = {
      setConnected: (kind: string, connected: boolean) => played.push(`${kind}:${connected}`),
      readDocument: (traveller: number) => played.push(`read:${traveller}`),
      failDocumentRead: () => played.push('fail'),
      setChipFaults: () => played.push('faults'),
      vehicleArrives: () => {
        played.push('vehicle');
        return new Promise<void>((resolve) => (finishArrival = resolve));
      },
      documentNumbers: () => [],
      serveExitGallery: () => [],
      departs: () => played.push('departs'),
    };
    const time = new ManualTime(start);
    const player = new TrainingScenarioPlayer(target, time, time);
    const scenario = parseTrainingScenario(
      JSON.stringify({
        name: 'slow-car',
        description: 'A car, then a read.',
        laneType: 'vehicle',
        steps: [
          { atSeconds: 1, kind: 'vehicleArrives' },
          { atSeconds: 2, kind: 'readDocument', traveller: 1 },
        ],
      }),
      'inline',
    );
    player.start(scenario);
    played.length = 0;
    time.advance(1000);
    expect(played).toEqual(['vehicle']);
    expect(player.stop()).toMatchObject({ state: 'stopped', stepsDone: 0 });
    finishArrival();
    await player.settled();
    time.advance(60_000);
    expect(played).toEqual(['vehicle']);
    expect(player.progress()).toMatchObject({ state: 'stopped', stepsDone: 0 });
    expect(time.waiting).toBe(0);
  });
});
