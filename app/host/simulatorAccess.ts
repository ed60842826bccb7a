import type { ChannelName } from './channels';
import type { UserRole } from './signedInUser';

/** The simulator controls: what a trainer (and, for arrivals, a practising officer) may drive on a simulated booth. */
export type SimulatorChannel = Extract<ChannelName, `sim:${string}`>;

/**
 * Who may drive each simulator control, as data. `arrival`: the next scripted traveller, vehicle or departure (the
 * practice booth's D and G keys); `fault`: what goes wrong with a device or the chips (Alt+1…6, a records outage,
 * forged chips), a trainer's lesson. A booth on real devices refuses every one of them (not_supported), whoever asks.
 */
export const simulatorControlKinds: Readonly<Record<SimulatorChannel, 'arrival' | 'fault'>> = {
  'sim:readDocument': 'arrival',
  'sim:vehicleArrives': 'arrival',
  'sim:exitArrives': 'arrival',
  'sim:setDeviceConnected': 'fault',
  'sim:setChipFaults': 'fault',
};

export interface SimulatorAccessRule {
  /** Roles that may use the control at any time. */
  readonly always: readonly UserRole[];
  /** Roles that may use it only while no training run is open: a trainee must not steer the run being scored. */
  readonly outsideTrainingRuns: readonly UserRole[];
}

export const simulatorAccess: Readonly<Record<'arrival' | 'fault', SimulatorAccessRule>> = {
  // An officer practising alone brings the next traveller (README: "sign in as officer, press D").
  arrival: { always: ['trainer'], outsideTrainingRuns: ['officer'] },
  fault: { always: ['trainer'], outsideTrainingRuns: [] },
};

/** Why `role` may not use `channel` now (a sentence naming who may), or null when it may. */
export function simulatorRefusal(channel: SimulatorChannel, role: UserRole | null, trainingRunOpen: boolean): string | null {
  const rule = simulatorAccess[simulatorControlKinds[channel]];
  if (role !== null && rule.always.includes(role)) return null;
  if (role !== null && !trainingRunOpen && rule.outsideTrainingRuns.includes(role)) return null;
  const who = rule.outsideTrainingRuns.length > 0 ? `a signed-in ${rule.always.join(' or ')} (or ${rule.outsideTrainingRuns.join(' or ')} while no training run is open)` : `a signed-in ${rule.always.join(' or ')}`;
  if (role === null) return `Sign in first: the simulator control ${channel} needs ${who}.`;
  if (trainingRunOpen && rule.outsideTrainingRuns.includes(role)) return `A training run is open: only its trainer drives ${channel} until it ends.`;
  return `The simulator control ${channel} is for ${who}; this connection is signed in as ${role}.`;
}
