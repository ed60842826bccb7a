import { combineHandlers, createDispatch, type Dispatch } from '../../app/host/dispatch';
import { type DispatchCaller } from '../../app/host/dispatchCaller';
import type { ResolvedSettings } from '../../app/settings/boothSettings';
import { systemClock, type Clock } from '../../app/ports/Clock';
import type { Ids } from '../../app/ports/Ids';
import { allDevices, type BoothDevices } from './BoothDevices';
import { createHardwareDevices } from './hardwareDevices';
import { createChipInspectionService } from './chipInspectionService';
import { chipTrustNotices } from './chipTrustNotices';
import { DocumentIntake } from './DocumentIntake';
import { HostEventBus } from './HostEventBus';
import { randomIds } from './randomIds';
import { createSimulatedDevices } from './simulatedDevices';
import { LaneSessionService } from './laneSessionService';
import { keyFileStorageKey, type StorageKeySource } from './storageKey';
import { AccountStore } from './accounts';
import { userDataDir } from './userDataDir';
import type { Timers } from '../../app/ports/Timers';
import { systemTimers } from './timers';
import { appHandlers } from './handlers/appHandlers';
import { keptPolicySetFile, loadPolicies, type LoadedPolicies } from './policyFiles';
import { shippedPolicyFolder } from '../../native-bridges/policy/policyFolder.node.ts';
import { deviceHandlers } from './handlers/deviceHandlers';
import { laneHandlers } from './handlers/laneHandlers';
import { authHandlers } from './handlers/authHandlers';
import { auditHandlers } from './handlers/auditHandlers';
import { SignInThrottleFile } from './signInThrottleFile';
import { documentHandlers } from './handlers/documentHandlers';
import { decisionHandlers } from './handlers/decisionHandlers';
import { exitHandlers } from './handlers/exitHandlers';
import { storageHandlers } from './handlers/storageHandlers';
import { simulatorHandlers } from './handlers/simulatorHandlers';
import { trainingHandlers } from './handlers/trainingHandlers';
import { SignedInCallers } from './SignedInCallers';
import { HostAuditLog } from './HostAuditLog';
import { createBoothTraining } from './boothTraining';
import type { TrainingScenarioPlayer } from './TrainingScenarioPlayer';
import type { TrainingScenario } from '../../app/training/trainingScenario';
import { trainingRunStateOf } from '../../app/training/trainingProgress';
import type { TrainingRunStore } from './TrainingRunStore';
import { modelHandlers } from './handlers/modelHandlers';
import { boothFaceModels } from './faceModelSet';
import path from 'node:path';

export interface BoothServicesOptions {
  readonly resolved: ResolvedSettings;
  readonly version: string;
  readonly clock?: Clock;
  readonly ids?: Ids;
  /**
   * The folder the booth keeps its own files in (storage key file, accounts, kept policy set, last working face
   * models, and by default the throttle and training runs beside the accounts); default userDataDir()
   * (BOOTH_USER_DATA, else the platform's). Tests pass a temporary folder: never the officer's real one.
   */
  readonly userDataDir?: string;
  /** Where the storage key comes from: Electron passes safeStorage; default, an owner-only key file in the user data folder. */
  readonly storageKey?: StorageKeySource;
  /** The local accounts; default: accounts.json in the user data folder. */
  readonly accounts?: AccountStore;
  /** The sign-in throttle's saved counts; default: sign-in-throttle.json beside the accounts file. */
  readonly signInThrottleFile?: SignInThrottleFile;
  /** Timers of the training scenario player (its time is `clock`); default, the system's. */
  readonly timers?: Timers;
  /** A training scenario to play from the start (`--scenario`); simulation only. */
  readonly trainingScenario?: TrainingScenario;
  /** Where the built-in training scenarios are (`<app root>/assets/scenarios`); without it the trainer has none to pick. */
  readonly scenariosDir?: string;
  /** The training run history; default: training-runs/ beside the accounts file (the user data folder). */
  readonly trainingRuns?: TrainingRunStore;
  /** The app's node_modules, where a model manifest's `source.package` is found; default `<cwd>/node_modules`. */
  readonly modulesDir?: string;
  /** Where the policy files are (`<app root>/assets/policy`); default, the shipped folder beside these sources. */
  readonly policyDir?: string;
  /** The policy set already loaded (tests); default, loaded from `policyDir` with the last valid set kept in the user data folder. */
  readonly policies?: LoadedPolicies;
  /** Who is signed in on each connection; default, a new record (tests pass theirs to see it). */
  readonly signedInCallers?: SignedInCallers;
}

