import { parseArgs } from 'node:util';
import { scenarioFitsLane, type TrainingScenario } from '../../app/training/trainingScenario';
import { loadTrainingScenario } from './trainingScenarioFiles';
import { laneDirectionSchema, type LaneDirection } from '../../app/settings/laneDirection';
import { deviceModeSchema, laneTypeSchema, withLaneType, type DeviceMode, type LaneType, type ResolvedSettings } from '../../app/settings/boothSettings';

export interface CommandLineOptions {
  readonly devices?: DeviceMode;
  readonly port?: number;
  /** Which lane this booth serves (overrides the settings file), e.g. `--lane=vehicle` for the vehicle view. */
  readonly lane?: LaneType;
  /** Which way travellers cross at this lane (overrides the settings file), e.g. `--direction=exit`. */
  readonly direction?: LaneDirection;
  /** Do not open a window; just serve and print the URL. */
  readonly noOpen: boolean;
  /** A training scenario to play from the start: a built-in name or a file path (simulation only). */
  readonly scenario?: string;
}

/** Parses `npm start -- --devices=sim|hardware --lane=air|sea|pedestrian|vehicle --direction=entry|exit --port=N --scenario=NAME|FILE --no-open`; throws an Error naming the bad option. */
export function parseCommandLine(args: readonly string[]): CommandLineOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      devices: { type: 'string' },
      port: { type: 'string' },
      lane: { type: 'string' },
      direction: { type: 'string' },
      scenario: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  let devices: DeviceMode | undefined;
  if (values.devices !== undefined) {
    const parsed = deviceModeSchema.safeParse(values.devices);
    if (!parsed.success) throw new Error(`--devices must be "sim" or "hardware", not "${values.devices}"`);
    devices = parsed.data;
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  }
  let lane: LaneType | undefined;
  if (values.lane !== undefined) {
    const parsed = laneTypeSchema.safeParse(values.lane);
    if (!parsed.success) throw new Error(`--lane must be one of air, sea, pedestrian, vehicle, not "${values.lane}"`);
    lane = parsed.data;
  }
  let direction: LaneDirection | undefined;
  if (values.direction !== undefined) {
    const parsed = laneDirectionSchema.safeParse(values.direction);
    if (!parsed.success) throw new Error(`--direction must be "entry" or "exit", not "${values.direction}"`);
    direction = parsed.data;
  }
  if (values.scenario !== undefined && values.scenario.trim() === '') throw new Error('--scenario needs a built-in scenario name or a file path');
  return { devices, port, noOpen: values['no-open'] ?? false, ...(lane ? { lane } : {}), ...(direction ? { direction } : {}), ...(values.scenario !== undefined ? { scenario: values.scenario } : {}) };
}

/** Command-line options win over the settings file. */
export function applyCommandLine(resolved: ResolvedSettings, options: CommandLineOptions): ResolvedSettings {
  const settings = options.lane ? withLaneType(resolved.settings, options.lane) : resolved.settings;
  return {
    problems: resolved.problems,
    settings: {
      ...settings,
      ...(options.devices !== undefined ? { devices: options.devices } : {}),
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.direction !== undefined ? { direction: options.direction } : {}),
    },
  };
}

/**
 * `--scenario`: loads the training scenario (built-in name or file) for a simulated booth, whose lane becomes
 * the scenario's unless it already fits (see scenarioFitsLane), and whose direction becomes the scenario's. Throws an Error saying what is wrong: real devices, a bad file, a `--lane` or `--direction` for another lane.
 */
export function applyScenarioOption(resolved: ResolvedSettings, options: CommandLineOptions, scenariosDir: string): { resolved: ResolvedSettings; scenario?: TrainingScenario } {
  if (options.scenario === undefined) return { resolved };
  if (resolved.settings.devices !== 'sim') throw new Error(`--scenario plays on simulated devices only; it cannot be used with --devices=${resolved.settings.devices}`);
  const scenario = loadTrainingScenario(options.scenario, scenariosDir);
  if (options.lane !== undefined && !scenarioFitsLane(scenario.laneType, options.lane)) throw new Error(`--scenario=${options.scenario} is for a ${scenario.laneType} lane, not --lane=${options.lane}`);
  if (options.direction !== undefined && options.direction !== scenario.direction) throw new Error(`--scenario=${options.scenario} is for an ${scenario.direction} lane, not --direction=${options.direction}`);
  const laned = scenarioFitsLane(scenario.laneType, resolved.settings.laneType) ? resolved.settings : withLaneType(resolved.settings, scenario.laneType);
  // An exit scenario scripts departures: the booth takes its direction as it takes its lane.
  const settings = laned.direction === scenario.direction ? laned : { ...laned, direction: scenario.direction };
  return { resolved: { problems: resolved.problems, settings }, scenario };
}

/**
 * `--scenario` at start: a scenario that cannot be played never stops the booth. The reason goes to the
 * settings problems (the header notice and the console), and the booth starts without a scenario.
 */
export function scenarioAtStart(resolved: ResolvedSettings, options: CommandLineOptions, scenariosDir: string): { resolved: ResolvedSettings; scenario?: TrainingScenario } {
  try {
    return applyScenarioOption(resolved, options, scenariosDir);
  } catch (error) {
    return { resolved: { ...resolved, problems: [...resolved.problems, `--scenario: ${(error as Error).message}; no training scenario is played`] } };
  }
}
