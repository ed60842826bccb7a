import type { StepVerdict } from './trainingScore';
import type { DebriefStep } from './trainingDebrief';

/** What each kind of error says to practise (one line per kind, naming the steps it happened at). */
const advice: Readonly<Record<Exclude<StepVerdict, 'correct'>, string>> = {
  let_through: 'Refer what must be referred: read the face match, the chip verdict and the alerts before clearing',
  wrongly_referred: 'Clear genuine travellers: a verified chip and a face match at the booth threshold need no referral',
  wrong_reason: 'Name the reason the evidence gives when referring (the rules list it on screen)',
  no_alert: 'Escalate a mandatory referral that should not stand to a supervisor',
  too_slow: 'Work faster: decide within the time the lane allows',
  missed: 'Decide every traveller before the next one arrives',
  wrongly_held: 'Confirm the departures the booth identified with nothing to hold them for: a traveller who could leave was held',
  wrong_traveller: 'Pick a look-alike only when sure: compare each candidate with the traveller, and when the face cannot tell them apart (identical twins) press X and inspect documents',
};

/** The debrief's "what to practise": the errors made, the costliest first (an impostor let through leads). */
export function practiseAdvice(steps: readonly DebriefStep[]): string[] {
  const lines: string[] = [];
  const impostors = steps.filter((s) => s.verdict === 'let_through' && s.impostor).map((s) => s.step);
  if (impostors.length > 0) lines.push(`Impostor cleared (step ${impostors.join(', ')}): compare the live face with the document photo, and never clear a face that does not match`);
  const letGo = steps.filter((s) => s.verdict === 'let_through' && s.lane === 'exit').map((s) => s.step);
  if (letGo.length > 0) lines.push(`Departure confirmed of a traveller to be held (step ${[...new Set(letGo)].join(', ')}): read every card's alerts (overstay, lookout) and the look-alikes before pressing Enter`);
  const unhandled = steps.filter((s) => s.verdict === 'missed' && s.lane === 'exit').map((s) => s.step);
  if (unhandled.length > 0) lines.push(`Departing occupant never handled (step ${[...new Set(unhandled)].join(', ')}): count the people in the car against the cards on screen, then press Enter (H first on anyone to hold) before the car leaves`);
  for (const verdict of Object.keys(advice) as (keyof typeof advice)[]) {
    const at = steps.filter((s) => s.verdict === verdict && !((verdict === 'let_through' && s.impostor) || (s.lane === 'exit' && (verdict === 'let_through' || verdict === 'missed')))).map((s) => s.step);
    if (at.length > 0) lines.push(`${advice[verdict]} (step ${[...new Set(at)].join(', ')})`);
  }
  return lines;
}
