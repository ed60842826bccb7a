import type { HandlersOf } from '../../../app/host/dispatch';
import { HostFailure } from '../../../app/host/result';
import type { BoothSettings } from '../../../app/settings/boothSettings';
import type { BoothDevices } from '../BoothDevices';
import type { DocumentIntake } from '../DocumentIntake';

/** `sim:*`: the simulator controls trainers and tests use; not_supported on real devices. */
export function simulatorHandlers(devices: BoothDevices, intake: DocumentIntake, settings: BoothSettings): HandlersOf<'sim'> {
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
