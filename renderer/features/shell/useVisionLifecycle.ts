import { useEffect } from 'react';
import { useBoothStore, useVision } from '../../state/StoreContext';

/**
 * Starts the vision worker (memoised: once per app) and keeps the store's vision phase current: loading
 * progress, ready, a crash and its restart, or unavailable, so the officer knows when face matching is off.
 */
export function useVisionLifecycle(): void {
  const vision = useVision();
  const store = useBoothStore();
  useEffect(() => {
    if (!vision) return;
    const actions = store.getState();
    vision
      .init((progress) => actions.visionChanged({ phase: 'loading', progress: progress.totalBytes > 0 ? progress.loadedBytes / progress.totalBytes : 0 }))
      .then((info) => actions.visionChanged({ phase: 'ready', backend: info.backend }))
      .catch((error: unknown) => actions.visionChanged({ phase: 'unavailable', message: `Face matching is unavailable: ${error instanceof Error ? error.message : String(error)}` }));
    const stopCrash = vision.onCrash((crash) => {
      actions.visionChanged(crash.willRestart ? { phase: 'restarting', message: `The face matcher stopped (${crash.message}); restarting…` } : { phase: 'unavailable', message: `The face matcher keeps stopping (${crash.message}); face matching is off.` });
    });
    const stopRestart = vision.onRestart((info) => actions.visionChanged({ phase: 'ready', backend: info.backend }));
    return () => {
      stopCrash();
      stopRestart();
    };
  }, [vision, store]);
}
