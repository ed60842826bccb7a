import { useEffect } from 'react';
import { useBoothStore, useHost, useVision } from '../../state/StoreContext';
import type { LoadProgress } from '../../vision/visionProtocol';

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
      let set = active.value;
      const progress = (p: LoadProgress) => actions.visionChanged({ phase: 'loading', progress: p.totalBytes > 0 ? p.loadedBytes / p.totalBytes : 0 });
      // A set the host verified that the worker cannot load: the host falls back (last working set, then the shipped
      // one) and says so in the header; only when even the shipped set fails is face matching unavailable.
      for (;;) {
        actions.modelSetLoaded(set);
        try {
          const info = await vision.init(progress, set.models);
          actions.visionChanged({ phase: 'ready', backend: info.backend });
          return;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const fallback = stopped ? undefined : await host.call('models:loadFailed', { origin: set.origin, message: message.slice(0, 2000) || 'unknown error' });
          if (!fallback?.ok) {
            actions.visionChanged({ phase: 'unavailable', message: `Face matching is unavailable: ${message}` });
            return;
          }
          set = fallback.value;
        }
      }
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
