import type { DeviceKind } from '../../../app/ports/deviceStatus';
import { deviceKindLabels } from '../../../app/ports/deviceStatus';
import type { HostClient } from '../../host/HostClient';
import type { BoothStore } from '../../state/createBoothStore';

/** What the officer's keys and buttons do; each reports its outcome through the notice line. */
export function createBoothActions(host: HostClient, store: BoothStore) {
  const state = () => store.getState();
  return {
    /** Simulation: the reader reads the next scripted traveller. The card fills from the pushed read event. */
    async readSimulatedDocument() {
      const result = await host.call('sim:readDocument', {});
      if (result.ok) {
        state().documentReadReceived(result.value);
        state().announce('Document read');
      } else {
        state().announce(`Could not read a document: ${result.error.message}`, 'error');
      }
    },
    /** Simulation: unplug a connected device, or plug back a disconnected one. */
    async toggleSimulatedDevice(kind: DeviceKind) {
      const current = Object.values(state().devices).find((device) => device.kind === kind);
      const result = await host.call('sim:setDeviceConnected', { kind, connected: !(current?.connected ?? false) });
      if (!result.ok) state().announce(`Could not change the ${deviceKindLabels[kind]}: ${result.error.message}`, 'error');
      else state().deviceChanged(result.value);
    },
    /** Reads the chip of the current document again (the officer re-seated the passport). */
    async readChipAgain() {
      const result = await host.call('chip:readAgain', {});
      if (result.ok) state().chipReportReceived(result.value);
      else state().announce(`Could not read the chip: ${result.error.message}`, 'error');
    },
    clearTraveller() {
      state().travellerCleared();
      state().announce('Traveller cleared');
    },
    toggleRawMrz() {
      state().rawMrzToggled();
    },
    nextCamera() {
      state().nextCameraSelected();
    },
    retryCamera() {
      state().cameraRetried();
    },
  };
}

export type BoothActions = ReturnType<typeof createBoothActions>;
