import type { HandlersOf } from '../../../app/host/dispatch';
import { HostFailure } from '../../../app/host/result';
import type { BoothSettings } from '../../../app/settings/boothSettings';
import type { BoothDevices } from '../BoothDevices';
import type { DocumentIntake } from '../DocumentIntake';

export interface SimulatorHandlerDeps {
  readonly devices: BoothDevices;
  readonly intake: DocumentIntake;
  readonly settings: BoothSettings;
}

/**
 * `sim:*`: the simulator controls trainers and tests use. A booth on real devices refuses them all (not_supported).
 * Who may drive them (app/host/simulatorAccess.ts) is checked, and every call from outside the host audited (done or
 * refused, with the connection and who was signed in on it), by dispatch before a handler here runs
 * (app/host/channelAccess.ts).
 */
export function simulatorHandlers({ devices, intake, settings }: SimulatorHandlerDeps): HandlersOf<'sim'> {
  const simulator = () => {
    if (!devices.simulator) throw new HostFailure('not_supported', 'Simulator controls are available only with --devices=sim.');
    return devices.simulator;
  };
  return {
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
      return intake.vehicleArrives(controls, arrival);
    },
    'sim:exitArrives': (arrival) => intake.exitArrives(simulator(), arrival),
  };
}
