import { useEffect, useState } from 'react';
import type { CameraDescriptor } from '../../../app/ports/cameraDescriptor';
import { useBooth } from '../../state/StoreContext';
import { describeCameraError, type CameraProblem } from './cameraErrors';
import { CameraStreamRun } from './CameraStreamRun';

/** One configured camera's live video, or why it is not there (in words that say what to do). */
export type LaneCameraStream =
  | { readonly phase: 'live'; readonly video: HTMLVideoElement; readonly label: string }
  | { readonly phase: 'error'; readonly problem: CameraProblem; readonly message: string }
  | { readonly phase: 'starting' };

/**
 * Which device each configured camera is: the one whose label contains its `deviceLabelHint`, else the
 * cameras in order (first configured camera, first device), so two cameras get two devices where there are two.
 * `rotation` (the officer's N) turns the devices that many places and overrides the hints: the next device.
 */
export function pickDevices(cameras: readonly CameraDescriptor[], listed: readonly { readonly deviceId: string; readonly label: string }[], rotation = 0): ReadonlyMap<string, string | undefined> {
  const turn = listed.length > 0 ? rotation % listed.length : 0;
  const devices = [...listed.slice(turn), ...listed.slice(0, turn)];
  const picked = new Map<string, string | undefined>();
  const taken = new Set<string>();
  for (const camera of turn === 0 ? cameras : []) {
    const hint = camera.deviceLabelHint?.toLowerCase();
    const byHint = hint ? devices.find((d) => d.label.toLowerCase().includes(hint)) : undefined;
    if (byHint) {
      picked.set(camera.id, byHint.deviceId);
      taken.add(byHint.deviceId);
    }
  }
  for (const camera of cameras) {
    if (picked.has(camera.id)) continue;
    const free = devices.find((d) => !taken.has(d.deviceId)) ?? devices[0];
    if (free) taken.add(free.deviceId);
    picked.set(camera.id, free?.deviceId);
  }
  return picked;
}

/**
 * Opens every configured camera (one at a one-traveller booth, several in a vehicle lane: one `getUserMedia`
 * stream per device) into a video element the panel shows and the lane's capture loop draws from; a change of
 * configuration, the officer's R (retry) or N (next device) closes them and opens them again (a camera taken
 * out of the configuration disappears from the map). Simulated cameras showing a scene do not need one: the
 * loop prefers the scene.
 */
export function useLaneCameraStreams(cameras: readonly CameraDescriptor[]): ReadonlyMap<string, LaneCameraStream> {
  const [streams, setStreams] = useState<ReadonlyMap<string, LaneCameraStream>>(new Map());
  const attempt = useBooth((state) => state.cameraAttempt);
  const rotation = useBooth((state) => state.cameraRotation);

  useEffect(() => {
    if (cameras.length === 0) return;
    const run = new CameraStreamRun(setStreams);
    if (!navigator.mediaDevices?.getUserMedia) {
      for (const camera of cameras) run.set(camera.id, { phase: 'error', problem: 'unsupported', message: 'This window cannot use cameras (it must be served from the booth host).' });
      return () => run.end();
    }
    for (const camera of cameras) run.set(camera.id, { phase: 'starting' });

    const openAll = async () => {
      // Device labels are only listed once the page may use a camera: ask once, then look.
      const probe = await navigator.mediaDevices.getUserMedia({ video: true, audio: false }).catch((error: unknown) => error);
      if (probe instanceof MediaStream) for (const track of probe.getTracks()) track.stop();
      const devices = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
      const picked = pickDevices(cameras, devices, rotation);
      for (const camera of cameras) {
        if (run.isEnded) return;
        const deviceId = picked.get(camera.id);
        if (!deviceId) {
          run.set(camera.id, { phase: 'error', ...(probe instanceof MediaStream ? { problem: 'no_camera', message: 'No camera device for this view. Connect one, then press R to retry.' } : describeCameraError(probe)) });
          continue;
        }
        try {
          const stream = await navigator.mediaDevices.getUserMedia({ video: { deviceId: { exact: deviceId } }, audio: false });
          if (!run.adopt(stream)) return;
          const video = document.createElement('video');
          video.muted = true;
          video.playsInline = true;
          video.dataset.testid = 'camera-video';
          video.srcObject = stream;
          await video.play().catch(() => undefined);
          const [track] = stream.getVideoTracks();
          track?.addEventListener('ended', () => run.set(camera.id, { phase: 'error', problem: 'no_camera', message: 'The camera was disconnected. Reconnect it, then press R to retry.' }));
          run.set(camera.id, { phase: 'live', video, label: track?.label || camera.label });
        } catch (error) {
          run.set(camera.id, { phase: 'error', ...describeCameraError(error) });
        }
      }
    };
    void openAll().catch((error: unknown) => console.error('[booth] opening the lane cameras failed:', error));
    return () => run.end();
  }, [cameras, attempt, rotation]);

  return streams;
}
