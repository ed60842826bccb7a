/**
 * `npx booth training validate FILE`: checks a scenario file before a class. Exit 0 printing each step with what a
 * correct officer does, 1 naming the wrong field (as the booth does at start-up), 2 when the file cannot be read.
 * `npx booth training list`: the built-in scenarios with their lanes and descriptions.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { describeStepWithExpectations, TrainingScenarioError } from '../../../app/training/trainingScenario';
import { builtInScenariosFolder, listBuiltInScenarios, loadTrainingScenario } from '../../services/trainingScenarioFiles';
import { printTrainingOutcome as print, type TrainingCliOutcome } from './trainingCliOutcome';
import { registerRunCommands } from './trainingRuns';

/** The repository's built-in scenarios folder (the CLI runs from the source tree). */
export const builtInScenariosDir = fileURLToPath(new URL(`../../../${builtInScenariosFolder}`, import.meta.url));

export function runTrainingValidate(file: string): TrainingCliOutcome {
  if (!existsSync(file)) return { exitCode: 2, stdout: '', stderr: `cannot read ${file} (ENOENT)` };
  try {
    // A path, never a built-in name: the file given is the file checked.
    const scenario = loadTrainingScenario(file.endsWith('.json') || file.includes('/') ? file : `./${file}`, builtInScenariosDir);
    const steps = scenario.steps.map((step, i) => `  ${i + 1}. at ${step.atSeconds} s: ${describeStepWithExpectations(step)}`);
    const unexpected = scenario.steps.filter((s) => (s.kind === 'readDocument' && !s.expect) || (s.kind === 'vehicleArrives' && !s.expectOccupants)).length;
    const note = unexpected > 0 ? `\nnote: ${unexpected} step(s) bring travellers without an expectation: they are not scored` : '';
    return { exitCode: 0, stdout: `valid: ${scenario.name} (${scenario.direction === 'exit' ? 'exit ' : ''}${scenario.laneType} lane, ${scenario.steps.length} steps)\n${steps.join('\n')}${note}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof TrainingScenarioError) return { exitCode: 1, stdout: '', stderr: error.message };
    throw error;
  }
}

export function runTrainingList(dir = builtInScenariosDir): TrainingCliOutcome {
  const lines = listBuiltInScenarios(dir).map((s) => `${s.name} (${s.direction === 'exit' ? 'exit ' : ''}${s.laneType}, ${s.steps.length} steps): ${s.description}`);
  return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

export function register(program: Command): void {
  const training = program.command('training').description('training scenario tools');
  training
    .command('validate')
    .description('check a training scenario file: exit 0 printing its steps and expectations, 1 naming the wrong field, 2 if unreadable')
    .argument('<file>', 'the scenario file (JSON)')
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : 2);
    })
    .action((file: string) => print(runTrainingValidate(file), 'validate'));
  training
    .command('list')
    .description('list the built-in training scenarios')
    .action(() => print(runTrainingList(), 'list'));
  registerRunCommands(training);
}
