import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseTrainingScenario, TrainingScenarioError, type TrainingScenario } from '../../app/training/trainingScenario';
import { simulatedTravellers } from '../../native-bridges/document-reader/simulatedTravellers';
import { simulatedVehicles } from '../../native-bridges/plate-reader/simulatedVehicles.node.ts';

/** Where the built-in scenarios are, below the app's root (the launcher and Electron each know their root). */
export const builtInScenariosFolder = 'assets/scenarios';

/** Every built-in scenario, by file name order. A bad built-in file throws: it is a bug, and its test says which. */
export function listBuiltInScenarios(dir: string): TrainingScenario[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => readScenarioFile(join(dir, file)));
}

/**
 * A scenario by built-in name (`clean-then-expired`) or by file path (anything with a slash or ending in .json).
 * Throws a TrainingScenarioError naming the file and the wrong field, or the built-in names when none matches.
 */
export function loadTrainingScenario(nameOrPath: string, dir: string): TrainingScenario {
  const isPath = nameOrPath.includes('/') || nameOrPath.includes('\\') || nameOrPath.endsWith('.json');
  if (isPath) {
    const path = resolve(nameOrPath);
    if (!existsSync(path)) throw new TrainingScenarioError(`Training scenario file ${path} does not exist.`);
    return readScenarioFile(path);
  }
  const builtIns = listBuiltInScenarios(dir);
  const scenario = builtIns.find((s) => s.name === nameOrPath);
  if (!scenario) throw new TrainingScenarioError(`There is no built-in training scenario "${nameOrPath}"; built-in: ${builtIns.map((s) => s.name).join(', ') || '(none)'}; or give a file path.`);
  return scenario;
}

function readScenarioFile(path: string): TrainingScenario {
  const source = basename(path);
  const scenario = parseTrainingScenario(readFileSync(path, 'utf8'), source);
  checkSimulatorReferences(scenario, source);
  return scenario;
}

/** The schema bounds indexes loosely; here each is checked against the simulators' scripted travellers and vehicles. */
export function checkSimulatorReferences(scenario: TrainingScenario, source: string): void {
  const problems: string[] = [];
  const traveller = (index: number, path: string) => {
    if (!simulatedTravellers[index]) problems.push(`${path}: there is no scripted traveller ${index} (0 to ${simulatedTravellers.length - 1})`);
  };
  scenario.steps.forEach((step, i) => {
    if (step.kind === 'readDocument') traveller(step.traveller, `steps.${i}.traveller`);
    if (step.kind === 'vehicleArrives') {
      const { vehicle, occupants } = step.arrival;
      if (vehicle !== undefined && !simulatedVehicles[vehicle]) problems.push(`steps.${i}.arrival.vehicle: there is no scripted vehicle ${vehicle} (0 to ${simulatedVehicles.length - 1})`);
      occupants?.forEach((occupant, j) => traveller(occupant.traveller, `steps.${i}.arrival.occupants.${j}.traveller`));
    }
  });
  if (problems.length > 0) throw new TrainingScenarioError(`Training scenario ${source} is invalid: ${problems.join('; ')}`);
}
