/** What a `booth training …` subcommand answers; `printTrainingOutcome` writes it and sets the exit code. */
export interface TrainingCliOutcome {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

export function printTrainingOutcome(outcome: TrainingCliOutcome, command: string): void {
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(`booth training ${command}: ${outcome.stderr}\n`);
  process.exitCode = outcome.exitCode;
}
