import type { DebriefStep, EvidenceOnScreen, TrainingDebrief } from './trainingDebrief';

const escapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every text in the page comes from a scenario file or a trainee's decision: escaped, never markup. */
const esc = (text: string | number) => String(text).replace(/[&<>"']/g, (c) => escapes[c] ?? c);

export const verdictLabels: Readonly<Record<NonNullable<DebriefStep['verdict']>, string>> = {
  correct: 'Correct',
  let_through: 'Let through',
  wrongly_referred: 'Genuine traveller referred',
  wrong_reason: 'Right outcome, wrong reason',
  no_alert: 'No supervisor alerted',
  too_slow: 'Too slow',
  missed: 'Missed',
  wrongly_held: 'Held, could leave',
  wrong_traveller: 'Wrong look-alike picked',
};

/** The evidence on screen at decision time, in one line: "face no_match 0.31 / 0.42 (FMR 1 in 1 000); chip verified; alerts: …". */
export function describeEvidence(evidence: EvidenceOnScreen): string {
  const face = evidence.faceMatch ? `face ${evidence.faceMatch.decision === 'match' ? 'match' : 'NO match'} ${evidence.faceMatch.score.toFixed(2)} / threshold ${evidence.faceMatch.threshold.toFixed(2)} (${evidence.faceMatch.falseMatchRate})` : 'no face compared';
  const alerts = evidence.alerts.length > 0 ? `; on screen: ${evidence.alerts.join(', ')}` : '';
  return `${face}; chip ${evidence.chipVerdict.replace('_', ' ')}; rules recommended ${evidence.recommended}${alerts}`;
}

/** What happened at one expected traveller, in words. */
export function describeOutcome(step: DebriefStep): string {
  if (step.lane === 'exit') return describeDepartureAction(step);
  const d = step.decision;
  if (!d) return 'no decision';
  const reasons = d.reasons.length > 0 ? ` (${d.reasons.join(', ')})` : '';
  return `${d.outcome}${reasons} after ${d.secondsTaken} s${d.supervisorAlerted ? ', supervisor alerted' : ''}`;
}

/** What the trainee did with a departing occupant: "confirmed as brandt (Overstay 100 days …) after 12 s", or held. */
function describeDepartureAction(step: DebriefStep): string {
  const d = step.departure;
  if (!d) return step.verdict === null ? 'not confirmed yet' : 'nothing: never reported on screen';
  const among = d.among.length > 0 ? `, ${d.action === 'confirmed' ? 'picked among' : d.action === 'ruled_out' ? 'ruled out' : 'look-alikes'} ${d.among.join(', ')}` : '';
  if (d.action === 'ruled_out') return `held: none of the look-alikes${among} after ${d.secondsTaken} s`;
  if (d.action === 'held') return `held (not confirmed)${d.travellerId ? `, shown as ${d.travellerId}` : ''} (${d.shown})${among}`;
  const as = d.as === 'citizen' ? 'a U.S. citizen' : d.as === 'opt_out' ? 'an opt-out' : 'a departure';
  return `confirmed ${as}${d.travellerId ? ` as ${d.travellerId}` : ''} (${d.shown})${among} after ${d.secondsTaken} s`;
}

/** The score's headline counts, in the words the debrief, the panel and the page share. */
export function describeScoreCounts(score: TrainingDebrief['score']): string {
  const exit = (score.counts.wrongly_held ?? 0) + (score.counts.wrong_traveller ?? 0) > 0 ? `; held, could leave: ${score.counts.wrongly_held ?? 0}; wrong look-alike picked: ${score.counts.wrong_traveller ?? 0}` : '';
  return `critical misses: ${score.criticalMisses}; impostors let through: ${score.impostorsLetThrough}; genuine travellers referred: ${score.genuineReferred}${exit}`;
}

/** A printable, self-contained HTML page of a debrief (no scripts, no outside resources). */
export function debriefHtml(debrief: TrainingDebrief): string {
  const { score } = debrief;
  const rows = debrief.steps
    .map(
      (s) => `<tr class="${esc(s.verdict ?? 'open')}"><td>${esc(s.step)}${s.occupant === null ? '' : `.${esc(s.occupant + 1)}`}</td><td>${esc(s.description)}${s.impostor ? ' <strong>(impostor)</strong>' : ''}${s.critical ? ' <strong>(critical miss)</strong>' : ''}</td><td>${esc(s.expected)}</td><td>${esc(describeOutcome(s))}</td><td>${esc(s.decision ? describeEvidence(s.decision.evidence) : '')}</td><td><strong>${esc(s.verdict ? verdictLabels[s.verdict] : 'open')}</strong><br>${esc(s.message)}</td></tr>`,
    )
    .join('\n');
  const practise = debrief.practise.length > 0 ? debrief.practise.map((p) => `<li>${esc(p)}</li>`).join('') : '<li>Nothing: every expected traveller was handled correctly.</li>';
  const notes = debrief.notes.length > 0 ? `<h2>Notes</h2><ul>${debrief.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Debrief ${esc(debrief.runId)}: ${esc(debrief.scenario)}</title>
<style>body{font:14px/1.4 sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}tr.let_through td,tr.missed td,tr.wrong_traveller td{background:#fde2e2}tr.correct td{background:#e6f4e6}@media print{body{margin:0}}</style></head>
<body>
<h1>Training debrief: ${esc(debrief.scenario)}</h1>
<p>${esc(debrief.description)}</p>
<p>Trainee <strong>${esc(debrief.trainee)}</strong>, started by ${esc(debrief.startedBy)} at ${esc(debrief.startedAt)}${debrief.endedAt ? `, ended ${esc(debrief.endedAt)}` : ' (still open)'}. Run ${esc(debrief.runId)}, ${esc(debrief.laneType)} lane.</p>
<h2>Score: ${esc(score.percent)}% correct (${esc(score.counts.correct ?? 0)} of ${esc(score.steps)})</h2>
<p><strong>${esc(describeScoreCounts(score))}</strong>.</p>
<p>Impostors let through: <strong>${esc(score.impostorsLetThrough)}</strong>. Genuine travellers referred: <strong>${esc(score.genuineReferred)}</strong>. Other let through: ${esc((score.counts.let_through ?? 0) - score.impostorsLetThrough)}; wrong reason: ${esc(score.counts.wrong_reason ?? 0)}; no supervisor alert: ${esc(score.counts.no_alert ?? 0)}; too slow: ${esc(score.counts.too_slow ?? 0)}; missed: ${esc(score.counts.missed ?? 0)}.</p>
<h2>Travellers</h2>
<table><thead><tr><th>Step</th><th>What happened</th><th>Expected</th><th>Trainee did</th><th>Evidence on screen</th><th>Verdict</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>What to practise</h2><ul>${practise}</ul>
${notes}
</body></html>
`;
}
