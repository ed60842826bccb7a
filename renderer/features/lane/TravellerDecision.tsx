import { evidenceOf } from '../../../app/inspection/evaluateVehicleSession';
import type { Evidence } from '../../../app/inspection/reasons';
import { useBooth } from '../../state/StoreContext';
import { occupantSubject } from './laneActions';
import { occupantStatusText } from './occupantStatusText';
import { ReasonList } from './ReasonList';
import { ReasonPicker } from './ReasonPicker';
import { RecommendationLine } from './RecommendationLine';
import type { LaneAssessment } from './useLaneAssessment';

/**
 * The one-traveller lanes' decision (air, sea, pedestrian): the same rules and keys as a vehicle, for the
 * traveller whose document was read and the face in front of the camera, with the face comparison it rests on
 * (as recorded, once it is).
 */
export function TravellerDecision({ assessment }: { assessment: LaneAssessment | null }) {
  const decisions = useBooth((state) => state.decisions);
  const recommendation = assessment?.recommendations.occupants[0];
  const occupant = assessment?.session.occupants[0];
  const decision = occupant ? decisions[occupantSubject(occupant.occupantId)] : undefined;
  const evidence = decision?.phase === 'recorded' ? decision.decision.evidence : recommendation ? evidenceOf(recommendation) : [];
  const face = evidence.find((e): e is Extract<Evidence, { kind: 'face_match' }> => e.kind === 'face_match');
  return (
    <section className="panel traveller-decision" data-testid="traveller-decision" aria-label="Decision">
      <h3>Decision</h3>
      {recommendation && occupant ? (
        <>
          <p className="occupant-status" data-testid="traveller-status" data-status={occupant.status}>
            {occupantStatusText[occupant.status]}
          </p>
          {face && (
            <p className="decision-evidence" data-testid="decision-face-evidence" data-decision={face.decision}>
              On the face comparison: <span data-testid="decision-score">score {face.score.toFixed(3)}</span> ·{' '}
              <span data-testid="decision-fmr">false-match rate {face.falseMatchRate.text}</span>
            </p>
          )}
          <RecommendationLine recommendation={recommendation} decision={decision} testId="traveller-recommendation" />
          <ReasonList reasons={recommendation.reasons.filter((r) => r.code !== 'face_matched')} testId="traveller-reasons" />
          <ReasonPicker />
        </>
      ) : (
        <p className="placeholder">Waiting for a traveller.</p>
      )}
    </section>
  );
}
