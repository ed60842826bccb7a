import { createDispatch, type ChannelHandlers, type Dispatch } from '../../app/host/dispatch';
import { HostFailure } from '../../app/host/result';
import type { ResolvedSettings } from '../../app/settings/boothSettings';
import { systemClock, type Clock } from '../../app/ports/Clock';
import type { DocumentRead } from '../../app/ports/documentRead';
import type { Ids } from '../../app/ports/Ids';
import { allDevices, type BoothDevices, type SimulatorControls } from './BoothDevices';
import type { SimulatedVehicleArrival } from '../../app/host/simulatorControls';
import { createHardwareDevices } from './hardwareDevices';
import { createChipInspectionService } from './chipInspectionService';
import { HostEventBus } from './HostEventBus';
import { randomIds } from './randomIds';
import { createSimulatedDevices } from './simulatedDevices';
import { LaneSessionService } from './laneSessionService';
import { keyFileStorageKey, type StorageKeySource } from './storageKey';
import { AccountsError, AccountStore } from './accounts';
import { submitDecisionBatch } from './decisionSyncService';
import { userDataDir } from './userDataDir';
import { keyboardWedgeRead } from './keyboardWedgeRead';
import type { Timers } from '../../app/ports/Timers';
import { systemTimers } from './timers';
import { TrainingScenarioPlayer } from './TrainingScenarioPlayer';
import { listBuiltInScenarios } from './trainingScenarioFiles';
import { scenarioFitsLane, type TrainingScenario } from '../../app/training/trainingScenario';

export interface BoothServicesOptions {
  readonly resolved: ResolvedSettings;
  readonly version: string;
  readonly clock?: Clock;
  readonly ids?: Ids;
  /** Where the storage key comes from: Electron passes safeStorage; default, an owner-only key file in the user data folder. */
  readonly storageKey?: StorageKeySource;
  /** The local accounts; default: accounts.json in the user data folder. */
  readonly accounts?: AccountStore;
  /** Timers of the training scenario player (its time is `clock`); default, the system's. */
  readonly timers?: Timers;
  /** A training scenario to play from the start (`--scenario`); simulation only. */
  readonly trainingScenario?: TrainingScenario;
  /** Where the built-in training scenarios are (`<app root>/assets/scenarios`); without it the trainer has none to pick. */
  readonly scenariosDir?: string;
}

