import { dirname, join } from 'node:path';
import { describeSchemaError } from '../../app/shared/describeSchemaError';
import { readOwnerOnly, writeOwnerOnly } from './ownerOnlyFile';
import { signInThrottleStateSchema, type SignInThrottleState } from './signInThrottle';

/**
 * Where the sign-in throttle keeps its counts across restarts (`sign-in-throttle.json` in the user data folder,
 * owner-only like the accounts): a guesser must not clear a lock by restarting the booth. Saves are serialised and
 * coalesced (the latest state wins), so a burst of attempts never has two writers racing on the file.
 */
export class SignInThrottleFile {
  private writing: Promise<void> = Promise.resolve();
  private pending: SignInThrottleState | null = null;

  constructor(readonly file: string) {}

  static inUserData(dir: string): SignInThrottleFile {
    return new SignInThrottleFile(join(dir, 'sign-in-throttle.json'));
  }

  /** Beside the accounts file it counts failures for (the user data folder, or a test's folder). */
  static beside(accountsFile: string): SignInThrottleFile {
    return SignInThrottleFile.inUserData(dirname(accountsFile));
  }

  /**
   * The saved state; null when there is none. A file that is not a valid state is reported through `warn` and
   * ignored (the counts start again; the accounts themselves are untouched); one others may read is refused the same way.
   */
  async load(warn: (message: string) => void): Promise<SignInThrottleState | null> {
    let bytes: Buffer | null;
    try {
      bytes = await readOwnerOnly(this.file, (permissions) => new Error(`${this.file} has permissions ${permissions}: it must be readable by its owner only`));
    } catch (error) {
      warn(`sign-in throttle state not read: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    if (bytes === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      warn(`sign-in throttle state not read: ${this.file} is not JSON`);
      return null;
    }
    const parsed = signInThrottleStateSchema.safeParse(json);
    if (!parsed.success) {
      warn(`sign-in throttle state not read: ${this.file}: ${describeSchemaError(parsed.error)}`);
      return null;
    }
    return parsed.data;
  }

  /** Queues `state` to be written; resolves when it (or a later state) is on disk. */
  save(state: SignInThrottleState): Promise<void> {
    const first = this.pending === null;
    this.pending = state;
    if (first) {
      // A failed write does not stop later ones (its caller was told through the promise it got).
      this.writing = this.writing.catch(() => undefined).then(async () => {
        const latest = this.pending;
        this.pending = null;
        if (latest) await writeOwnerOnly(this.file, `${JSON.stringify(latest)}\n`);
      });
    }
    return this.writing;
  }
}
