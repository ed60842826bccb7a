import { useEffect, useRef, type RefObject } from 'react';
import { useBooth, useBoothStore } from '../../state/StoreContext';
import { describeCameraError } from './cameraErrors';

async function listCameras() {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((device) => device.kind === 'videoinput').map((device, index) => ({ deviceId: device.deviceId, label: device.label || `Camera ${index + 1}` }));
}

/**
 * Opens the selected camera into the video element, lists the cameras the browser sees, and reports every
 * failure as an officer-readable state. Re-opens when the selection changes, on retry, and on replug.
 */
export function useCameraPreview(): RefObject<HTMLVideoElement | null> {
  const video = useRef<HTMLVideoElement>(null);
  const store = useBoothStore();
  const selectedCameraId = useBooth((state) => state.selectedCameraId);
  const attempt = useBooth((state) => state.cameraAttempt);

  useEffect(() => {
    const element = video.current;
    const actions = store.getState();
    if (!navigator.mediaDevices?.getUserMedia) {
      actions.cameraStateChanged({ phase: 'error', problem: 'unsupported', message: 'This window cannot use cameras (it must be served from the booth host).' });
      return;
    }
    let stream: MediaStream | undefined;
    let cancelled = false;
    actions.cameraStateChanged({ phase: 'starting' });

    const open = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: selectedCameraId ? { deviceId: { exact: selectedCameraId } } : true, audio: false });
        if (cancelled) return;
        const [track] = stream.getVideoTracks();
        actions.camerasFound(await listCameras());
        if (element) {
          element.srcObject = stream;
          await element.play().catch(() => undefined);
        }
        track?.addEventListener('ended', () => {
          if (!cancelled) actions.cameraStateChanged({ phase: 'error', problem: 'no_camera', message: 'The camera was disconnected. Reconnect it, then press R to retry.' });
        });
        actions.cameraStateChanged({ phase: 'live', label: track?.label || 'Camera', deviceId: track?.getSettings().deviceId ?? null });
      } catch (error) {
        if (cancelled) return;
        actions.cameraStateChanged({ phase: 'error', ...describeCameraError(error) });
        actions.camerasFound(await listCameras().catch(() => []));
      }
    };
    void open();

    const onDeviceChange = () => void listCameras().then((cameras) => !cancelled && actions.camerasFound(cameras));
    navigator.mediaDevices.addEventListener('devicechange', onDeviceChange);
    return () => {
      cancelled = true;
      navigator.mediaDevices.removeEventListener('devicechange', onDeviceChange);
      for (const track of stream?.getTracks() ?? []) track.stop();
      if (element) element.srcObject = null;
    };
  }, [store, selectedCameraId, attempt]);

  return video;
}
