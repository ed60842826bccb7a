import { useBooth } from '../state/StoreContext';
import { BoothHeader } from './booth/BoothHeader';
import { BoothScreen } from './booth/BoothScreen';
import { NoticeLine } from './booth/NoticeLine';
import { LaneScreen } from './lane/LaneScreen';

/** The screen for this booth's lane: the vehicle view in vehicle lanes, the traveller view elsewhere. */
export function BoothApp() {
  const laneType = useBooth((state) => state.info?.laneType);
  if (laneType === undefined) {
    // Until the host says which lane this is, open no camera and show only where the connection stands.
    return (
      <div className="booth">
        <BoothHeader />
        <NoticeLine />
        <p className="placeholder lane-waiting">Connecting to the booth…</p>
      </div>
    );
  }
  return laneType === 'vehicle' ? <LaneScreen /> : <BoothScreen />;
}
