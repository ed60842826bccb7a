import { useCallback, useEffect, useState } from 'react';
import type { TrainingDebrief } from '../../../app/training/trainingDebrief';
import { useHost } from '../../state/StoreContext';
import { DebriefView } from './DebriefView';
import { useRunEnd } from './useRunEnd';

/**
 * The trainee's debrief (an officer account in a training run): shown when the run ends, over the booth, until
 * Esc. The host gives it only to the run's trainee; nothing else of the trainer's screen is here.
 */
export function TraineeDebrief() {
  const host = useHost();
  const [debrief, setDebrief] = useState<TrainingDebrief | null>(null);
  const onEnded = useCallback((runId: string) => void host.call('training:debrief', { runId }).then((result) => result.ok && setDebrief(result.value)), [host]);
  useRunEnd(onEnded);
  useEffect(() => {
    if (!debrief) return;
    // Capture phase: Esc closes the debrief, not the traveller on the lane screen behind it.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setDebrief(null);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [debrief]);
  if (!debrief) return null;
  return (
    <aside className="trainer-panel wide" aria-label="Your training debrief" data-testid="trainee-debrief">
      <DebriefView debrief={debrief} />
      <p className="caption">
        <kbd>Esc</kbd> close
      </p>
    </aside>
  );
}
