import { useEffect } from 'react';
import { useBoothStore, useHost, useVision } from '../../state/StoreContext';

/**
 * Asks the host which face models this booth runs (the set it verified: `models:active`), starts the vision
 * worker on them (memoised: once per app) and keeps the store's vision phase current: loading progress, ready, a
 * crash and its restart, or unavailable, so the officer knows when face matching is off. The worker is never
 * started on models the host did not hand over: until the host answers, face matching stays "loading".
 */
export function useVisionLifecycle(): void {
  const vision = useVision();
  const host = useHost();
  const store = useBoothStore();
  useEffect(() => {
    if (!vision) return;
    const actions = store.getState();
    let started = false;
    let stopped = false;
    const start = async () => {
      if (started) return;
      const active = await host.call('models:active', {});
      if (!active.ok) {
        // Offline or refused: asked again on the next connection.
        if (active.error.code !== 'host_unreachable') actions.visionChanged({ phase: 'unavailable', message: `Face matching is unavailable: the host did not say which face models to run (${active.error.message})` });
        return;
      }
      if (started || stopped) return;
      started = true;
      actions.modelSetLoaded(active.value);
      vision
        .init((progress) => actions.visionChanged({ phase: 'loading', progress: progress.totalBytes > 0 ? progress.loadedBytes / progress.totalBytes : 0 }), active.value.models)
        .then((info) => actions.visionChanged({ phase: 'ready', backend: info.backend }))
        .catch((error: unknown) => actions.visionChanged({ phase: 'unavailable', message: `Face matching is unavailable: ${error instanceof Error ? error.message : String(error)}` }));
    };
    const stopConnection = host.onConnection((connection) => {
      if (connection === 'online') void start();
    });
    const stopCrash = vision.onCrash((crash) => {
      actions.visionChanged(crash.willRestart ? { phase: 'restarting', message: `The face matcher stopped (${crash.message}); restarting…` } : { phase: 'unavailable', message: `The face matcher keeps stopping (${crash.message}); face matching is off.` });
    });
    const stopRestart = vision.onRestart((info) => actions.visionChanged({ phase: 'ready', backend: info.backend }));
    return () => {
      stopped = true;
      stopConnection();
      stopCrash();
      stopRestart();
    };
  }, [vision, host, store]);
}
