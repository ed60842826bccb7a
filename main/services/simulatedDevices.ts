import { assertNever } from '../../app/shared/assertNever';
import type { BoothSettings } from '../../app/settings/boothSettings';
import type { Clock } from '../../app/ports/Clock';
import type { Ids } from '../../app/ports/Ids';
import { SimulatedCameraBridge } from '../../native-bridges/camera/SimulatedCameraBridge';
import { SimulatedDocumentReader } from '../../native-bridges/document-reader/SimulatedDocumentReader';
import { SimulatedDevice } from '../../native-bridges/simulator/SimulatedDevice';
import type { BoothDevices } from './BoothDevices';

/** Every device of the booth as a simulator, with the controls to plug, unplug and read. */
export function createSimulatedDevices(settings: BoothSettings, clock: Clock, ids: Ids): BoothDevices {
  const camera = new SimulatedCameraBridge(settings.cameras, clock);
  const documentReader = new SimulatedDocumentReader({ clock, ids, intervalSeconds: settings.simulatedReadIntervalSeconds });
  const chipReader = new SimulatedDevice({ kind: 'chipReader', id: 'sim-chip-reader', name: 'Chip reader (simulated)', clock });
  const plateReader = new SimulatedDevice({ kind: 'plateReader', id: 'sim-plate-reader', name: 'Plate reader (simulated)', clock });
  const rfidReader = new SimulatedDevice({ kind: 'rfidReader', id: 'sim-rfid-reader', name: 'RFID reader (simulated)', clock });
  const records = new SimulatedDevice({ kind: 'recordsService', id: 'sim-records', name: 'Records service (simulated)', clock });

  return {
    camera,
    documentReader,
    chipReader,
    plateReader,
    rfidReader,
    records,
    simulator: {
      setConnected(kind, connected) {
        switch (kind) {
          case 'camera':
            return camera.setConnected(connected);
          case 'documentReader':
            return documentReader.setConnected(connected);
          case 'chipReader':
            return chipReader.setConnected(connected);
          case 'plateReader':
            return plateReader.setConnected(connected);
          case 'rfidReader':
            return rfidReader.setConnected(connected);
          case 'recordsService':
            return records.setConnected(connected);
          default:
            return assertNever(kind, 'device kind');
        }
      },
      readDocument: (traveller) => documentReader.read(traveller),
    },
  };
}
