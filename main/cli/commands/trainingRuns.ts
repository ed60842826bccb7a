/**
 * `npx booth training runs [--trainee ID]`: the kept training runs, newest first, one line each (comparable).
 * `npx booth training debrief RUN [--json | --html] [--out FILE]`: one run's debrief as text, JSON or a printable
 * HTML page. Both read the booth's run history (`training-runs/` in the user data folder, or `--runs DIR`).
 * Exit 0; 1 when the run is unknown or its file is not a debrief; 2 on a usage error.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { debriefHtml, describeEvidence, describeOutcome, describeScoreCounts, verdictLabels } from '../../../app/training/debriefHtml';
import type { TrainingDebrief } from '../../../app/training/trainingDebrief';
import { TrainingRunStore, TrainingRunStoreError } from '../../services/TrainingRunStore';
import { userDataDir } from '../../services/userDataDir';
import { printTrainingOutcome as print, type TrainingCliOutcome } from './trainingCliOutcome';

const storeOf = (dir: string | undefined) => (dir ? new TrainingRunStore(dir) : TrainingRunStore.inUserData(userDataDir()));

export async function runTrainingRuns(options: { trainee?: string; runs?: string }): Promise<TrainingCliOutcome> {
  const { runs, problems } = await storeOf(options.runs).list(options.trainee);
  const lines = runs.map(
    (r) => `${r.runId} ${r.startedAt} ${r.trainee} ${r.scenario}: ${r.score.percent}% correct (${r.score.counts.correct ?? 0}/${r.score.steps}), critical misses ${r.score.criticalMisses}, impostors let through ${r.score.impostorsLetThrough}, genuine referred ${r.score.genuineReferred}, missed ${r.score.counts.missed ?? 0}`,
  );
  return { exitCode: 0, stdout: lines.length > 0 ? `${lines.join('\n')}\n` : 'no training run kept\n', stderr: problems.join('\n') };
}

/** The debrief as text a terminal shows. */
export function debriefText(d: TrainingDebrief): string {
  const steps = d.steps.map((s) => `  ${s.step}${s.occupant === null ? '' : `.${s.occupant + 1}`} ${s.description}${s.impostor ? ' (impostor)' : ''}${s.critical ? ' (critical miss)' : ''}\n     expected ${s.expected}; did ${describeOutcome(s)}\n     ${s.verdict ? verdictLabels[s.verdict] : 'open'}: ${s.message}${s.decision ? `\n     on screen: ${describeEvidence(s.decision.evidence)}` : s.departure ? `\n     on screen: ${s.departure.shown}` : ''}`);
  return [
    `${d.scenario}: ${d.trainee}, ${d.startedAt}${d.endedAt ? ` to ${d.endedAt}` : ' (open)'} (${d.runId})`,
    `score ${d.score.percent}% (${d.score.counts.correct ?? 0}/${d.score.steps}); ${describeScoreCounts(d.score)}`,
    ...steps,
    'practise:',
    ...(d.practise.length > 0 ? d.practise.map((p) => `  - ${p}`) : ['  - nothing']),
    '',
  ].join('\n');
}

export async function runTrainingDebrief(runId: string, options: { json?: boolean; html?: boolean; out?: string; runs?: string }): Promise<TrainingCliOutcome> {
  if (options.json && options.html) return { exitCode: 2, stdout: '', stderr: 'choose --json or --html, not both' };
  let debrief: TrainingDebrief;
  try {
    debrief = await storeOf(options.runs).get(runId);
  } catch (error) {
    if (error instanceof TrainingRunStoreError) return { exitCode: 1, stdout: '', stderr: error.message };
    throw error;
  }
  const text = options.json ? `${JSON.stringify(debrief, null, 2)}\n` : options.html ? debriefHtml(debrief) : debriefText(debrief);
  if (!options.out) return { exitCode: 0, stdout: text, stderr: '' };
  writeFileSync(options.out, text);
  return { exitCode: 0, stdout: `written: ${options.out}\n`, stderr: '' };
}

export function registerRunCommands(training: Command): void {
  training
    .command('runs')
    .description('list the kept training runs, newest first (one line each, comparable)')
    .option('--trainee <id>', 'only this trainee')
    .option('--runs <dir>', 'the run history folder (default: training-runs/ in the user data folder)')
    .action(async (options: { trainee?: string; runs?: string }) => print(await runTrainingRuns(options), 'runs'));
  training
    .command('debrief')
    .description("a run's debrief: text, --json, or a printable --html page")
    .argument('<run>', 'the run id (run-…), as `booth training runs` lists it')
    .option('--json', 'the whole debrief as JSON')
    .option('--html', 'a printable HTML page')
    .option('--out <file>', 'write it to this file')
    .option('--runs <dir>', 'the run history folder (default: training-runs/ in the user data folder)')
    .action(async (runId: string, options: { json?: boolean; html?: boolean; out?: string; runs?: string }) => print(await runTrainingDebrief(runId, options), 'debrief'));
}
