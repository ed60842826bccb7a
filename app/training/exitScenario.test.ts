import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTrainingScenario, scenarioFitsBooth, scenarioMisfit } from './trainingScenario';
import { scenarioDateOn, scenarioGalleryEntries } from './scenarioPeople';

const shipped = readFileSync(new URL('../../assets/scenarios/exit-overstayer-twins.json', import.meta.url), 'utf8');

const person = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  surname: id,
  givenNames: 'A',
  birthDate: '1970-01-01',
  citizenship: 'GBR',
  documentNumber: 'X1234567',
  face: { identity: 'Tony_Blair' },
  entered: { admitUntil: { daysFromStart: 30 } },
  ...fields,
});
const exitScenario = (fields: Record<string, unknown> = {}) => ({
  name: 'exit-test',
  description: 'Departures.',
  laneType: 'vehicle',
  direction: 'exit',
  people: [person('ontime'), person('over', { entered: { admitUntil: { daysFromStart: -10 } } }), person('citizen', { usCitizen: true, citizenship: 'USA', entered: { admitUntil: null } }), person('never', { entered: null })],
  steps: [{ atSeconds: 5, kind: 'departs', occupants: ['ontime', 'over'], expectOccupants: [{ outcome: 'departure_confirmed' }, { outcome: 'held_with_alert', alerts: ['overstay'] }] }],
  ...fields,
});
const parse = (scenario: unknown) => parseTrainingScenario(JSON.stringify(scenario), 'exit.json');
/** The error a bad scenario is refused with. */
const refusal = (scenario: unknown) => {
  try {
    parse(scenario);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the scenario was accepted');
};

describe('exit training scenarios', () => {
  it('the shipped exit scenario parses: direction exit, its people and departures with one expectation per occupant', () => {
    const scenario = parseTrainingScenario(shipped, 'exit-overstayer-twins.json');
    expect(scenario).toMatchObject({ direction: 'exit', laneType: 'vehicle' });
    expect(scenario.people?.map((p) => p.id)).toEqual(['holloway', 'brandt', 'walker', 'alvarez', 'vera', 'selma', 'lindqvist', 'nakamura']);
    const first = scenario.steps[0];
    expect(first?.kind === 'departs' && first.expectOccupants?.map((e) => e.outcome)).toEqual(['held_with_alert', 'not_identified', 'citizen', 'departure_confirmed', 'not_identified']);
  });

  it('builds the run\'s gallery from who entered, dates counted from the run\'s start', () => {
    const scenario = parseTrainingScenario(shipped, 'x');
    const entries = scenarioGalleryEntries(scenario.people ?? [], '2026-12-07');
    expect(entries.map((e) => e.travellerId)).toEqual(['holloway', 'brandt', 'walker', 'vera', 'selma', 'lindqvist', 'nakamura']);
    expect(entries.find((e) => e.travellerId === 'brandt')).toMatchObject({ surname: 'BRANDT', admitUntil: '2026-08-29', usCitizen: false, classOfAdmission: 'WT' });
    expect(entries.find((e) => e.travellerId === 'walker')).toMatchObject({ usCitizen: true, admitUntil: null });
    expect(entries.find((e) => e.travellerId === 'vera')?.admitUntil).toBeNull();
    expect(entries.find((e) => e.travellerId === 'nakamura')?.alerts).toEqual([
      { alertId: 'TR-nakamura-1', kind: 'lookout', severity: 'hit', summary: 'Lookout: to be stopped on departure (training record)' },
      { alertId: 'TR-nakamura-2', kind: 'prior_removal', severity: 'notice', summary: 'Removed 2019-04-02 (training record)' },
    ]);
    expect(scenarioDateOn({ daysFromStart: -1 }, '2028-03-01')).toBe('2028-02-29');
    expect(scenarioDateOn('2026-01-02', '2028-03-01')).toBe('2026-01-02');
  });

  it('plays on an exit booth of its lane only', () => {
    expect(scenarioFitsBooth({ laneType: 'vehicle', direction: 'exit' }, { laneType: 'vehicle', direction: 'exit' })).toBe(true);
    expect(scenarioFitsBooth({ laneType: 'vehicle', direction: 'exit' }, { laneType: 'vehicle', direction: 'entry' })).toBe(false);
    expect(scenarioFitsBooth({ laneType: 'vehicle' }, { laneType: 'vehicle', direction: 'exit' })).toBe(false);
    expect(scenarioMisfit({ name: 'x', laneType: 'vehicle', direction: 'exit' }, { laneType: 'vehicle', direction: 'entry' })).toBe('Training scenario "x" is for an exit lane; this booth\'s direction is "entry".');
  });

  it('refuses bad files, naming the field', () => {
    const steps = (step: Record<string, unknown>) => exitScenario({ steps: [{ atSeconds: 5, kind: 'departs', ...step }] });
    expect(refusal(exitScenario({ direction: 'entry' }))).toContain('people: people are the departures of an exit scenario: set "direction": "exit"');
    expect(refusal(exitScenario({ direction: 'entry' }))).toContain('steps.0.kind: people depart only in an exit scenario');
    expect(refusal(exitScenario({ steps: [{ atSeconds: 1, kind: 'readDocument', traveller: 0 }] }))).toContain("steps.0.kind: readDocument is an entry lane's step");
    expect(refusal(steps({ occupants: ['ontime', 'nobody'] }))).toContain('steps.0.occupants.1: "nobody" is not one of the scenario\'s people (ontime, over, citizen, never)');
    expect(refusal(steps({ occupants: ['ontime', 'ontime'] }))).toContain('steps.0.occupants.1: "ontime" is already in seat 1');
    expect(refusal(steps({ occupants: ['ontime'], expectOccupants: [{ outcome: 'departure_confirmed' }, { outcome: 'citizen' }] }))).toContain('steps.0.expectOccupants: 2 expectations for 1 occupants');
    expect(refusal(steps({ occupants: ['over'], expectOccupants: [{ outcome: 'held_with_alert' }] }))).toContain('steps.0.expectOccupants.0.alerts: held_with_alert names the alert');
    expect(refusal(steps({ occupants: ['ontime'], expectOccupants: [{ outcome: 'citizen' }] }))).toContain('steps.0.expectOccupants.0: outcome: ontime is not a U.S. citizen');
    expect(refusal(steps({ occupants: ['ontime'], expectOccupants: [{ outcome: 'held_with_alert', alerts: ['lookout'] }] }))).toContain("steps.0.expectOccupants.0: alerts: ontime's record has no lookout alert");
    expect(refusal(steps({ occupants: ['ontime'], expectOccupants: [{ outcome: 'held_with_alert', alerts: ['overstay'] }] }))).toContain('alerts: ontime is admitted until 30 days after the start: no overstay');
    expect(refusal(steps({ occupants: ['never'], expectOccupants: [{ outcome: 'departure_confirmed' }] }))).toContain('outcome: never never entered (entered: null), so the gallery cannot identify them');
    expect(refusal(steps({ occupants: ['ontime'], expectOccupants: [{ outcome: 'not_identified' }] }))).toContain('outcome: ontime is in the gallery (entered)');
    expect(refusal(steps({ occupants: ['ontime'], expectOccupants: [{ outcome: 'departure_confirmed', resolve: 'none_of_them' }] }))).toContain('steps.0.expectOccupants.0.resolve: ruling out every look-alike leaves the traveller not identified');
    expect(refusal(steps({ occupants: ['ontime'], expectOccupants: [{ outcome: 'departure_confirmed', resolve: { pick: 'never' } }] }))).toContain('resolve.pick: "never" never entered');
    expect(refusal(steps({ occupants: ['ontime'], expectOccupants: [{ outcome: 'departed' }] }))).toContain('steps.0.expectOccupants.0.outcome');
    expect(refusal(exitScenario({ laneType: 'air', steps: [{ atSeconds: 5, kind: 'departs', occupants: ['ontime', 'over'] }] }))).toContain('steps.0.occupants: one traveller at a time in a air lane; 2 given');
    expect(refusal(exitScenario({ people: [person('a b')] }))).toContain('people.0.id: must be lower-case letters');
    expect(refusal(exitScenario({ people: [person('ontime'), person('ontime')] }))).toContain('people.1.id: "ontime" is named twice');
    expect(refusal(exitScenario({ people: [person('ontime', { face: { identity: '../etc' } })] }))).toContain('people.0.face.identity: a faces-lfw identity folder name');
    expect(refusal(exitScenario({ people: [person('ontime', { entered: { admitUntil: { daysFromStart: -99999 } } })] }))).toContain('people.0.entered.admitUntil');
    expect(refusal(exitScenario({ people: [person('ontime', { alerts: [{ kind: 'visa', summary: 'x' }] })] }))).toContain('people.0.alerts.0.kind');
    expect(refusal(exitScenario({ people: [person('ontime', { smile: true })] }))).toContain('people.0: Unrecognized key: "smile"');
  });
});
