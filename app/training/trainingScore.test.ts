import { describe, expect, it } from 'vitest';
import { expectedDecisionSchema } from './expectedDecision';
import { scoreDecision, summariseRun, type TraineeDecision } from './trainingScore';

const expected = (input: unknown) => expectedDecisionSchema.parse(input);
const decision = (fields: Partial<TraineeDecision>): TraineeDecision => ({ outcome: 'refer', reasons: [], supervisorAlerted: false, secondsTaken: 10, ...fields });

describe('scoring a training decision against the expectation', () => {
  const referClone = expected({ outcome: 'refer', reasons: ['chip_clone_suspected'], withinSeconds: 60 });

  it('correct: the outcome, a reason expected, in time', () => {
    expect(scoreDecision(referClone, decision({ reasons: ['chip_clone_suspected', 'records_unavailable'] }))).toEqual({ verdict: 'correct', message: 'refer, as expected', impostorLetThrough: false });
    expect(scoreDecision(expected({ outcome: 'clear' }), decision({ outcome: 'clear', secondsTaken: 500 })).verdict).toBe('correct');
  });

  it('let_through and wrongly_referred are told apart, and an impostor let through is marked', () => {
    expect(scoreDecision(referClone, decision({ outcome: 'clear' }))).toMatchObject({ verdict: 'let_through', message: expect.stringMatching(/expected: chip_clone_suspected/), impostorLetThrough: false });
    expect(scoreDecision(expected({ outcome: 'refer', impostor: true }), decision({ outcome: 'clear' }))).toMatchObject({ verdict: 'let_through', message: 'cleared an impostor', impostorLetThrough: true });
    expect(scoreDecision(expected({ outcome: 'clear' }), decision({ outcome: 'refer' })).verdict).toBe('wrongly_referred');
  });

  it('wrong_reason, no_alert, too_slow and missed', () => {
    expect(scoreDecision(referClone, decision({ reasons: ['behaviour'] }))).toMatchObject({ verdict: 'wrong_reason', message: 'refer for behaviour; expected chip_clone_suspected' });
    expect(scoreDecision(expected({ outcome: 'refer', supervisorAlert: true }), decision({})).verdict).toBe('no_alert');
    expect(scoreDecision(expected({ outcome: 'refer', supervisorAlert: true }), decision({ supervisorAlerted: true })).verdict).toBe('correct');
    expect(scoreDecision(referClone, decision({ reasons: ['chip_clone_suspected'], secondsTaken: 61 }))).toMatchObject({ verdict: 'too_slow', message: 'took 61 s; expected within 60 s' });
    expect(scoreDecision(referClone, null)).toMatchObject({ verdict: 'missed', message: 'no decision; expected refer' });
  });

  it('sums a run: counts per verdict, impostors let through apart, the percentage correct', () => {
    const run = summariseRun([
      scoreDecision(referClone, decision({ reasons: ['chip_clone_suspected'] })),
      scoreDecision(expected({ outcome: 'refer', impostor: true }), decision({ outcome: 'clear' })),
      scoreDecision(expected({ outcome: 'clear' }), decision({ outcome: 'refer' })),
      scoreDecision(referClone, null),
    ]);
    expect(run).toEqual({ steps: 4, counts: { correct: 1, let_through: 1, wrongly_referred: 1, wrong_reason: 0, no_alert: 0, too_slow: 0, missed: 1, wrongly_held: 0, wrong_traveller: 0 }, impostorsLetThrough: 1, genuineReferred: 1, criticalMisses: 1, percent: 25 });
    expect(summariseRun([]).percent).toBe(0);
  });

  it('refuses expectations that contradict themselves, naming the field', () => {
    expect(expectedDecisionSchema.safeParse({ outcome: 'clear', reasons: ['lookout_hit'] }).error?.issues[0]?.path).toEqual(['reasons']);
    expect(expectedDecisionSchema.safeParse({ outcome: 'clear', impostor: true }).error?.issues[0]?.path).toEqual(['impostor']);
    expect(expectedDecisionSchema.safeParse({ outcome: 'refer', reasons: ['not_a_reason'] }).success).toBe(false);
    expect(expectedDecisionSchema.safeParse({ outcome: 'refer', withinSeconds: 0 }).success).toBe(false);
    expect(expectedDecisionSchema.safeParse({ outcome: 'refer', hint: 'x' }).success).toBe(false);
  });
});
