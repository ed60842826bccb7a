import { describe, expect, it } from 'vitest';
import { describeTrainingStep, parseTrainingScenario, scenarioFitsLane, TrainingScenarioError } from './trainingScenario';

const good = {
  name: 'clean-then-expired',
  description: 'A clean traveller, then an expired passport.',
  laneType: 'pedestrian',
  steps: [
    { atSeconds: 0, kind: 'recordsOutage', active: true },
    { atSeconds: 1, kind: 'chipFaults', faults: { clone: true } },
    { atSeconds: 2, kind: 'readDocument', traveller: 0 },
    { atSeconds: 2, kind: 'documentReadFails', code: 'partial_read', message: 'pulled out too fast' },
    { atSeconds: 9.5, kind: 'device', device: 'documentReader', connected: false },
  ],
};

const withSteps = (steps: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ ...good, ...extra, steps });
const errorOf = (text: string) => {
  try {
    parseTrainingScenario(text, 'bad.json');
  } catch (error) {
    expect(error).toBeInstanceOf(TrainingScenarioError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
};

describe('parseTrainingScenario', () => {
  it('parses a good file, filling the chip faults left out with their defaults', () => {
    const scenario = parseTrainingScenario(JSON.stringify(good), 'good.json');
    expect(scenario.name).toBe('clean-then-expired');
    expect(scenario.steps).toHaveLength(5);
    expect(scenario.steps[1]).toEqual({ atSeconds: 1, kind: 'chipFaults', faults: { clone: true, alteredDataGroups: [], sod: 'valid' } });
    expect(scenario.steps.map(describeTrainingStep)).toEqual([
      'the records service goes down',
      'next chips: cloned chip',
      "the reader reads scripted traveller 0's document",
      'a document read fails (partial_read)',
      'documentReader unplugged',
    ]);
  });

  it('accepts vehicle arrivals in a vehicle lane, with or without a chosen vehicle', () => {
    const scenario = parseTrainingScenario(withSteps([{ atSeconds: 0, kind: 'vehicleArrives' }, { atSeconds: 5, kind: 'vehicleArrives', arrival: { vehicle: 1 } }], { laneType: 'vehicle' }), 'v.json');
    expect(scenario.steps.map(describeTrainingStep)).toEqual(['the next scripted vehicle arrives', 'scripted vehicle 1 arrives']);
  });

  it('names the file and the wrong field of each kind of bad file', () => {
    expect(errorOf('{oops')).toMatch(/^Training scenario bad\.json is not valid JSON: /);
    expect(errorOf(withSteps([{ atSeconds: 0, kind: 'teleport' }]))).toBe(
      "Training scenario bad.json is invalid: steps.0.kind: Invalid discriminator value. Expected 'readDocument' | 'documentReadFails' | 'chipFaults' | 'device' | 'recordsOutage' | 'vehicleArrives' | 'departs'",
    );
    expect(errorOf(withSteps([{ atSeconds: 0, kind: 'readDocument' }]))).toBe('Training scenario bad.json is invalid: steps.0.traveller: Invalid input: expected number, received undefined');
    expect(errorOf(withSteps([{ atSeconds: 5, kind: 'readDocument', traveller: 0 }, { atSeconds: 2, kind: 'readDocument', traveller: 1 }]))).toBe(
      "Training scenario bad.json is invalid: steps.1.atSeconds: 2 is before the previous step's 5: steps are listed in time order",
    );
    expect(errorOf(withSteps([{ atSeconds: 0, kind: 'vehicleArrives' }]))).toBe(
      'Training scenario bad.json is invalid: steps.0.kind: vehicles arrive only in a vehicle lane; this scenario\'s laneType is "pedestrian"',
    );
    expect(errorOf(withSteps([{ atSeconds: 0, kind: 'chipFaults', faults: { sod: 'fake' } }]))).toBe(
      'Training scenario bad.json is invalid: steps.0.faults.sod: Invalid option: expected one of "valid"|"forged"|"missing"|"untrusted"',
    );
    expect(errorOf(withSteps([{ atSeconds: -1, kind: 'device', device: 'toaster', connected: false }]))).toBe(
      'Training scenario bad.json is invalid: steps.0.atSeconds: Too small: expected number to be >=0; steps.0.device: Invalid option: expected one of "camera"|"documentReader"|"chipReader"|"plateReader"|"rfidReader"|"recordsService"',
    );
    expect(errorOf(withSteps([{ atSeconds: 0, kind: 'recordsOutage', active: true, extra: 1 }]))).toBe('Training scenario bad.json is invalid: steps.0: Unrecognized key: "extra"');
    expect(errorOf(withSteps([]))).toBe('Training scenario bad.json is invalid: steps: Too small: expected array to have >=1 items');
    expect(errorOf(JSON.stringify({ ...good, laneType: 'bus' }))).toBe('Training scenario bad.json is invalid: laneType: Invalid option: expected one of "air"|"sea"|"pedestrian"|"vehicle"');
    expect(errorOf(JSON.stringify({ ...good, name: 'Bad Name' }))).toBe('Training scenario bad.json is invalid: name: must be lower-case letters, digits and dashes (at most 60)');
    expect(errorOf(JSON.stringify({ ...good, colour: 'red' }))).toBe('Training scenario bad.json is invalid: (file): Unrecognized key: "colour"');
  });

  it('a one-traveller scenario fits every one-traveller lane; a vehicle scenario only the vehicle lane', () => {
    expect(scenarioFitsLane('pedestrian', 'air')).toBe(true);
    expect(scenarioFitsLane('sea', 'pedestrian')).toBe(true);
    expect(scenarioFitsLane('vehicle', 'vehicle')).toBe(true);
    expect(scenarioFitsLane('pedestrian', 'vehicle')).toBe(false);
    expect(scenarioFitsLane('vehicle', 'air')).toBe(false);
  });

  it('casts look-alikes and genuine non-matches strictly, their expectations consistent with who stands there', () => {
    const lookAlike = { atSeconds: 0, kind: 'readDocument', traveller: 1, faces: { kind: 'lookAlike', match: 'above' } };
    const parsed = parseTrainingScenario(withSteps([{ ...lookAlike, expect: { outcome: 'refer', impostor: true } }]), 'ok.json');
    expect(parsed.steps[0]).toMatchObject({ faces: { kind: 'lookAlike', match: 'above', seed: 0 } });
    expect(describeTrainingStep(parsed.steps[0]!)).toBe("the reader reads scripted traveller 1's document, presented by a look-alike impostor (above the booth's threshold, seed 0)");
    expect(errorOf(withSteps([{ ...lookAlike, expect: { outcome: 'refer' } }]))).toBe(
      'Training scenario bad.json is invalid: steps.0.expect.impostor: a look-alike is an impostor: the expectation must say "impostor": true',
    );
    expect(errorOf(withSteps([{ ...lookAlike, faces: { kind: 'genuineNonMatch' }, expect: { outcome: 'refer', impostor: true } }]))).toBe(
      'Training scenario bad.json is invalid: steps.0.expect.impostor: a genuine non-match is the document holder: the expectation must not say "impostor": true',
    );
    expect(errorOf(withSteps([{ ...lookAlike, faces: { kind: 'lookAlike', match: 'near' } }]))).toMatch(/^Training scenario bad\.json is invalid: steps\.0\.faces\.match: Invalid option/);
    expect(errorOf(withSteps([{ ...lookAlike, faces: { kind: 'lookAlike', match: 'above', who: 'x' } }]))).toBe('Training scenario bad.json is invalid: steps.0.faces: Unrecognized key: "who"');
    const car = { atSeconds: 0, kind: 'vehicleArrives', occupantFaces: [null, { kind: 'lookAlike', match: 'above' }] };
    expect(errorOf(withSteps([car], { laneType: 'vehicle' }))).toBe('Training scenario bad.json is invalid: steps.0.occupantFaces: faces are cast per occupant: name the vehicle (arrival.vehicle) or its occupants');
    expect(errorOf(withSteps([{ ...car, arrival: { vehicle: 0 }, expectOccupants: [{ outcome: 'clear' }, { outcome: 'refer' }] }], { laneType: 'vehicle' }))).toBe(
      'Training scenario bad.json is invalid: steps.0.expectOccupants.1.impostor: a look-alike is an impostor: the expectation must say "impostor": true',
    );
  });
});
