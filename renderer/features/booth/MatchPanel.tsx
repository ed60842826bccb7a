import { useMemo } from 'react';
import type { Embedding } from '../../../app/biometrics/embeddingMath';
import { verify } from '../../../app/biometrics/faceMatching';
import { useBooth } from '../../state/StoreContext';
import { defaultModels } from '../../vision/shippedModels';

const embedder = defaultModels().embedder;

/**
 * "Is this the person on the document?": the best live shots of the traveller in front of the camera
 * against the reference photo (chip, else printed), decided at the booth's target false-match rate and
 * shown as a calibrated rate, with the model and calibration it was decided with.
 */
export function MatchPanel() {
  const vision = useBooth((state) => state.vision);
  const reference = useBooth((state) => state.reference);
  const probes = useBooth((state) => state.probes);
  const liveFaces = useBooth((state) => state.liveFaces);
  const targetFmr = useBooth((state) => state.info?.faceMatchTargetFmr ?? null);

  // The traveller is the largest face in view that has been embedded.
  const probe = useMemo(() => {
    const candidates = [...liveFaces].sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height).map((face) => probes[face.trackId]).filter((shots) => shots && shots.length > 0);
    // Worker embeddings are plain ArrayBuffer-backed Float32Arrays (transferred, never shared).
    return (candidates[0]?.map((shot) => shot.embedding) as Embedding[] | undefined) ?? null;
  }, [liveFaces, probes]);

  const result = useMemo(
    () => (probe && reference.phase === 'ready' && targetFmr !== null ? verify(probe, [reference.embedding as Embedding], embedder, { targetFmr }) : null),
    [probe, reference, targetFmr],
  );

  let body: React.ReactNode;
  let verdict = 'waiting';
  if (vision.phase === 'loading') body = `Loading face matcher… ${Math.round(vision.progress * 100)}%`;
  else if (vision.phase !== 'ready') {
    verdict = 'unavailable';
    body = vision.message;
  } else if (reference.phase === 'none') body = 'Waiting for the document photo.';
  else if (reference.phase === 'embedding') body = `Reading the ${reference.source} photo…`;
  else if (reference.phase === 'error') {
    verdict = 'no_reference';
    body = `The ${reference.source} photo cannot be matched: ${reference.message}`;
  } else if (!result) body = 'Waiting for a good view of the traveller’s face.';
  else {
    verdict = result.decision;
    body = (
      <>
        <strong>{result.decision === 'match' ? 'Face matches' : 'Face does NOT match'}</strong> the {reference.source} photo
        <span className="match-rate">False-match rate {result.falseMatchRate.text}</span>
        <span className="match-provenance">
          {result.modelId} {result.calibrationVersion}, threshold at FMR {result.targetFmr}
        </span>
      </>
    );
  }

  return (
    <section className={`match-panel match-${verdict}`} data-testid="match-panel" data-verdict={verdict} aria-live="polite">
      <h3>Face match</h3>
      <p>{body}</p>
    </section>
  );
}
