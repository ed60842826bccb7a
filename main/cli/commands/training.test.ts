import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBuiltInScenarios } from '../../services/trainingScenarioFiles';
import { builtInScenariosDir, runTrainingList, runTrainingValidate } from './training';

const dir = mkdtempSync(join(tmpdir(), 'booth-training-cli-'));
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const scenario = (step: Record<string, unknown>) => ({ name: 'mine', description: 'One traveller.', laneType: 'air', steps: [{ atSeconds: 0, kind: 'readDocument', traveller: 2, ...step }] });

describe('booth training validate', () => {
  it('exits 0 and prints each step with what a correct officer does', () => {
    const outcome = runTrainingValidate(join(builtInScenariosDir, 'clean-then-expired.json'));
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toBe(
      [
        'valid: clean-then-expired (pedestrian lane, 2 steps)',
        "  1. at 2 s: the reader reads scripted traveller 0's document; expected: clear, within 40 s",
        "  2. at 45 s: the reader reads scripted traveller 4's document; expected: refer, naming document_refused, within 40 s",
        '',
      ].join('\n'),
    );
    const impostor = runTrainingValidate(write('impostor.json', scenario({ expect: { outcome: 'refer', impostor: true, reasons: ['lookout_hit', 'face_not_matched'], supervisorAlert: true } })));
    expect(impostor.stdout).toContain('expected: refer, an impostor, naming lookout_hit or face_not_matched, with a supervisor alerted');
    expect(runTrainingValidate(write('unscored.json', scenario({}))).stdout).toMatch(/note: 1 step\(s\) bring travellers without an expectation: they are not scored/);
  });

  it('exits 1 naming the wrong field, strictly (an unknown field is wrong too)', () => {
    const bad = runTrainingValidate(write('bad.json', scenario({ expect: { outcome: 'maybe' } })));
    expect(bad).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^Training scenario bad\.json is invalid: steps\.0\.expect\.outcome: /) });
    expect(runTrainingValidate(write('extra.json', scenario({ expect: { outcome: 'refer', hint: 'look closely' } }))).stderr).toMatch(/steps\.0\.expect: Unrecognized key: "hint"/);
    expect(runTrainingValidate(write('clear-reasons.json', scenario({ expect: { outcome: 'clear', reasons: ['lookout_hit'] } }))).stderr).toMatch(/steps\.0\.expect\.reasons: reasons are what a referral must name/);
    const vehicle = { name: 'car', description: 'A car.', laneType: 'vehicle', steps: [{ atSeconds: 0, kind: 'vehicleArrives', arrival: { vehicle: 1 }, expectOccupants: [{ outcome: 'refer' }] }] };
    expect(runTrainingValidate(write('car.json', vehicle)).stderr).toMatch(/steps\.0\.expectOccupants: 1 expectations for the vehicle's 2 occupants/);
    expect(runTrainingValidate(write('not-json.json', '{')).exitCode).toBe(1);
  });

  it('exits 2 on a file it cannot read', () => {
    expect(runTrainingValidate(join(dir, 'missing.json'))).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/cannot read .*missing\.json/) });
  });
});

describe('booth training list and the built-ins', () => {
  it('lists every built-in with its lane and description', () => {
    const { stdout, exitCode } = runTrainingList();
    expect(exitCode).toBe(0);
    expect(stdout.trim().split('\n').map((line) => line.split(' ')[0])).toEqual(['clean-lane', 'clean-then-expired', 'clone-during-records-outage', 'cloned-chip', 'exit-overstayer-twins', 'genuine-non-match', 'look-alike-impostor', 'records-outage', 'vehicle-forged-sod-reader-unplugged', 'vehicle-rear-seat-impostor']);
    expect(stdout).toContain('clone-during-records-outage (pedestrian, 7 steps): The records service goes down');
    expect(stdout).toContain('exit-overstayer-twins (exit vehicle, 2 steps): Exit vehicle lane');
  });

  it('every built-in step that brings a traveller or a vehicle says what a correct officer does', () => {
    for (const builtIn of listBuiltInScenarios(builtInScenariosDir)) {
      for (const step of builtIn.steps) {
        if (step.kind === 'readDocument') expect(step.expect, `${builtIn.name} at ${step.atSeconds} s`).toBeDefined();
        if (step.kind === 'vehicleArrives' || step.kind === 'departs') expect(step.expectOccupants, `${builtIn.name} at ${step.atSeconds} s`).toBeDefined();
      }
      expect(readFileSync(join(builtInScenariosDir, `${builtIn.name}.json`), 'utf8')).toContain('"expect');
    }
  });
});