/** Everything the contract exposes, in plain Node: Electron main and the Node host both serve this. */
export interface BoothServices {
  readonly dispatch: Dispatch;
  readonly events: HostEventBus;
  readonly devices: BoothDevices;
  readonly lane: LaneSessionService;
  /** The training scenario player; present only in simulation. */
  readonly training?: TrainingScenarioPlayer;
  /**
   * A prepared model file of the booth's verified face-model set, by the path the page requests (`model-set/…`);
   * undefined for any other path. Nothing else is served from outside the renderer build.
   */
  modelFile(requestPath: string): Promise<Uint8Array | undefined>;
  /** The connection (a window's WebSocket or IPC, an HTTP API session) is gone: whoever signed in on it is forgotten. */
  connectionClosed(caller: DispatchCaller): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createBoothServices(options: BoothServicesOptions): BoothServices {
  const { settings } = options.resolved;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const devices = settings.devices === 'sim' ? createSimulatedDevices(settings, clock, ids) : createHardwareDevices(settings, clock, ids);
  const events = new HostEventBus();
  const userData = options.userDataDir ?? userDataDir();
  const storageKey = options.storageKey ?? keyFileStorageKey(userData);
  const accounts = options.accounts ?? AccountStore.inUserData(userData);
  const policies = options.policies ?? loadPolicies(options.policyDir ?? shippedPolicyFolder, keptPolicySetFile(userData));

  // One booth serves one lane; the lane devices report this id unless configured otherwise.
  const lane = new LaneSessionService({ laneId: 'lane-1', laneType: settings.laneType, direction: settings.direction, records: devices.records, clock, ids, onChange: (session) => events.emit('lane:onSession', session) });
  const chip = createChipInspectionService({ chipReader: devices.chipReader, trust: devices.chipTrust, clock, ids, policy: settings.chipPolicy });
  const intake = new DocumentIntake({ documentReader: devices.documentReader, chip, lane, ...(devices.simulator ? { simulator: devices.simulator } : {}) });

  const controls = devices.simulator;
  const callers = options.signedInCallers ?? new SignedInCallers();
  const hostAudit = HostAuditLog.inUserData(userData, clock);
  const { player: training, guard: trainingGuard, runs: trainingRuns } = createBoothTraining({
    settings,
    devices,
    intake,
    clock,
    ids,
    timers: options.timers ?? systemTimers,
    userData: path.dirname(accounts.file),
    ...(options.trainingRuns ? { runs: options.trainingRuns } : {}),
    embedder: async () => (await faceModels()).models.embedder,
    ...(options.trainingScenario ? { scenario: options.trainingScenario } : {}),
  });

  // Chosen and verified once per start (hashing and preparing the configured models), on first need; replaced by the
  // fallback when the page's worker cannot load them (models:loadFailed).
  const boothModels = boothFaceModels({
    setting: settings.faceModels,
    presentationAttackDetection: settings.presentationAttackDetection,
    userDataDir: userData,
    modulesDir: options.modulesDir ?? path.join(process.cwd(), 'node_modules'),
  });
  const faceModels = boothModels.current;

  // The whole contract, one slice per service.
  const handlers = combineHandlers(
    appHandlers(options.resolved, options.version, policies, async () => chipTrustNotices(settings, settings.devices === 'hardware' ? await devices.chipTrust() : undefined, clock.now())),
    deviceHandlers(devices),
    laneHandlers(lane),
    authHandlers({ accounts, settings, clock, throttleFile: options.signInThrottleFile ?? SignInThrottleFile.beside(accounts.file), callers }),
    auditHandlers(devices.records),
    documentHandlers(intake, clock, ids),
    decisionHandlers(devices.records, (item) => trainingGuard.refusal(item.payload)),
    exitHandlers(devices.records, settings),
    storageHandlers(storageKey),
    simulatorHandlers({ devices, intake, settings }),
    trainingHandlers({ training, settings, scenariosDir: options.scenariosDir, callers, runs: trainingRuns }),
    modelHandlers({ faceModels: boothModels, callers, audit: hostAudit }),
  );

  const unsubscribers: (() => void)[] = [];
  return {
    // Each channel's access rule (app/host/channelAccess.ts) applied before its handler, refusals audited here.
    dispatch: createDispatch(handlers, {
      userOf: (caller) => callers.userOf(caller),
      trainingRunOpen: () => training?.openRunId() != null,
      record: (caller, user, event) => hostAudit.record(caller, user, event),
    }),
    events,
    devices,
    lane,
    ...(training ? { training } : {}),
    async modelFile(requestPath) {
      const relative = requestPath.replace(/^\/+/, '');
      return relative.startsWith('model-set/') ? (await faceModels()).files.get(relative) : undefined;
    },
    connectionClosed: (caller) => void callers.signedOut(caller),
    async start() {
      void faceModels().then((set) => set.notices.forEach((notice) => console.warn(`[booth] ${notice}`)));
      for (const device of allDevices(devices)) {
        unsubscribers.push(device.onStatus((status) => events.emit('devices:onStatus', status)));
      }
      unsubscribers.push(
        devices.documentReader.onRead((read) => intake.accept(read)),
        devices.plateReader.onVehicle((plate) => lane.plateRead(plate)),
        devices.rfidReader.onCard((card) => lane.cardRead(card)),
        devices.camera.onScene((scene) => events.emit('camera:onScene', scene)),
        devices.documentReader.onReadError((error) => events.emit('document:onReadError', { readerId: devices.documentReader.id, ...error })),
      );
      await Promise.all(allDevices(devices).map((device) => device.start()));
      // A simulated booth is a practice booth: its practice accounts exist from the start (README).
      if (settings.devices === 'sim') await accounts.ensurePracticeAccounts();
      // Every window hears only whether a run is open: the steps and the score are the trainers' (training:progress).
      if (training) unsubscribers.push(training.onProgress((progress) => events.emit('training:onProgress', trainingRunStateOf(progress))));
      if (controls && settings.laneType === 'vehicle' && settings.simulatedVehicleIntervalSeconds > 0) {
        // Trainers' steady traffic: the next scripted vehicle at every interval.
        const timer = setInterval(() => {
          intake.vehicleArrives(controls, {}).catch((error: unknown) => console.error('[booth] simulated vehicle failed:', error));
        }, settings.simulatedVehicleIntervalSeconds * 1000);
        unsubscribers.push(() => clearInterval(timer));
      }
      if (training && options.trainingScenario) training.start();
    },
    async stop() {
      training?.stop();
      await training?.settled();
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      await intake.settled();
      await lane.settled();
      await Promise.all(allDevices(devices).map((device) => device.stop()));
    },
  };
}
