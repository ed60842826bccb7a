import type { HostClient } from '../../host/HostClient';
import type { BoothStore } from '../../state/createBoothStore';
import { deviceKindLabels } from '../../../app/ports/deviceStatus';

/**
 * Keeps the store in step with the host: loads booth info and device states on every (re)connection, and
 * applies pushed events as they come. Returns a function that stops it.
 */
export function connectBoothToHost(host: HostClient, store: BoothStore): () => void {
  const state = () => store.getState();

  const loadSnapshot = async () => {
    const [info, devices, cameras, scenes, lane, training] = await Promise.all([
      host.call('app:getInfo', {}),
      host.call('devices:list', {}),
      host.call('cameras:list', {}),
      host.call('cameras:scenes', {}),
      host.call('lane:current', {}),
      host.call('training:run', {}),
    ]);
    if (info.ok) state().infoLoaded(info.value);
    else state().infoFailed(info.error.message);
    if (devices.ok) state().devicesLoaded(devices.value);
    if (cameras.ok) state().laneCamerasLoaded(cameras.value);
    if (scenes.ok) for (const scene of scenes.value) state().cameraSceneReceived(scene);
    if (lane.ok) state().laneSessionReceived(lane.value);
    if (training.ok) state().trainingRunChanged(training.value);
    if (info.ok && info.value.settingsProblems.length > 0) {
      state().announce(`Settings problems, defaults used: ${info.value.settingsProblems.join(' | ')}`, 'warning');
    }
  };

  // The host knows who signed in per connection, and a new connection has nobody (webSocketSession.ts).
  let connectedBefore = false;
  const stops = [
    host.onConnection((connection) => {
      state().hostConnectionChanged(connection);
      if (connection !== 'online') return;
      const { user, locked } = state();
      // A window that opens (or reloads: Electron keeps its connection) with nobody on screen has nobody on the host.
      if (!user) void host.call('auth:signOut', {});
      // One that reconnects with a user on screen locks: the user's password signs the new connection in, else every
      // role check on the host (a trainer's controls, a trainee's scored decisions) would refuse them unexplained.
      else if (connectedBefore && !locked) state().screenLocked();
      connectedBefore = true;
      void loadSnapshot();
    }),
    host.on('devices:onStatus', (status) => {
      const previous = state().devices[status.id];
      state().deviceChanged(status);
      if (previous && previous.connected !== status.connected) {
        const label = deviceKindLabels[status.kind];
        state().announce(status.connected ? `${label} reconnected` : `${label} disconnected${status.detail ? `: ${status.detail}` : ''}`, status.connected ? 'info' : 'warning');
      }
    }),
    host.on('lane:onSession', (session) => state().laneSessionReceived(session)),
    host.on('camera:onScene', (scene) => state().cameraSceneReceived(scene)),
    host.on('training:onProgress', (run) => state().trainingRunChanged(run)),
    host.on('document:onReadError', (error) => state().announce(`Document reader: ${error.message}`, error.code === 'duplicate_read' ? 'warning' : 'error')),
  ];

  const online = () => state().networkChanged(true);
  const offline = () => state().networkChanged(false);
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  state().networkChanged(navigator.onLine);

  return () => {
    for (const stop of stops) stop();
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  };
}
