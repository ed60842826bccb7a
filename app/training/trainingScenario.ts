import { z } from 'zod';
import { deviceKindSchema } from '../ports/deviceStatus';
import { laneTypeSchema, type LaneType } from '../settings/boothSettings';
import { simulatedChipFaultsSchema, simulatedVehicleArrivalSchema } from '../host/simulatorControls';
import { assertNever } from '../shared/assertNever';
import { describeSchemaError } from '../shared/describeSchemaError';
import { describeExpectation, expectedDecisionSchema, type ExpectedDecision } from './expectedDecision';
import { stepFacesSchema, type StepFaces } from './lookAlike';
import { laneDirectionSchema, type LaneDirection } from '../settings/laneDirection';
import { describeDepartureExpectation, expectedDepartureSchema } from './expectedDeparture';
import { exitScenarioIssues } from './exitScenarioChecks';
import { personIdSchema, scenarioPersonSchema } from './scenarioPeople';

/** When a step happens, in seconds after the scenario starts (up to an hour: a training run, not a shift). */
const atSeconds = z.number().min(0).max(3600);

/** The reasons a simulated read can fail with (the codes real readers report; see mrzReadError.ts). */
const readFailureCodes = ['partial_read', 'disconnected', 'garbage', 'line_length', 'line_count', 'line_order'] as const;

/**
 * One timed step of a training scenario. Every kind maps onto a control the booth's simulators already
 * have (SimulatorControls), so a scenario can only ask for what the simulated booth can play.
 */
export const trainingStepSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    atSeconds,
    /** The simulated reader reads this scripted traveller's document (its chip is then placed and read). */
    kind: z.literal('readDocument'),
    /** Index of the scripted traveller (simulatedTravellers.ts): e.g. 0 valid, 2 lookout hit, 4 expired passport. */
    traveller: z.number().int().min(0).max(99),
    /** Who stands at the camera instead of the traveller's own face: a look-alike impostor, or a genuine traveller the booth does not match (needs the face index). */
    faces: stepFacesSchema.optional(),
    /** What a correct officer does with this traveller (scored when the trainee decides). */
    expect: expectedDecisionSchema.optional(),
  }),
  z.strictObject({
    atSeconds,
    /** The reader's output does not become a read (a smudged or half-swiped document); the officer must scan again. */
    kind: z.literal('documentReadFails'),
    code: z.enum(readFailureCodes),
    message: z.string().min(1).max(300),
  }),
  z.strictObject({
    atSeconds,
    /** Faults of the next passports placed on the simulated chip reader (replaces the previous faults). */
    kind: z.literal('chipFaults'),
    faults: simulatedChipFaultsSchema,
  }),
  z.strictObject({
    atSeconds,
    /** A simulated device is unplugged (connected: false) or plugged back in. */
    kind: z.literal('device'),
    device: deviceKindSchema,
    connected: z.boolean(),
  }),
  z.strictObject({
    atSeconds,
    /** The records service goes down (true) or comes back (false). */
    kind: z.literal('recordsOutage'),
    active: z.boolean(),
  }),
  z.strictObject({
    atSeconds,
    /** A scripted vehicle arrives (vehicle lanes only): plates, cards, documents at the window. */
    kind: z.literal('vehicleArrives'),
    arrival: simulatedVehicleArrivalSchema.default({}),
    /** Who sits in each seat instead of the occupant's own face (null: their own), in occupant order: e.g. a look-alike impostor in the back. */
    occupantFaces: z.array(stepFacesSchema.nullable()).min(1).max(5).optional(),
    /** What a correct officer does with each occupant, in the vehicle's occupant order. */
    expectOccupants: z.array(expectedDecisionSchema).min(1).max(9).optional(),
  }),
  z.strictObject({
    atSeconds,
    /**
     * Exit lanes: people of the scenario leave (a vehicle's occupants, driver first; one traveller in other lanes).
     * Their faces appear on the exit cameras; in a vehicle lane the plate camera reads `vehicle`'s plate.
     */
    kind: z.literal('departs'),
    vehicle: z.number().int().min(0).max(99).optional(),
    occupants: z.array(personIdSchema).min(1).max(8),
    /** What a correct officer does with each occupant, in occupant order. */
    expectOccupants: z.array(expectedDepartureSchema).min(1).max(8).optional(),
  }),
]);
export type TrainingStep = z.output<typeof trainingStepSchema>;
export type TrainingStepKind = TrainingStep['kind'];

