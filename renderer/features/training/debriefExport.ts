import { debriefHtml } from '../../../app/training/debriefHtml';
import type { TrainingDebrief } from '../../../app/training/trainingDebrief';

/** Saves a debrief as a file download: the whole debrief as JSON, or the printable HTML page. */
export function downloadDebrief(debrief: TrainingDebrief, format: 'json' | 'html'): string {
  const [text, type] = format === 'json' ? [`${JSON.stringify(debrief, null, 2)}\n`, 'application/json'] : [debriefHtml(debrief), 'text/html'];
  const name = `booth-debrief-${debrief.scenario}-${debrief.trainee}-${debrief.runId}.${format}`;
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
