import { useMemo } from 'react';
import { useBooth, useBoothStore, useDecisionJournal, useHost } from '../../state/StoreContext';
import { createLaneActions } from '../lane/laneActions';
import { TravellerDecision } from '../lane/TravellerDecision';
import { assessLane, useLaneAssessment, useReferenceEmbeddings } from '../lane/useLaneAssessment';
import { useLaneShortcuts } from '../lane/useLaneShortcuts';
import { useAuditedRecordViews } from '../lane/useAuditedRecordViews';
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

/** The one-traveller booth (air, sea, pedestrian): header, live camera, face match, decision, traveller card, shortcuts. */
export function BoothScreen() {
  const host = useHost();
  const store = useBoothStore();
  const journal = useDecisionJournal();
  const actions = useMemo(() => createBoothActions(host, store), [host, store]);
  const decide = useMemo(() => createLaneActions(host, store, journal, () => assessLane(store.getState())), [host, store, journal]);
  const simulation = useBooth((state) => state.info?.deviceMode === 'sim');
  useKeyboardWedgeReader();
  useShortcuts(actions, simulation);
  useVisionLifecycle();
  useReferenceEmbedding();
  useReferenceEmbeddings();
  useLaneShortcuts(decide, simulation, false);
  const assessment = useLaneAssessment();
  useAuditedRecordViews(assessment);

  return (
    <div className="booth">
      <BoothHeader />
      <NoticeLine />
      <main className="booth-main">
        <div className="live-column">
          <CameraPanel />
          <MatchPanel />
          <TravellerDecision assessment={assessment} />
        </div>
        <TravellerCard />
      </main>
      <ShortcutBar simulation={simulation} />
    </div>
  );
}