/** Everything the contract exposes, in plain Node: Electron main and the Node host both serve this. */
export interface BoothServices {
  readonly dispatch: Dispatch;
  readonly events: HostEventBus;
  readonly devices: BoothDevices;
  readonly lane: LaneSessionService;
  /** The training scenario player; present only in simulation. */
  readonly training?: TrainingScenarioPlayer;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createBoothServices(options: BoothServicesOptions): BoothServices {
  const { settings, problems } = options.resolved;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const devices = settings.devices === 'sim' ? createSimulatedDevices(settings, clock, ids) : createHardwareDevices(settings, clock, ids);
  const events = new HostEventBus();
  const storageKey = options.storageKey ?? keyFileStorageKey(userDataDir());
  const accounts = options.accounts ?? AccountStore.inUserData(userDataDir());

  // One booth serves one lane; the lane devices report this id unless configured otherwise.
  const lane = new LaneSessionService({ laneId: 'lane-1', laneType: settings.laneType, records: devices.records, clock, ids, onChange: (session) => events.emit('lane:onSession', session) });
  const chip = createChipInspectionService({ chipReader: devices.chipReader, trust: devices.chipTrust, clock, ids });
  let lastDocumentRead: DocumentRead | undefined;
  /** The chip inspection of each document read in progress, so a simulated vehicle can hand over the next document after it. */
  const inspections = new Map<string, Promise<void>>();
  const inspectChip = async (read: DocumentRead) => {
    const report = await chip.inspect(read);
    events.emit('chip:onResult', report);
    lane.chipRead(report);
    return report;
  };
  /** A document was read: show it, then read its chip (in simulation, the same traveller's passport is placed first). */
  const onDocumentRead = async (read: DocumentRead) => {
    lastDocumentRead = read;
    events.emit('document:onRead', read);
    lane.documentRead(read);
    await devices.simulator?.placePassportFor(read);
    if (lastDocumentRead === read) await inspectChip(read);
  };

  /** Every document read, whichever reader it came from, enters here: its chip inspection is tracked until done. */
  const acceptDocumentRead = (read: DocumentRead) => {
    const inspection = onDocumentRead(read)
      .catch((error: unknown) => console.error('[booth] chip inspection failed:', error))
      .finally(() => inspections.delete(read.readId));
    inspections.set(read.readId, inspection);
  };

  /** Plays a simulated vehicle; each document is handed over after the previous one's chip was read. */
  const vehicleArrives = (controls: SimulatorControls, arrival: SimulatedVehicleArrival) =>
    controls.vehicleArrives(arrival, async (traveller, photo) => {
      if (!devices.documentReader.status().connected) return;
      const read = controls.readDocument(traveller, photo);
      await inspections.get(read.readId);
    });

  const simulator = () => {
    if (!devices.simulator) throw new HostFailure('not_supported', 'Simulator controls are available only with --devices=sim.');
    return devices.simulator;
  };

  if (options.trainingScenario && !devices.simulator) throw new Error('Training scenarios play on simulated devices only (--devices=sim).');
  if (options.trainingScenario && !scenarioFitsLane(options.trainingScenario.laneType, settings.laneType)) {
    throw new Error(`Training scenario "${options.trainingScenario.name}" is for a ${options.trainingScenario.laneType} lane; this booth's laneType is "${settings.laneType}".`);
  }
  const controls = devices.simulator;
  const training = controls
    ? new TrainingScenarioPlayer(
        {
          setConnected: (kind, connected) => controls.setConnected(kind, connected),
          readDocument: (traveller) => controls.readDocument(traveller),
          failDocumentRead: (error) => controls.failDocumentRead(error),
          setChipFaults: (faults) => controls.setChipFaults(faults),
          vehicleArrives: (arrival) => vehicleArrives(controls, arrival),
        },
        clock,
        options.timers ?? systemTimers,
      )
    : undefined;
  if (training && options.trainingScenario) training.load(options.trainingScenario);
  const trainer = () => {
    if (!training) throw new HostFailure('not_supported', 'Training scenarios are available only with --devices=sim.');
    return training;
  };
  const builtInScenarios = () => (options.scenariosDir ? listBuiltInScenarios(options.scenariosDir) : []);

  const handlers: ChannelHandlers = {
    'app:getInfo': () => ({
      boothId: settings.boothId,
      laneType: settings.laneType,
      deviceMode: settings.devices,
      faceMatchTargetFmr: settings.faceMatchTargetFmr,
      version: options.version,
      screenLockMinutes: settings.screenLockMinutes,
      retentionDays: settings.retentionDays,
      settingsProblems: [...problems],
    }),
    'devices:list': () => allDevices(devices).map((device) => device.status()),
    'cameras:list': () => [...devices.camera.cameras()],
    'cameras:scenes': () => [...devices.camera.scenes()],
    'lane:current': () => lane.current(),
    'auth:signIn': async ({ userId, password }) => {
      try {
        return await accounts.signIn(userId, password);
      } catch (error) {
        if (error instanceof AccountsError && error.code === 'bad_credentials') throw new HostFailure('bad_credentials', 'Unknown user or wrong password.');
        throw error;
      }
    },
    'documents:wedgeRead': ({ lines }) => {
      const reply = keyboardWedgeRead(lines, clock, ids);
      acceptDocumentRead(reply.read);
      return reply;
    },
    'decisions:sync': (request) => submitDecisionBatch(devices.records, request),
    'storage:getKey': async () => ({ key: Buffer.from(await storageKey.load()).toString('base64') }),
    'chip:readAgain': () => {
      if (!lastDocumentRead) throw new HostFailure('device_unavailable', 'Read the document first: its MRZ opens the chip.');
      return inspectChip(lastDocumentRead);
    },
    'sim:setChipFaults': (faults) => simulator().setChipFaults(faults),
    'sim:setDeviceConnected': ({ kind, connected }) => simulator().setConnected(kind, connected),
    'sim:readDocument': ({ traveller, photo }) => {
      const controls = simulator();
      if (!devices.documentReader.status().connected) throw new HostFailure('device_unavailable', 'The document reader is disconnected.');
      return controls.readDocument(traveller, photo);
    },
    'sim:vehicleArrives': (arrival) => {
      const controls = simulator();
      if (settings.laneType !== 'vehicle') throw new HostFailure('not_supported', `Vehicles arrive only in a vehicle lane; this booth's laneType is "${settings.laneType}".`);
      return vehicleArrives(controls, arrival);
    },
    'training:list': () => builtInScenarios().map((s) => ({ name: s.name, description: s.description, laneType: s.laneType, stepCount: s.steps.length })),
    'training:progress': () => trainer().progress(),
    'training:start': ({ scenario: name }) => {
      const player = trainer();
      if (name === undefined) {
        if (player.progress().state === 'idle') throw new HostFailure('invalid_request', 'No training scenario is loaded: name one.');
        return player.start();
      }
      const builtIns = builtInScenarios();
      const scenario = builtIns.find((s) => s.name === name);
      if (!scenario) throw new HostFailure('invalid_request', `There is no built-in training scenario "${name}"; built-in: ${builtIns.map((s) => s.name).join(', ')}.`);
      if (!scenarioFitsLane(scenario.laneType, settings.laneType)) throw new HostFailure('not_supported', `Training scenario "${name}" is for a ${scenario.laneType} lane; this booth's laneType is "${settings.laneType}".`);
      return player.start(scenario);
    },
    'training:stop': () => trainer().stop(),
  };

  const unsubscribers: (() => void)[] = [];
  return {
    dispatch: createDispatch(handlers),
    events,
    devices,
    lane,
    ...(training ? { training } : {}),
    async start() {
      for (const device of allDevices(devices)) {
        unsubscribers.push(device.onStatus((status) => events.emit('devices:onStatus', status)));
      }
      unsubscribers.push(
        devices.documentReader.onRead(acceptDocumentRead),
        devices.plateReader.onVehicle((plate) => lane.plateRead(plate)),
        devices.rfidReader.onCard((card) => lane.cardRead(card)),
        devices.camera.onScene((scene) => events.emit('camera:onScene', scene)),
        devices.documentReader.onReadError((error) => events.emit('document:onReadError', { readerId: devices.documentReader.id, ...error })),
      );
      await Promise.all(allDevices(devices).map((device) => device.start()));
      // A simulated booth is a practice booth: its practice accounts exist from the start (README).
      if (settings.devices === 'sim') await accounts.ensurePracticeAccounts();
      if (training) unsubscribers.push(training.onProgress((progress) => events.emit('training:onProgress', progress)));
      if (controls && settings.laneType === 'vehicle' && settings.simulatedVehicleIntervalSeconds > 0) {
        // Trainers' steady traffic: the next scripted vehicle at every interval.
        const timer = setInterval(() => {
          vehicleArrives(controls, {}).catch((error: unknown) => console.error('[booth] simulated vehicle failed:', error));
        }, settings.simulatedVehicleIntervalSeconds * 1000);
        unsubscribers.push(() => clearInterval(timer));
      }
      if (training && options.trainingScenario) training.start();
    },
    async stop() {
      training?.stop();
      await training?.settled();
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      await Promise.allSettled(inspections.values());
      await lane.settled();
      await Promise.all(allDevices(devices).map((device) => device.stop()));
    },
  };
}
