import { useBooth } from '../../state/StoreContext';
import { MatchPanel } from './MatchPanel';
import { SceneCameraPanel } from './SceneCameraPanel';
import { TravellerCard } from './TravellerCard';
import { TravellerDecision } from './TravellerDecision';
import type { LaneAssessment } from './useLaneAssessment';
import type { LaneCameraStream } from './useLaneCameraStreams';

/**
 * The one-traveller lanes' layout of the lane session (air, sea, pedestrian): the traveller camera, the face
 * match and the decision (both from the one occupant's assessment), and the traveller card.
 */
export function TravellerLayout({ assessment, streams, canvases }: { assessment: LaneAssessment | null; streams: ReadonlyMap<string, LaneCameraStream>; canvases: ReadonlyMap<string, HTMLCanvasElement> }) {
  const cameras = useBooth((state) => state.laneCameras);
  const references = useBooth((state) => state.referenceEmbeddings);
  const vision = useBooth((state) => state.vision);
  const showRawMrz = useBooth((state) => state.showRawMrz);
  const camera = cameras.find((c) => c.position === 'traveller') ?? cameras[0];
  const sceneNote = useBooth((state) => (camera ? state.cameraScenes[camera.id]?.note : undefined));
  const occupant = assessment?.session.occupants[0];
  return (
    <main className="booth-main">
      <div className="live-column">
        {camera ? <SceneCameraPanel camera={camera} canvas={canvases.get(camera.id)} stream={streams.get(camera.id)} large /> : <p className="placeholder">No traveller camera is configured.</p>}
        <MatchPanel occupant={occupant} references={references} vision={vision} sceneNote={sceneNote} />
        <TravellerDecision assessment={assessment} />
      </div>
      <TravellerCard identity={occupant?.identity ?? assessment?.session.identities[0]} references={references} showRawMrz={showRawMrz} />
    </main>
  );
}
