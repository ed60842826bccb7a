import { useMemo } from 'react';
import { useBooth, useBoothStore, useHost } from '../../state/StoreContext';
import { BoothHeader } from './BoothHeader';
import { createBoothActions } from './boothActions';
import { CameraPanel } from './CameraPanel';
import { NoticeLine } from './NoticeLine';
import { ShortcutBar } from './ShortcutBar';
import { MatchPanel } from './MatchPanel';
import { TravellerCard } from './TravellerCard';
import { useReferenceEmbedding } from './useReferenceEmbedding';
import { useKeyboardWedgeReader } from './useKeyboardWedgeReader';
import { useShortcuts } from './useShortcuts';
import { useVisionLifecycle } from './useLiveVision';

/** The officer's booth screen (v0): header, live camera, traveller card, shortcuts. */
export function BoothScreen() {
  const host = useHost();
  const store = useBoothStore();
  const actions = useMemo(() => createBoothActions(host, store), [host, store]);
  const simulation = useBooth((state) => state.info?.deviceMode === 'sim');
  useKeyboardWedgeReader();
  useShortcuts(actions, simulation);
  useVisionLifecycle();
  useReferenceEmbedding();

  return (
    <div className="booth">
      <BoothHeader />
      <NoticeLine />
      <main className="booth-main">
        <div className="live-column">
          <CameraPanel />
          <MatchPanel />
        </div>
        <TravellerCard />
      </main>
      <ShortcutBar simulation={simulation} />
    </div>
  );
}
