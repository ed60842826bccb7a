import type { LaneAssessment } from './useLaneAssessment';
import { useBooth } from '../../state/StoreContext';
import { occupantSubject } from './laneActions';
import { occupantStatusText } from './occupantStatusText';
import { ReasonList } from './ReasonList';
import { ReasonPicker } from './ReasonPicker';
import { RecommendationLine } from './RecommendationLine';

/**
 * The one-traveller lanes' decision (air, sea, pedestrian): the same rules and keys as a vehicle, for the
 * traveller whose document was read and the face in front of the camera.
 */
export function TravellerDecision({ assessment }: { assessment: LaneAssessment | null }) {
  const decisions = useBooth((state) => state.decisions);
  const recommendation = assessment?.recommendations.occupants[0];
  const occupant = assessment?.session.occupants[0];
  return (
    <section className="panel traveller-decision" data-testid="traveller-decision" aria-label="Decision">
      <h3>Decision</h3>
      {recommendation && occupant ? (
        <>
          <p className="occupant-status" data-testid="traveller-status" data-status={occupant.status}>
            {occupantStatusText[occupant.status]}
          </p>
          <RecommendationLine recommendation={recommendation} decision={decisions[occupantSubject(occupant.occupantId)]} testId="traveller-recommendation" />
          <ReasonList reasons={recommendation.reasons.filter((r) => r.code !== 'face_matched')} testId="traveller-reasons" />
          <ReasonPicker />
        </>
      ) : (
        <p className="placeholder">Waiting for a traveller.</p>
      )}
    </section>
  );
}
