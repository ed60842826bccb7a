import type { LaneType } from '../settings/boothSettings';
import type { LaneDirection } from '../settings/laneDirection';
import type { ExpectedDeparture } from './expectedDeparture';
import type { ScenarioPerson } from './scenarioPeople';

/** A scenario as its checks see it (the parsed fields, before the whole is refined). */
interface ScenarioShape {
  readonly laneType: LaneType;
  readonly direction: LaneDirection;
  readonly people?: readonly ScenarioPerson[] | undefined;
  readonly steps: readonly ({ readonly kind: string } & Partial<{ readonly occupants: unknown; readonly expectOccupants: unknown }>)[];
}

export interface ScenarioIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

const entryOnlySteps = new Set(['readDocument', 'documentReadFails', 'vehicleArrives']);

/**
 * What a departure scenario must hold together, each problem at the field it is in: departures only at an exit
 * booth and papers only at an entry one; every occupant one of the scenario's people, once per step; one expectation
 * per occupant; and no expectation the people's records contradict (a citizen outcome for a non-citizen, a lookout
 * hold for someone without a lookout, someone who never entered confirmed as identified). What the booth's face search
 * will find with real faces (a look-alike, a poor photo) the run shows; these catch the trainer's slips.
 */
export function exitScenarioIssues(scenario: ScenarioShape): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const people = new Map((scenario.people ?? []).map((p) => [p.id, p]));
  (scenario.people ?? []).forEach((person, index) => {
    if ((scenario.people ?? []).findIndex((p) => p.id === person.id) !== index) issues.push({ path: ['people', index, 'id'], message: `"${person.id}" is named twice: each person's id is their own` });
  });
  if (scenario.people && scenario.direction !== 'exit') issues.push({ path: ['people'], message: 'people are the departures of an exit scenario: set "direction": "exit"' });
  scenario.steps.forEach((step, index) => {
    if (step.kind === 'departs' && scenario.direction !== 'exit') issues.push({ path: ['steps', index, 'kind'], message: 'people depart only in an exit scenario: set "direction": "exit"' });
    if (entryOnlySteps.has(step.kind) && scenario.direction === 'exit') issues.push({ path: ['steps', index, 'kind'], message: `${step.kind} is an entry lane's step; an exit lane's travellers hand over nothing (use departs)` });
    if (step.kind !== 'departs') return;
    const occupants = step.occupants as readonly string[];
    const expectations = step.expectOccupants as readonly ExpectedDeparture[] | undefined;
    if (scenario.laneType !== 'vehicle' && occupants.length > 1) issues.push({ path: ['steps', index, 'occupants'], message: `one traveller at a time in a ${scenario.laneType} lane; ${occupants.length} given` });
    if (expectations && expectations.length !== occupants.length) issues.push({ path: ['steps', index, 'expectOccupants'], message: `${expectations.length} expectations for ${occupants.length} occupants: one per occupant, in order` });
    occupants.forEach((id, seat) => {
      if (!people.has(id)) issues.push({ path: ['steps', index, 'occupants', seat], message: `"${id}" is not one of the scenario's people (${[...people.keys()].join(', ') || 'none'})` });
      else if (occupants.indexOf(id) !== seat) issues.push({ path: ['steps', index, 'occupants', seat], message: `"${id}" is already in seat ${occupants.indexOf(id) + 1}` });
    });
    expectations?.forEach((expected, seat) => {
      const person = people.get(occupants[seat] ?? '');
      if (person) issues.push(...contradictions(person, expected, people).map((message) => ({ path: ['steps', index, 'expectOccupants', seat], message })));
    });
  });
  return issues;
}

/** Where an expectation contradicts the person's record (the face search aside). */
function contradictions(person: ScenarioPerson, expected: ExpectedDeparture, people: ReadonlyMap<string, ScenarioPerson>): string[] {
  const found: string[] = [];
  const pick = typeof expected.resolve === 'object' ? expected.resolve.pick : null;
  const picked = pick === null ? person : people.get(pick);
  if (pick !== null && !picked) return [`resolve.pick: "${pick}" is not one of the scenario's people`];
  if (pick !== null && !picked?.entered) found.push(`resolve.pick: "${pick}" never entered, so is not in the gallery to be picked`);
  const identifiedAs = picked ?? person;
  if ((expected.outcome === 'citizen' || expected.outcome === 'opt_out') && !identifiedAs.usCitizen) found.push(`outcome: ${identifiedAs.id} is not a U.S. citizen (usCitizen: false)`);
  if (expected.outcome === 'citizen' && !identifiedAs.entered) found.push(`outcome: ${identifiedAs.id} is not in the gallery (entered: null), so cannot be identified as a citizen`);
  if ((expected.outcome === 'departure_confirmed' || expected.outcome === 'held_with_alert') && !identifiedAs.entered) {
    found.push(`outcome: ${identifiedAs.id} never entered (entered: null), so the gallery cannot identify them: expect not_identified`);
  }
  if (expected.outcome === 'not_identified' && person.entered && expected.resolve !== 'none_of_them') found.push(`outcome: ${person.id} is in the gallery (entered), so the booth identifies them; not_identified is for someone who never entered, or with resolve "none_of_them"`);
  if (expected.outcome === 'departure_confirmed' && identifiedAs.alerts.some((a) => a.kind === 'lookout')) found.push(`outcome: ${identifiedAs.id} has a lookout: the booth holds them (held_with_alert)`);
  for (const alert of expected.alerts ?? []) {
    if (alert === 'overstay') {
      const until = identifiedAs.entered?.admitUntil;
      if (until === null || until === undefined || identifiedAs.usCitizen) found.push(`alerts: ${identifiedAs.id} has no admit-until date to overstay`);
      else if (typeof until === 'object' && until.daysFromStart >= 0) found.push(`alerts: ${identifiedAs.id} is admitted until ${until.daysFromStart} days after the start: no overstay`);
    } else if (!identifiedAs.alerts.some((a) => a.kind === alert)) found.push(`alerts: ${identifiedAs.id}'s record has no ${alert} alert`);
  }
  return found;
}
