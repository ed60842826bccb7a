import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrainingScenario } from '../../../app/training/trainingScenario';
import { TrainingRun } from '../../../app/training/trainingRun';
import { TrainingRunStore } from '../../services/TrainingRunStore';
import { runTrainingDebrief, runTrainingRuns } from './trainingRuns';

const scenario = parseTrainingScenario(
  JSON.stringify({ name: 'one', description: 'One <impostor> & more.', laneType: 'air', steps: [{ atSeconds: 0, kind: 'readDocument', traveller: 1, expect: { outcome: 'refer', impostor: true } }] }),
  'one.json',
);

async function keptRun(store: TrainingRunStore, runId: string, trainee: string, startedAt: string, outcome: 'clear' | 'refer') {
  const run = new TrainingRun(runId, scenario, 'trainer', new Date(startedAt), trainee);
  run.stepPlayed(0, new Date(startedAt), ['A12345678']);
  const evidence = { faceMatch: { decision: 'match' as const, score: 0.41, threshold: 0.33, falseMatchRate: '1 in 25,000' }, chipVerdict: 'verified' as const, alerts: [], recommended: 'clear' as const };
  run.decided({ runId, decisionId: `d-${runId}`, subject: { documentNumber: 'A12345678', occupantIndex: 0 }, outcome, reasons: [], decidedAt: new Date(Date.parse(startedAt) + 8000).toISOString(), evidence }, trainee);
  run.end(new Date(Date.parse(startedAt) + 60_000));
  await store.save(run.debrief());
}

describe('booth training runs / debrief', () => {
  it('lists kept runs newest first (by trainee), and exports one as text, JSON or printable HTML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'booth-runs-'));
    const store = new TrainingRunStore(dir);
    await keptRun(store, 'run-a', 'kim', '2026-11-20T09:00:00Z', 'clear');
    await keptRun(store, 'run-b', 'kim', '2026-11-21T09:00:00Z', 'refer');
    await keptRun(store, 'run-c', 'lee', '2026-11-22T09:00:00Z', 'clear');
    writeFileSync(join(dir, 'run-broken.json'), '{"runId": "run-broken"', { mode: 0o600 });

    const kim = await runTrainingRuns({ trainee: 'kim', runs: dir });
    expect(kim.stdout).toBe(
      [
        'run-b 2026-11-21T09:00:00.000Z kim one: 100% correct (1/1), critical misses 0, impostors let through 0, genuine referred 0, missed 0',
        'run-a 2026-11-20T09:00:00.000Z kim one: 0% correct (0/1), critical misses 1, impostors let through 1, genuine referred 0, missed 0',
        '',
      ].join('\n'),
    );
    expect(kim.stderr).toMatch(/run-broken\.json is not valid JSON/);

    const text = await runTrainingDebrief('run-a', { runs: dir });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('expected refer, an impostor; did clear after 8 s');
    expect(text.stdout).toContain('on screen: face match 0.41 / threshold 0.33 (1 in 25,000); chip verified; rules recommended clear');
    expect(text.stdout).toContain('Impostor cleared (step 1)');
    expect(JSON.parse((await runTrainingDebrief('run-a', { json: true, runs: dir })).stdout)).toMatchObject({ runId: 'run-a', score: { impostorsLetThrough: 1 } });
    const out = join(dir, 'a.html');
    expect((await runTrainingDebrief('run-a', { html: true, out, runs: dir })).stdout).toBe(`written: ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('One &lt;impostor&gt; &amp; more.');
    expect(html).not.toContain('<script');

    expect(await runTrainingDebrief('run-zzz', { runs: dir })).toMatchObject({ exitCode: 1, stderr: `No training run run-zzz in ${dir}.` });
    expect(await runTrainingDebrief('../../etc/passwd', { runs: dir })).toMatchObject({ exitCode: 1 });
    expect((await runTrainingDebrief('run-a', { json: true, html: true, runs: dir })).exitCode).toBe(2);
  });
});
