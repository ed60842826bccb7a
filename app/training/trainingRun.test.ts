import { describe, expect, it } from 'vitest';
import { trainingDebriefSchema, type TrainingDecisionReport } from './trainingDebrief';
import { parseTrainingScenario } from './trainingScenario';
import { TrainingRun } from './trainingRun';

const start = new Date('2026-11-23T10:00:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const evidence = { faceMatch: { decision: 'match' as const, score: 0.52, threshold: 0.33, falseMatchRate: '1 in 1,000,000' }, chipVerdict: 'verified' as const, alerts: [], recommended: 'clear' as const };
const report = (seconds: number, subject: TrainingDecisionReport['subject'], outcome: 'clear' | 'refer', reasons: TrainingDecisionReport['reasons'] = []): TrainingDecisionReport => ({
  runId: 'run-1',
  decisionId: `d-${seconds}`,
  subject,
  outcome,
  reasons,
  decidedAt: at(seconds).toISOString(),
  evidence,
});

const pedestrian = parseTrainingScenario(
  JSON.stringify({
    name: 'mixed',
    description: 'Every kind of outcome.',
    laneType: 'pedestrian',
    steps: [
      { atSeconds: 0, kind: 'readDocument', traveller: 1, expect: { outcome: 'refer', impostor: true } },
      { atSeconds: 10, kind: 'readDocument', traveller: 0, expect: { outcome: 'clear' } },
      { atSeconds: 20, kind: 'readDocument', traveller: 2, expect: { outcome: 'refer', reasons: ['lookout_hit'], supervisorAlert: true } },
      { atSeconds: 30, kind: 'readDocument', traveller: 4, expect: { outcome: 'refer', reasons: ['document_refused'], withinSeconds: 5 } },
      { atSeconds: 40, kind: 'readDocument', traveller: 3, expect: { outcome: 'clear' } },
    ],
  }),
  'mixed.json',
);

describe('a training run, scored as the trainee works', () => {
  it('matches each decision to its traveller by document number and scores every kind of outcome; the debrief says what to practise', () => {
    const run = new TrainingRun('run-1', pedestrian, 'trainer', start, 'kim');
    const docs = ['A12345678', 'L898902C3', 'T22000129', 'GA3021987', 'SPECI2014'];
    pedestrian.steps.forEach((_, i) => run.stepPlayed(i, at(i * 10), [docs[i]!]));
    const subject = (i: number) => ({ documentNumber: docs[i]!, occupantIndex: 0 });
    expect(run.decided(report(4, subject(0), 'clear'), 'kim')).toMatchObject({ verdict: 'let_through', message: 'cleared an impostor', decision: { secondsTaken: 4 } });
    expect(run.decided(report(12, subject(1), 'refer', ['officer_observation']), 'kim')?.verdict).toBe('wrongly_referred');
    // The override attempt reached the (simulated) supervisor before the referral.
    run.alerted({ runId: 'run-1', subject: subject(2), at: at(22).toISOString() });
    expect(run.decided(report(25, subject(2), 'refer', ['lookout_hit']), 'kim')?.verdict).toBe('correct');
    expect(run.decided(report(39, subject(3), 'refer', ['document_refused']), 'kim')).toMatchObject({ verdict: 'too_slow', message: 'took 9 s; expected within 5 s' });
    // A read the trainee made on their own matches nothing: noted, not scored.
    expect(run.decided(report(41, { documentNumber: 'X0000000', occupantIndex: 0 }, 'clear'), 'kim')).toBeNull();
    // While open, only the decided travellers count.
    expect(run.debrief().score).toMatchObject({ steps: 4, impostorsLetThrough: 1, genuineReferred: 1, percent: 25 });
    expect(run.complete(5)).toBe(false);

    run.end(at(60));
    const debrief = trainingDebriefSchema.parse(run.debrief());
    expect(debrief.score).toEqual({ steps: 5, counts: { correct: 1, let_through: 1, wrongly_referred: 1, wrong_reason: 0, no_alert: 0, too_slow: 1, missed: 1, wrongly_held: 0, wrong_traveller: 0 }, impostorsLetThrough: 1, genuineReferred: 1, criticalMisses: 1, percent: 20 });
    expect(debrief.steps.map((s) => s.verdict)).toEqual(['let_through', 'wrongly_referred', 'correct', 'too_slow', 'missed']);
    expect(debrief.steps[0]).toMatchObject({ impostor: true, expected: 'refer, an impostor', decision: { evidence } });
    expect(debrief.practise).toEqual([
      'Impostor cleared (step 1): compare the live face with the document photo, and never clear a face that does not match',
      'Clear genuine travellers: a verified chip and a face match at the booth threshold need no referral (step 2)',
      'Work faster: decide within the time the lane allows (step 4)',
      'Decide every traveller before the next one arrives (step 5)',
    ]);
    expect(debrief.notes).toEqual(['decision d-41 (clear) matched no expected traveller: not scored']);
    expect(debrief).toMatchObject({ trainee: 'kim', startedBy: 'trainer', endedAt: at(60).toISOString() });
    // An ended run takes no more decisions.
    expect(run.decided(report(70, subject(4), 'clear'), 'kim')).toBeNull();
  });

  it('scores a vehicle per occupant (by document, else by seat), a wrong reason and a missing supervisor alert', () => {
    const vehicle = parseTrainingScenario(
      JSON.stringify({
        name: 'car',
        description: 'A car.',
        laneType: 'vehicle',
        steps: [{ atSeconds: 0, kind: 'vehicleArrives', expectOccupants: [{ outcome: 'refer', reasons: ['chip_clone_suspected'] }, { outcome: 'refer', supervisorAlert: true }, { outcome: 'clear' }] }],
      }),
      'car.json',
    );
    const run = new TrainingRun('run-1', vehicle, 'trainer', start);
    run.stepPlayed(0, start, []);
    expect(run.decided(report(5, { documentNumber: null, occupantIndex: 0 }, 'refer', ['lookout_hit']), 'lee')?.verdict).toBe('wrong_reason');
    expect(run.decided(report(6, { documentNumber: 'ANY', occupantIndex: 1 }, 'refer'), 'lee')?.verdict).toBe('no_alert');
    expect(run.decided(report(7, { documentNumber: null, occupantIndex: 2 }, 'clear'), 'lee')).toMatchObject({ verdict: 'correct', occupant: 2 });
    expect(run.complete(1)).toBe(true);
    // The trainee defaults to whoever decided first.
    expect(run.debrief().trainee).toBe('lee');
  });
});
