import { hostAccessRefusalMessages, isHostAccessRefusal } from '../../host/hostAccessRefusal';
import type { HostConnectionState } from '../../host/HostTransport';
import { useBooth } from '../../state/StoreContext';
import { DeviceLights } from './DeviceLights';
import { ModelSetNotice } from './ModelSetNotice';
import { SyncIndicator } from './SyncIndicator';

const laneLabels = { air: 'Air', sea: 'Sea', pedestrian: 'Pedestrian', vehicle: 'Vehicle' } as const;
const directionLabels = { entry: 'Entry', exit: 'Exit' } as const;
const connectionLabels: Readonly<Record<HostConnectionState, string>> = {
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline',
  stale_token: 'Host restarted: window out of date',
  no_token: 'Host refused this window',
};

/**
 * Booth id, lane and its direction (entry or exit), who is signed in, network state and a light per device: what the officer checks at a glance.
 * When the host refuses this window (it belongs to an earlier start of the host), a banner says what to do:
 * waiting would never bring the window back.
 */
export function BoothHeader() {
  const info = useBooth((state) => state.info);
  const user = useBooth((state) => state.user);
  const infoError = useBooth((state) => state.infoError);
  const hostConnection = useBooth((state) => state.hostConnection);
  const networkOnline = useBooth((state) => state.networkOnline);
  const network = !networkOnline ? 'offline' : hostConnection;

  return (
    <header className="booth-header">
      <div className="booth-identity">
        <span className="booth-id" data-testid="booth-id">{info?.boothId ?? '…'}</span>
        <span className="lane" data-testid="lane-type">{info ? `${laneLabels[info.laneType]} lane` : ''}</span>
        <span className={`lane-direction direction-${info?.direction ?? 'entry'}`} data-testid="lane-direction">{info ? directionLabels[info.direction] : ''}</span>
        <span className="officer" data-testid="officer">{user ? `${user.name} (${user.role})` : 'Not signed in'}</span>
        {user && (
          <span className="session-keys">
            <kbd>Alt+L</kbd> lock · <kbd>Alt+O</kbd> sign out
          </span>
        )}
        {info?.deviceMode === 'sim' && <span className="badge simulation">SIMULATION</span>}
        {infoError && <span className="badge error">{infoError}</span>}
      </div>
      <div className={`network network-${network}`} data-testid="network-state" role="status">
        <span className="light" aria-hidden="true" />
        {!networkOnline ? 'No network' : connectionLabels[hostConnection]}
      </div>
      <SyncIndicator />
      <DeviceLights />
      <ModelSetNotice />
      {networkOnline && isHostAccessRefusal(hostConnection) && (
        <p className="host-access-refused" role="alert" data-testid="host-access-refused" data-reason={hostConnection}>
          {hostAccessRefusalMessages[hostConnection]}
        </p>
      )}
    </header>
  );
}
