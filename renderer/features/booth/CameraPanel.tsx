import { useBooth, useBoothStore } from '../../state/StoreContext';
import { FaceOverlay } from './FaceOverlay';
import { useCameraPreview } from './useCameraPreview';
import { useLiveVision } from './useLiveVision';

/** The live camera preview, the camera choice, and a clear message when there is no picture. */
export function CameraPanel() {
  const video = useCameraPreview();
  useLiveVision(video);
  const store = useBoothStore();
  const camera = useBooth((state) => state.camera);
  const cameras = useBooth((state) => state.cameras);
  const selectedCameraId = useBooth((state) => state.selectedCameraId);
  const liveId = camera.phase === 'live' ? camera.deviceId : null;

  return (
    <section className="panel camera-panel" aria-labelledby="camera-title">
      <div className="panel-title">
        <h2 id="camera-title">Live camera</h2>
        <label className="camera-select">
          <span className="visually-hidden">Camera</span>
          <select value={selectedCameraId ?? liveId ?? ''} onChange={(event) => store.getState().cameraSelected(event.target.value)} disabled={cameras.length < 2} data-testid="camera-select">
            {cameras.length === 0 && <option value="">No camera</option>}
            {cameras.map((choice) => (
              <option key={choice.deviceId} value={choice.deviceId}>
                {choice.label}
              </option>
            ))}
          </select>
          <kbd>N</kbd>
        </label>
      </div>
      <div className="video-frame" data-camera-phase={camera.phase}>
        <video ref={video} data-testid="camera-video" muted playsInline autoPlay />
        <FaceOverlay />
        {camera.phase === 'starting' && <p className="video-message">Opening camera…</p>}
        {camera.phase === 'error' && (
          <p className="video-message error" role="alert" data-testid="camera-error" data-problem={camera.problem}>
            {camera.message}
          </p>
        )}
      </div>
      {camera.phase === 'live' && <p className="caption">{camera.label}</p>}
    </section>
  );
}
