import { deviceKindLabels } from '../../../app/ports/deviceStatus';
import { useBooth } from '../../state/StoreContext';

/** A status light per device: green connected, red disconnected (with the reason as a tooltip). */
export function DeviceLights() {
  const devices = useBooth((state) => state.devices);
  const hostOnline = useBooth((state) => state.hostConnection === 'online');

  return (
    <ul className="device-lights" aria-label="Devices">
      {Object.values(devices).map((device) => {
        // Without the host nothing is known about devices: grey, not a stale green.
        const state = !hostOnline ? 'unknown' : device.connected ? 'connected' : 'disconnected';
        return (
          <li key={device.id} className={`device device-${state}`} data-testid={`device-${device.kind}`} data-state={state} title={`${device.name}: ${device.detail ?? state}`}>
            <span className="light" aria-hidden="true" />
            {deviceKindLabels[device.kind]}
            <span className="visually-hidden">: {state}</span>
          </li>
        );
      })}
    </ul>
  );
}
