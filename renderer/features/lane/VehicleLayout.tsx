import { useBooth } from '../../state/StoreContext';
import { occupantSubject, vehicleSubject } from './laneActions';
import { OccupantCard } from './OccupantCard';
import { ReasonPicker } from './ReasonPicker';
import { SceneCameraPanel } from './SceneCameraPanel';
import type { LaneAssessment } from './useLaneAssessment';
import type { LaneCameraStream } from './useLaneCameraStreams';
import { VehicleHeader } from './VehicleHeader';

/** The vehicle lane's layout: every camera on the car, the vehicle header, one card per occupant. */
export function VehicleLayout({ assessment, streams, canvases, simulation }: { assessment: LaneAssessment | null; streams: ReadonlyMap<string, LaneCameraStream>; canvases: ReadonlyMap<string, HTMLCanvasElement>; simulation: boolean }) {
  const cameras = useBooth((state) => state.laneCameras);
  const laneSession = useBooth((state) => state.laneSession);
  const decisions = useBooth((state) => state.decisions);
  const selected = useBooth((state) => state.selectedOccupant);
  const occupants = assessment?.session.occupants ?? [];
  return (
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
  );
}
