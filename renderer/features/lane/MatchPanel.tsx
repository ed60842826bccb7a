import type { Occupant } from '../../../app/inspection/assembleVehicleSession';
import type { ReferenceEmbedding } from '../../state/laneSlice';
import type { VisionPhase } from '../../state/visionSlice';
import { imageKey } from './encodedImages';
import { comparedReferences } from './useLaneAssessment';

/**
 * "Is this the person on the document?", for the one traveller at the desk: exactly the comparison the
 * decision rests on (the occupant's match, or their best comparison when none passed: same track, same
 * references, same score and false-match rate), with the reference it was best against and the model and
 * calibration it was decided with. Before there is one, it says what is missing.
 */
export function MatchPanel({ occupant, references, vision, sceneNote }: { occupant: Occupant | undefined; references: Readonly<Record<string, ReferenceEmbedding>>; vision: VisionPhase; sceneNote: string | undefined }) {
  const identity = occupant?.identity;
  const comparison = occupant?.match ?? occupant?.bestComparison;
  let verdict = 'waiting';
  let body: React.ReactNode;
  if (vision.phase === 'loading') body = `Loading face matcher… ${Math.round(vision.progress * 100)}%`;
  else if (vision.phase !== 'ready') {
    verdict = 'unavailable';
    body = vision.message;
  } else if (!identity) body = 'Waiting for the document photo.';
  else if (occupant?.status === 'opted_out') {
    verdict = 'opted_out';
    body = 'Opted out of photography: no face is compared.';
  } else if (comparison) {
    verdict = comparison.decision;
    const compared = comparedReferences(identity, references);
    const best = compared[comparison.bestReference];
    // The chip photo is usually the printed one too: named by the chip, the stronger (signed) evidence.
    const source = best && compared.some((r) => r.source === 'chip' && imageKey(r.image) === imageKey(best.image)) ? 'chip' : (best?.source ?? 'reference');
    body = (
      <>
        <strong>{comparison.decision === 'match' ? 'Face matches' : 'Face does NOT match'}</strong> the {source} photo
        <span className="match-score" data-testid="match-score">
          Score {comparison.score.toFixed(3)}
        </span>
        <span className="match-rate" data-testid="match-fmr">
          False-match rate {comparison.falseMatchRate.text}
        </span>
        <span className="match-provenance">
          {comparison.modelId} {comparison.calibrationVersion}, threshold at FMR {comparison.targetFmr}
        </span>
      </>
    );
  } else if (identity.references.length === 0) {
    verdict = 'no_reference';
    body = 'No reference photo: the document, chip and records hold no photo to compare the face with.';
  } else if (identity.references.every((r) => references[imageKey(r.image)]?.phase === 'error')) {
    verdict = 'no_reference';
    body = 'No usable reference photo: none of the photos shows one face clearly enough to compare (see the card).';
  } else if (identity.references.some((r) => references[imageKey(r.image)]?.phase !== 'ready')) body = 'Reading the photos…';
  else body = sceneNote ?? 'Waiting for a good view of the traveller’s face.';

  return (
    <section className={`match-panel match-${verdict}`} data-testid="match-panel" data-verdict={verdict} aria-live="polite">
      <h3>Face match</h3>
      <p>{body}</p>
    </section>
  );
}
