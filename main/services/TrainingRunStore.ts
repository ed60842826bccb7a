import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { summariseDebrief, trainingDebriefSchema, trainingRunIdSchema, type TrainingDebrief, type TrainingRunSummary } from '../../app/training/trainingDebrief';
import { describeSchemaError } from '../../app/shared/describeSchemaError';
import { readOwnerOnly, writeOwnerOnly } from './ownerOnlyFile';

export class TrainingRunStoreError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid_run',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The run history: each ended training run's final debrief as one owner-only JSON file (`training-runs/<runId>.json`
 * in the user data folder), written whole (write then rename) so a crash never leaves half a run. The booth host
 * writes them when a run ends; the trainer's screen lists them by trainee, and `booth training debrief` exports one.
 * A file that does not parse is skipped in listings, named in `problems`, and never deleted.
 */
export class TrainingRunStore {
  /** Writes in order, one at a time; reads and `settled` wait for them (a run listed is a run kept). */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(readonly folder: string) {}

  static inUserData(userData: string): TrainingRunStore {
    return new TrainingRunStore(join(userData, 'training-runs'));
  }

  save(debrief: TrainingDebrief): Promise<void> {
    const checked = trainingDebriefSchema.parse(debrief);
    const written = this.writing.catch(() => undefined).then(() => writeOwnerOnly(this.fileOf(checked.runId), `${JSON.stringify(checked, null, 2)}\n`));
    this.writing = written;
    return written;
  }

  /** Resolves once every run handed to `save` so far is on disk (rejects if the last write failed). */
  async settled(): Promise<void> {
    await this.writing;
  }

  /** One run's debrief; throws not_found for an unknown run, invalid_run for a file that does not parse. */
  async get(runId: string): Promise<TrainingDebrief> {
    await this.writing.catch(() => undefined);
    if (!trainingRunIdSchema.safeParse(runId).success) throw new TrainingRunStoreError('not_found', `"${runId}" is not a training run id (run-…).`);
    const file = this.fileOf(runId);
    const bytes = await readOwnerOnly(file, (permissions) => new TrainingRunStoreError('invalid_run', `${file} may be read by others (mode ${permissions}): refused; make it owner-only (chmod 600).`));
    if (!bytes) throw new TrainingRunStoreError('not_found', `No training run ${runId} in ${this.folder}.`);
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new TrainingRunStoreError('invalid_run', `${file} is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = trainingDebriefSchema.safeParse(json);
    if (!parsed.success) throw new TrainingRunStoreError('invalid_run', `${file} is not a training debrief: ${describeSchemaError(parsed.error)}`);
    return parsed.data;
  }

  /** Every kept run (of `trainee`, when given), newest first, and the files that could not be read. */
  async list(trainee?: string): Promise<{ readonly runs: TrainingRunSummary[]; readonly problems: string[] }> {
    await this.writing.catch(() => undefined);
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { runs: [], problems: [] };
      throw error;
    }
    const runs: TrainingRunSummary[] = [];
    const problems: string[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      try {
        const debrief = await this.get(name.slice(0, -'.json'.length));
        if (trainee === undefined || debrief.trainee === trainee) runs.push(summariseDebrief(debrief));
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    runs.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    return { runs, problems };
  }

  private fileOf(runId: string): string {
    return join(this.folder, `${runId}.json`);
  }
}