/** A scenario's short id, used on the command line, in the trainer panel and on training:start, e.g. `clean-then-expired`. */
export const trainingScenarioNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be lower-case letters, digits and dashes (at most 60)');

/** A scripted training scenario: what the simulated booth does, and when, while a trainee works the lane. */
/** Why an expectation contradicts the faces a step casts (a look-alike is an impostor, a genuine non-match is not), or null. */
function impostorMismatch(faces: StepFaces | null | undefined, expected: ExpectedDecision | undefined): string | null {
  if (!faces || !expected || expected.impostor === (faces.kind === 'lookAlike')) return null;
  return faces.kind === 'lookAlike' ? 'a look-alike is an impostor: the expectation must say "impostor": true' : 'a genuine non-match is the document holder: the expectation must not say "impostor": true';
}

export const trainingScenarioSchema = z
  .strictObject({
    name: trainingScenarioNameSchema,
    /** What the trainee should see and do; shown to the trainer. */
    description: z.string().min(1).max(1000),
    /** The lane the scenario is written for; the booth must serve that lane. */
    laneType: laneTypeSchema,
    /** The booth's direction the scenario is written for (default entry): an exit scenario scripts departures. */
    direction: laneDirectionSchema.default('entry'),
    /** Exit scenarios: who may leave, what the records service holds of them (the run's exit gallery), who plays them. */
    people: z.array(scenarioPersonSchema).max(40).optional(),
    steps: z.array(trainingStepSchema).min(1).max(200),
  })
  .superRefine((scenario, context) => {
    scenario.steps.forEach((step, index) => {
      const previous = scenario.steps[index - 1];
      if (previous && step.atSeconds < previous.atSeconds) {
        context.addIssue({ code: 'custom', path: ['steps', index, 'atSeconds'], message: `${step.atSeconds} is before the previous step's ${previous.atSeconds}: steps are listed in time order` });
      }
      if (step.kind === 'vehicleArrives' && step.expectOccupants && step.arrival.occupants && step.expectOccupants.length !== step.arrival.occupants.length) {
        context.addIssue({ code: 'custom', path: ['steps', index, 'expectOccupants'], message: `${step.expectOccupants.length} expectations for ${step.arrival.occupants.length} occupants: one per occupant, in order` });
      }
      if (step.kind === 'readDocument') {
        const message = impostorMismatch(step.faces, step.expect);
        if (message) context.addIssue({ code: 'custom', path: ['steps', index, 'expect', 'impostor'], message });
      }
      if (step.kind === 'vehicleArrives' && step.occupantFaces && step.arrival.vehicle === undefined && !step.arrival.occupants) {
        context.addIssue({ code: 'custom', path: ['steps', index, 'occupantFaces'], message: 'faces are cast per occupant: name the vehicle (arrival.vehicle) or its occupants' });
      }
      if (step.kind === 'vehicleArrives' && step.occupantFaces) {
        step.occupantFaces.forEach((faces, occupant) => {
          const message = impostorMismatch(faces, step.expectOccupants?.[occupant]);
          if (message) context.addIssue({ code: 'custom', path: ['steps', index, 'expectOccupants', occupant, 'impostor'], message });
        });
      }
      if (step.kind === 'vehicleArrives' && scenario.laneType !== 'vehicle') {
        context.addIssue({ code: 'custom', path: ['steps', index, 'kind'], message: `vehicles arrive only in a vehicle lane; this scenario's laneType is "${scenario.laneType}"` });
      }
    });
    for (const issue of exitScenarioIssues(scenario)) context.addIssue({ code: 'custom', ...issue });
  });
export type TrainingScenario = z.output<typeof trainingScenarioSchema>;

/**
 * Whether a scenario written for `scenarioLane` plays on a booth serving `boothLane`: the same lane, or any two
 * one-traveller lanes (air, sea, pedestrian share the traveller view and every step but vehicle arrivals).
 */
export function scenarioFitsLane(scenarioLane: LaneType, boothLane: LaneType): boolean {
  return scenarioLane === boothLane || (scenarioLane !== 'vehicle' && boothLane !== 'vehicle');
}

/** Whether a scenario plays on a booth: a lane it fits (scenarioFitsLane) and the booth's direction (exit scenarios script departures). */
export function scenarioFitsBooth(scenario: { readonly laneType: LaneType; readonly direction?: LaneDirection }, booth: { readonly laneType: LaneType; readonly direction?: LaneDirection }): boolean {
  return scenarioFitsLane(scenario.laneType, booth.laneType) && (scenario.direction ?? 'entry') === (booth.direction ?? 'entry');
}

