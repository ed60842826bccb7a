import type { StateCreator } from 'zustand/vanilla';
import type { BoothState } from './createBoothStore';

export interface CameraChoice {
  readonly deviceId: string;
  readonly label: string;
}

/** Why the live camera is not showing, in words an officer can act on. */
export type CameraProblem = 'no_camera' | 'permission_denied' | 'in_use' | 'unsupported' | 'failed';

export type CameraState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'starting' }
  | { readonly phase: 'live'; readonly label: string; readonly deviceId: string | null }
  | { readonly phase: 'error'; readonly problem: CameraProblem; readonly message: string };

/** The cameras the browser can see, which one is selected, and how the preview is doing. */
export interface CameraSlice {
  readonly cameras: readonly CameraChoice[];
  readonly selectedCameraId: string | null;
  readonly camera: CameraState;
  /** Bumped to ask the preview to open the camera again (after a permission change or a replug). */
  readonly cameraAttempt: number;
  camerasFound(cameras: readonly CameraChoice[]): void;
  cameraSelected(deviceId: string): void;
  nextCameraSelected(): void;
  cameraStateChanged(state: CameraState): void;
  cameraRetried(): void;
}

export const createCameraSlice: StateCreator<BoothState, [], [], CameraSlice> = (set) => ({
  cameras: [],
  selectedCameraId: null,
  camera: { phase: 'idle' },
  cameraAttempt: 0,
  camerasFound: (cameras) =>
    set((state) => ({
      cameras,
      // null means "the system's default camera"; a selected camera that disappeared falls back to it.
      selectedCameraId: cameras.some((camera) => camera.deviceId === state.selectedCameraId) ? state.selectedCameraId : null,
    })),
  cameraSelected: (deviceId) => set((state) => (state.cameras.some((camera) => camera.deviceId === deviceId) ? { selectedCameraId: deviceId } : state)),
  nextCameraSelected: () =>
    set((state) => {
      if (state.cameras.length < 2) return state;
      const current = state.selectedCameraId ?? (state.camera.phase === 'live' ? state.camera.deviceId : null);
      const index = state.cameras.findIndex((camera) => camera.deviceId === current);
      return { selectedCameraId: state.cameras[(index + 1) % state.cameras.length]!.deviceId };
    }),
  cameraStateChanged: (camera) => set({ camera }),
  cameraRetried: () => set((state) => ({ cameraAttempt: state.cameraAttempt + 1 })),
});
