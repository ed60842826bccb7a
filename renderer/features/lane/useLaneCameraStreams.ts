import { useEffect, useState } from 'react';
import type { CameraDescriptor } from '../../../app/ports/cameraDescriptor';
import { describeCameraError } from '../booth/cameraErrors';
import { CameraStreamRun } from './CameraStreamRun';

/** One configured vehicle camera's live video, or why it is not there. */
export type LaneCameraStream = { readonly phase: 'live'; readonly video: HTMLVideoElement; readonly label: string } | { readonly phase: 'error'; readonly message: string } | { readonly phase: 'starting' };

/**
 * Which device each configured camera is: the one whose label contains its `deviceLabelHint`, else the
 * cameras in order (first configured camera, first device), so two cameras get two devices where there are two.
 */
export function pickDevices(cameras: readonly CameraDescriptor[], devices: readonly { readonly deviceId: string; readonly label: string }[]): ReadonlyMap<string, string | undefined> {
  const picked = new Map<string, string | undefined>();
  const taken = new Set<string>();
  for (const camera of cameras) {
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
 * Opens every configured vehicle camera (several `getUserMedia` streams, one per device) into a video
 * element the lane's capture loop draws from; a change of configuration closes them and opens those
 * configured then (a camera taken out of it disappears from the map). Simulated cameras showing a scene do not need one: the
 * loop prefers the scene while it has people in it.
 */
export function useLaneCameraStreams(cameras: readonly CameraDescriptor[]): ReadonlyMap<string, LaneCameraStream> {
  const [streams, setStreams] = useState<ReadonlyMap<string, LaneCameraStream>>(new Map());

  useEffect(() => {
    if (cameras.length === 0 || !navigator.mediaDevices?.getUserMedia) return;
    const run = new CameraStreamRun(setStreams);

    const openAll = async () => {
      // Device labels are only listed once the page may use a camera: ask once, then look.
      const probe = await navigator.mediaDevices.getUserMedia({ video: true, audio: false }).catch((error: unknown) => error);
      if (probe instanceof MediaStream) for (const track of probe.getTracks()) track.stop();
      const devices = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
      const picked = pickDevices(cameras, devices);
      for (const camera of cameras) {
        if (run.isEnded) return;
        const deviceId = picked.get(camera.id);
        if (!deviceId) {
          run.set(camera.id, { phase: 'error', message: probe instanceof MediaStream ? 'no camera device for this view' : describeCameraError(probe).message });
          continue;
        }
        try {
          const stream = await navigator.mediaDevices.getUserMedia({ video: { deviceId: { exact: deviceId } }, audio: false });
          if (!run.adopt(stream)) return;
          const video = document.createElement('video');
          video.muted = true;
          video.playsInline = true;
          video.srcObject = stream;
          await video.play().catch(() => undefined);
          run.set(camera.id, { phase: 'live', video, label: stream.getVideoTracks()[0]?.label ?? camera.label });
        } catch (error) {
          run.set(camera.id, { phase: 'error', message: describeCameraError(error).message });
        }
      }
    };
    void openAll().catch((error: unknown) => console.error('[booth] opening the lane cameras failed:', error));
    return () => run.end();
  }, [cameras]);

  return streams;
}
