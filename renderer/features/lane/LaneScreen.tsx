import { useMemo } from 'react';
import { useBooth, useBoothStore, useDecisionJournal, useHost } from '../../state/StoreContext';
import { ScreenFrame } from '../shell/ScreenFrame';
import { ShortcutBar } from '../shell/ShortcutBar';
import { useKeyboardWedgeReader } from '../shell/useKeyboardWedgeReader';
import { useVisionLifecycle } from '../shell/useVisionLifecycle';
import { createLaneActions } from './laneActions';
import { mayRunLaneShortcut, offeredLaneShortcuts } from './laneShortcuts';
import { TravellerLayout } from './TravellerLayout';
import { assessLane, useLaneAssessment, useReferenceEmbeddings } from './useLaneAssessment';
import { useAuditedRecordViews } from './useAuditedRecordViews';
import { useLaneCameraStreams } from './useLaneCameraStreams';
import { useLaneShortcuts } from './useLaneShortcuts';
import { useSceneCameras } from './useSceneCameras';
import { VehicleLayout } from './VehicleLayout';
import { ExitLayout } from './exit/ExitLayout';
import { mayRunExitShortcut, offeredExitShortcuts } from './exit/exitShortcuts';

/**
 * The officer's screen in every lane: the lane session (the host's reads and records, the faces the
 * vision worker tracks on the lane's cameras) assessed by the decision rules, shown and decided from one
 * state. A vehicle lane lays it out as the vehicle and one card per occupant; the one-traveller lanes (air,
 * sea, pedestrian) as the one occupant: camera, face match, decision and traveller card. Everything the
 * officer needs is on this one screen; nothing in the happy path opens a dialog.
 */
export function LaneScreen() {
  const host = useHost();
  const store = useBoothStore();
  const journal = useDecisionJournal();
  const simulation = useBooth((state) => state.info?.deviceMode === 'sim');
  const vehicleLane = useBooth((state) => state.info?.laneType === 'vehicle');
  const cameras = useBooth((state) => state.laneCameras);
  const exitLane = useBooth((state) => state.info?.direction === 'exit');
  const pickingReason = useBooth((state) => state.pendingReason !== null);
  useVisionLifecycle();
  const streams = useLaneCameraStreams(cameras);
  const canvases = useSceneCameras(streams);
  useKeyboardWedgeReader(exitLane ? mayRunExitShortcut : mayRunLaneShortcut);
  const actions = useMemo(() => createLaneActions(host, store, journal, () => assessLane(store.getState())), [host, store, journal]);
  // An exit lane has its own keys (ExitLayout listens for them): the entry lane's decisions do not apply there.
  useLaneShortcuts(actions, simulation, vehicleLane, !exitLane);

  const shortcutBar = <ShortcutBar shortcuts={exitLane ? offeredExitShortcuts(simulation) : offeredLaneShortcuts(simulation, pickingReason, vehicleLane)} testId="lane-shortcuts" />;
  return (
    <ScreenFrame className={vehicleLane ? 'lane' : 'lane traveller-lane'} footer={shortcutBar}>
      {exitLane ? <ExitLayout streams={streams} canvases={canvases} /> : <EntryLayout vehicleLane={vehicleLane} streams={streams} canvases={canvases} simulation={simulation} />}
    </ScreenFrame>
  );
}

/**
 * An entry lane: the session's reference photos embedded, assessed by the entry rules and its records' views
 * audited. Only here: an exit lane identifies faces against its gallery instead (ExitLayout) and shows no records.
 */
function EntryLayout({ vehicleLane, streams, canvases, simulation }: { vehicleLane: boolean; streams: ReturnType<typeof useLaneCameraStreams>; canvases: ReturnType<typeof useSceneCameras>; simulation: boolean }) {
  useReferenceEmbeddings();
  const assessment = useLaneAssessment();
  useAuditedRecordViews(assessment);
  return vehicleLane ? <VehicleLayout assessment={assessment} streams={streams} canvases={canvases} simulation={simulation} /> : <TravellerLayout assessment={assessment} streams={streams} canvases={canvases} />;
}