/** Why a scenario does not play on a booth, in one sentence (for the trainer and the command line). */
export function scenarioMisfit(scenario: { readonly name: string; readonly laneType: LaneType; readonly direction?: LaneDirection }, booth: { readonly laneType: LaneType; readonly direction?: LaneDirection }): string {
  if (!scenarioFitsLane(scenario.laneType, booth.laneType)) return `Training scenario "${scenario.name}" is for a ${scenario.laneType} lane; this booth's laneType is "${booth.laneType}".`;
  return `Training scenario "${scenario.name}" is for an ${scenario.direction ?? 'entry'} lane; this booth's direction is "${booth.direction ?? 'entry'}".`;
}

export class TrainingScenarioError extends Error {
  readonly code = 'invalid_scenario';
}

/**
 * Parses a scenario file's text. A bad file throws a TrainingScenarioError naming the file and each wrong
 * field by its path, e.g. `steps.2.traveller: Too big: expected number to be <=99`.
 */
export function parseTrainingScenario(text: string, source: string): TrainingScenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TrainingScenarioError(`Training scenario ${source} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = trainingScenarioSchema.safeParse(json);
  if (!parsed.success) throw new TrainingScenarioError(`Training scenario ${source} is invalid: ${describeSchemaError(parsed.error, { root: '(file)' })}`);
  return parsed.data;
}

/** The step and what a correct officer does with whom it brings, e.g. "… traveller 4's document; expected: refer, naming document_refused". */
export function describeStepWithExpectations(step: TrainingStep): string {
  const described = describeTrainingStep(step);
  if (step.kind === 'readDocument' && step.expect) return `${described}; expected: ${describeExpectation(step.expect)}`;
  if (step.kind === 'vehicleArrives' && step.expectOccupants) return `${described}; expected: ${step.expectOccupants.map((e, i) => `occupant ${i + 1} ${describeExpectation(e)}`).join('; ')}`;
  if (step.kind === 'departs' && step.expectOccupants) return `${described}; expected: ${step.expectOccupants.map((e, i) => `${step.occupants[i] ?? `occupant ${i + 1}`} ${describeDepartureExpectation(e)}`).join('; ')}`;
  return described;
}

/** One line a trainer reads for a step, e.g. "read traveller 4's document". */
export function describeTrainingStep(step: TrainingStep): string {
  switch (step.kind) {
    case 'readDocument':
      if (step.faces?.kind === 'lookAlike') return `the reader reads scripted traveller ${step.traveller}'s document, presented by a look-alike impostor (${step.faces.match} the booth's threshold, seed ${step.faces.seed})`;
      if (step.faces?.kind === 'genuineNonMatch') return `a genuine traveller the booth does not match presents their document (seed ${step.faces.seed})`;
      return `the reader reads scripted traveller ${step.traveller}'s document`;
    case 'documentReadFails':
      return `a document read fails (${step.code})`;
    case 'chipFaults': {
      const faults = [step.faults.clone && 'cloned chip', step.faults.sod !== 'valid' && `${step.faults.sod} SOD`, step.faults.alteredDataGroups.length > 0 && `altered DG${step.faults.alteredDataGroups.join(', DG')}`].filter(Boolean);
      return faults.length > 0 ? `next chips: ${faults.join(', ')}` : 'next chips are genuine';
    }
    case 'device':
      return `${step.device} ${step.connected ? 'plugged back in' : 'unplugged'}`;
    case 'recordsOutage':
      return step.active ? 'the records service goes down' : 'the records service comes back';
    case 'vehicleArrives':
      return `${step.arrival.vehicle === undefined ? 'the next scripted vehicle arrives' : `scripted vehicle ${step.arrival.vehicle} arrives`}${
        step.occupantFaces?.some(Boolean) ? ` (${step.occupantFaces.flatMap((f, i) => (f ? [`occupant ${i + 1}: ${f.kind === 'lookAlike' ? 'a look-alike impostor' : 'a genuine non-match'}`] : [])).join(', ')})` : ''
      }`;
    case 'departs':
      return `${step.occupants.length === 1 ? `${step.occupants[0]} leaves` : `${step.occupants.join(', ')} leave`}${step.vehicle === undefined ? '' : ` in scripted vehicle ${step.vehicle}`}`;
    default:
      return assertNever(step, 'training step');
  }
}
