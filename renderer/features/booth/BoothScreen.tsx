import { useMemo } from 'react';
import { useBooth, useBoothStore, useHost } from '../../state/StoreContext';
import { BoothHeader } from './BoothHeader';
import { createBoothActions } from './boothActions';
import { CameraPanel } from './CameraPanel';
import { NoticeLine } from './NoticeLine';
import { ShortcutBar } from './ShortcutBar';
import { TravellerCard } from './TravellerCard';
import { useKeyboardWedgeReader } from './useKeyboardWedgeReader';
import { useShortcuts } from './useShortcuts';

/** The officer's booth screen (v0): header, live camera, traveller card, shortcuts. */
export function BoothScreen() {
  const host = useHost();
  const store = useBoothStore();
  const actions = useMemo(() => createBoothActions(host, store), [host, store]);
  const simulation = useBooth((state) => state.info?.deviceMode === 'sim');
  useKeyboardWedgeReader();
  useShortcuts(actions, simulation);

  return (
    <div className="booth">
      <BoothHeader />
      <NoticeLine />
      <main className="booth-main">
        <CameraPanel />
        <TravellerCard />
      </main>
      <ShortcutBar simulation={simulation} />
    </div>
  );
}
