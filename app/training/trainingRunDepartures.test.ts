import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { debriefHtml } from './debriefHtml';
import { trainingDebriefSchema, type DepartureAction } from './trainingDebrief';
import { parseTrainingScenario } from './trainingScenario';
import { TrainingRun } from './trainingRun';

const scenario = parseTrainingScenario(readFileSync(new URL('../../assets/scenarios/exit-overstayer-twins.json', import.meta.url), 'utf8'), 'exit-overstayer-twins.json');
const start = new Date('2026-12-07T10:00:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const confirmed = (travellerId: string, as: DepartureAction['as'], shown: string, among: string[] = []): DepartureAction => ({ occupantId: `occupant-${travellerId}`, action: 'confirmed', as, travellerId, among, shown });
const held = (travellerId: string | null, shown: string, among: string[] = []): DepartureAction => ({ occupantId: `occupant-${travellerId ?? 'unknown'}`, action: 'held', as: null, travellerId, among, shown });
const report = (seconds: number, occupants: DepartureAction[]) => ({ runId: 'run-x', sessionId: 'session-1', decidedAt: at(seconds).toISOString(), occupants });

describe('a training run at an exit lane', () => {
  it('scores one confirming key per occupant on screen: the overstayer confirmed is the critical miss; the one held (never entered) is right', () => {
    const run = new TrainingRun('run-x', scenario, 'trainer', start);
    run.stepPlayed(0, at(20), []);
    // One Enter: the overstayer, the citizen and the one on time (all confirmable at the booth); X on the twin; Alvarez held (not identified).
    const lines = run.departed(
      report(50, [
        confirmed('brandt', 'departure', 'Overstay 100 days (admitted until 2026-08-29)'),
        confirmed('walker', 'citizen', 'U.S. citizen: departure confirmed, no biometric record kept'),
        confirmed('holloway', 'departure', 'Departure confirmed'),
        { occupantId: 'occupant-t', action: 'ruled_out', as: null, travellerId: null, among: ['vera', 'selma'], shown: 'Not identified: the officer ruled out 2 look-alike candidates. Photograph or inspect documents' },
        held(null, 'Not identified: photograph or inspect documents'),
      ]),
      'kim',
    );
    expect(lines.map((l) => [l.occupant, l.verdict])).toEqual([
      [0, 'let_through'],
      [2, 'correct'],
      [3, 'correct'],
      [4, 'correct'],
      [1, 'correct'],
    ]);
    expect(run.debrief().score).toMatchObject({ steps: 5, criticalMisses: 1, percent: 80 });
    // Nakamura's departure has not been played: the run goes on; a confirmation nobody expects is noted.
    expect(run.complete(1)).toBe(false);
    expect(run.departed(report(60, [confirmed('holloway', 'departure', 'Departure confirmed')]), 'kim')).toEqual([]);

    run.end(at(120));
    const debrief = trainingDebriefSchema.parse(run.debrief());
    expect(debrief.trainee).toBe('kim');
    expect(debrief.score).toMatchObject({ steps: 5, criticalMisses: 1, impostorsLetThrough: 0, percent: 80, counts: { correct: 4, let_through: 1, wrongly_held: 0 } });
    const brandt = debrief.steps[0]!;
    expect(brandt).toMatchObject({ lane: 'exit', critical: true, expected: 'held with alert: overstay 100 days', verdict: 'let_through', departure: { travellerId: 'brandt', secondsTaken: 30 } });
    expect(debrief.steps[1]).toMatchObject({ verdict: 'correct', message: 'held for the officer, as expected', departure: { action: 'held', travellerId: null }, expected: 'not identified: photograph or inspect' });
    expect(debrief.practise[0]).toMatch(/^Departure confirmed of a traveller to be held \(step 1\)/);
    expect(debrief.notes).toEqual(['exit session-1: confirmed holloway matched no expected departing occupant: not scored']);
    const page = debriefHtml(debrief);
    expect(page).toContain('critical misses: 1');
    expect(page).toContain('(critical miss)');
    expect(page).toContain('confirmed a departure as brandt (Overstay 100 days (admitted until 2026-08-29)) after 30 s');
    expect(page).toContain('held (not confirmed)');
  });

  it('a wrong look-alike is matched to the occupant it was picked for; a traveller who could leave, left held, is the lesser error', () => {
    const run = new TrainingRun('run-x', scenario, 'trainer', start);
    run.stepPlayed(0, at(20), []);
    run.departed(
      report(40, [
        confirmed('selma', 'departure', 'Departure confirmed (duration of status)', ['vera', 'selma']),
        held('brandt', 'Held for inspection by the officer'),
        held(null, 'Not identified: photograph or inspect documents'),
        held('walker', 'U.S. citizen: departure confirmed, no biometric record kept'),
        held('holloway', 'Departure confirmed'),
      ]),
      'kim',
    );
    run.end(at(100));
    const { steps, score } = run.debrief();
    expect(steps[4]).toMatchObject({ verdict: 'let_through', critical: true, departure: { travellerId: 'selma', among: ['vera', 'selma'] } });
    expect(steps.filter((s) => s.verdict === 'wrongly_held').map((s) => s.description)).toEqual(['walker (WALKER, Thomas) leaves in scripted vehicle 0, seat 3 of 5', 'holloway (HOLLOWAY, James) leaves in scripted vehicle 0, seat 4 of 5']);
    expect(score).toMatchObject({ criticalMisses: 1, counts: { wrongly_held: 2, correct: 2, let_through: 1 } });
  });

  it('an occupant no report showed on screen is missed, not held: an unseen overstayer never scores as correct; a hold gives way to a later confirmation', () => {
    const run = new TrainingRun('run-x', scenario, 'trainer', start);
    run.stepPlayed(0, at(20), []);
    // The cameras caught Holloway only; the trainee confirmed him.
    run.departed(report(40, [confirmed('holloway', 'departure', 'Departure confirmed')]), 'kim');
    // Brandt held by H, then released (Backspace) and confirmed: the confirmation is what counts.
    run.departed(report(45, [held('brandt', 'Held for inspection by the officer')]), 'kim');
    expect(run.debrief().steps[0]).toMatchObject({ verdict: 'correct', departure: { action: 'held' } });
    run.departed(report(55, [confirmed('brandt', 'departure', 'Overstay 100 days (admitted until 2026-08-29)'), held('brandt', 'again')]), 'kim');
    run.end(at(100));
    const { steps, score, notes } = run.debrief();
    expect(steps.map((s) => s.verdict)).toEqual(['let_through', 'missed', 'missed', 'correct', 'missed']);
    expect(steps[1]).toMatchObject({ departure: null, critical: false, message: 'never reported on screen: the departure was not handled, or the cameras never showed them (expected: not identified: photograph or inspect)' });
    expect(score).toMatchObject({ steps: 5, criticalMisses: 1, percent: 20, counts: { missed: 3 } });
    expect(notes).toEqual([]);
    expect(run.debrief().practise).toEqual([
      'Departure confirmed of a traveller to be held (step 1): read every card\'s alerts (overstay, lookout) and the look-alikes before pressing Enter',
      'Departing occupant never handled (step 1): count the people in the car against the cards on screen, then press Enter (H first on anyone to hold) before the car leaves',
    ]);
    expect(debriefHtml(trainingDebriefSchema.parse(run.debrief()))).toContain('nothing: never reported on screen');
  });

  it('ends by itself once every departure is played and every occupant reported on screen', () => {
    const one = parseTrainingScenario(
      JSON.stringify({ ...JSON.parse(readFileSync(new URL('../../assets/scenarios/exit-overstayer-twins.json', import.meta.url), 'utf8')), steps: [{ atSeconds: 1, kind: 'departs', occupants: ['holloway', 'brandt'], expectOccupants: [{ outcome: 'departure_confirmed' }, { outcome: 'held_with_alert', alerts: ['overstay'] }] }] }),
      'one.json',
    );
    const run = new TrainingRun('run-x', one, 'trainer', start);
    run.stepPlayed(0, at(1), []);
    expect(run.complete(1)).toBe(false);
    run.departed(report(9, [confirmed('holloway', 'departure', 'Departure confirmed')]), 'kim');
    // Brandt, to be held, is not settled until the lane showed him held (before, the run ended here, Brandt unseen).
    expect(run.complete(1)).toBe(false);
    run.departed(report(12, [held('brandt', 'Held for inspection by the officer')]), 'kim');
    expect(run.complete(1)).toBe(true);
  });
});
