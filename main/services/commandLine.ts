import { parseArgs } from 'node:util';
import { deviceModeSchema, laneTypeSchema, withLaneType, type DeviceMode, type LaneType, type ResolvedSettings } from '../../app/settings/boothSettings';

export interface CommandLineOptions {
  readonly devices?: DeviceMode;
  readonly port?: number;
  /** Which lane this booth serves (overrides the settings file), e.g. `--lane=vehicle` for the vehicle view. */
  readonly lane?: LaneType;
  /** Do not open a window; just serve and print the URL. */
  readonly noOpen: boolean;
}

/** Parses `npm start -- --devices=sim|hardware --lane=air|sea|pedestrian|vehicle --port=N --no-open`; throws an Error naming the bad option. */
export function parseCommandLine(args: readonly string[]): CommandLineOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      devices: { type: 'string' },
      port: { type: 'string' },
      lane: { type: 'string' },
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
  return { devices, port, noOpen: values['no-open'] ?? false, ...(lane ? { lane } : {}) };
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
    },
  };
}
