import { useMemo } from 'react';
import { useBooth, useBoothStore, useDecisionJournal, useHost } from '../../state/StoreContext';
import { BoothHeader } from '../booth/BoothHeader';
import { createBoothActions } from '../booth/boothActions';
import { NoticeLine } from '../booth/NoticeLine';
import { useKeyboardWedgeReader } from '../booth/useKeyboardWedgeReader';
import { useShortcuts } from '../booth/useShortcuts';
import { useVisionLifecycle } from '../booth/useLiveVision';
import { createLaneActions, occupantSubject, vehicleSubject } from './laneActions';
import { LaneShortcutBar, offeredInVehicleLane } from './LaneShortcutBar';
import { OccupantCard } from './OccupantCard';
import { ReasonPicker } from './ReasonPicker';
import { SceneCameraPanel } from './SceneCameraPanel';
import { assessLane, useLaneAssessment, useReferenceEmbeddings } from './useLaneAssessment';
import { useLaneShortcuts } from './useLaneShortcuts';
import { useSceneCameras } from './useSceneCameras';
import { useLaneCameraStreams } from './useLaneCameraStreams';
import { useAuditedRecordViews } from './useAuditedRecordViews';
import { VehicleHeader } from './VehicleHeader';

/**
 * The vehicle lane: every camera on the car, the vehicle header, one card per occupant, and one key to
 * clear or refer each occupant or the whole vehicle. Everything the officer needs is on this one screen;
 * nothing in the happy path opens a dialog.
 */
export function LaneScreen() {
  const host = useHost();
  const store = useBoothStore();
  const journal = useDecisionJournal();
  const simulation = useBooth((state) => state.info?.deviceMode === 'sim');
  const cameras = useBooth((state) => state.laneCameras);
  const laneSession = useBooth((state) => state.laneSession);
  const decisions = useBooth((state) => state.decisions);
  const selected = useBooth((state) => state.selectedOccupant);
  const pickingReason = useBooth((state) => state.pendingReason !== null);
  useVisionLifecycle();
  const streams = useLaneCameraStreams(cameras);
  const canvases = useSceneCameras(streams);
  useReferenceEmbeddings();
  useKeyboardWedgeReader();
  const assessment = useLaneAssessment();
  useAuditedRecordViews(assessment);

  const boothActions = useMemo(() => createBoothActions(host, store), [host, store]);
  const laneActions = useMemo(() => createLaneActions(host, store, journal, () => assessLane(store.getState())), [host, store, journal]);
  useShortcuts(boothActions, simulation, offeredInVehicleLane);
  useLaneShortcuts(laneActions, simulation);

  const occupants = assessment?.session.occupants ?? [];
  return (
    <div className="booth lane">
      <BoothHeader />
      <NoticeLine />
      <main className="lane-main">
        <div className="lane-cameras">
          {cameras.map((camera) => (
            <SceneCameraPanel key={camera.id} camera={camera} canvas={canvases.get(camera.id)} stream={streams.get(camera.id)} />
          ))}
        </div>
        {assessment && laneSession ? (
          <>
            <VehicleHeader session={assessment.session} recommendation={assessment.recommendations.vehicle} decision={decisions[vehicleSubject]} recordsPending={laneSession.recordsPending} />
            <ReasonPicker />
            <div className="occupants" data-testid="occupants">
              {occupants.map((occupant, index) => (
                <OccupantCard
                  key={occupant.occupantId}
                  index={index}
                  occupant={occupant}
                  recommendation={assessment.recommendations.occupants.find((r) => r.subject.kind === 'occupant' && r.subject.occupantId === occupant.occupantId)}
                  decision={decisions[occupantSubject(occupant.occupantId)]}
                  selected={index === Math.min(selected, occupants.length - 1)}
                />
              ))}
            </div>
          </>
        ) : (
          <p className="placeholder lane-waiting" data-testid="lane-waiting">
            Waiting for a vehicle.{simulation && <> Press <kbd>G</kbd> to drive up the next simulated vehicle.</>}
          </p>
        )}
      </main>
      <LaneShortcutBar simulation={simulation} pickingReason={pickingReason} />
    </div>
  );
}
