import { appendFile, mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { DispatchCaller } from '../../app/host/dispatch';
import type { Clock } from '../../app/ports/Clock';
import { userRoleSchema, type SignedInUser } from '../../app/host/signedInUser';

/** What the host itself records (the renderer's decisions have their own chained log in its store). */
export const hostAuditEntrySchema = z.strictObject({
  at: z.iso.datetime({ offset: true }),
  /** `simulator_control`: a sim:* call; `model_load_failed`: a report that the vision worker could not load a model set. */
  action: z.enum(['simulator_control', 'model_load_failed']),
  /** The channel called. */
  channel: z.string().max(60),
  /** `done`: the host acted on it; `refused`: it did not (the reason says why). */
  outcome: z.enum(['done', 'refused']),
  /** The connection that called (`websocket-3`, `http-api-7`, `electron-window-1`) and how it reached the host. */
  client: z.string().max(60),
  transport: z.enum(['window', 'http', 'in-process']),
  /** Who was signed in on that connection, or null. */
  userId: z.string().max(40).nullable(),
  role: userRoleSchema.nullable(),
  reason: z.string().max(2000).optional(),
  details: z.record(z.string(), z.union([z.string().max(2000), z.boolean(), z.number()])).optional(),
});
export type HostAuditEntry = z.infer<typeof hostAuditEntrySchema>;

export type HostAuditEvent = Pick<HostAuditEntry, 'action' | 'channel' | 'outcome' | 'reason' | 'details'>;

/**
 * The host's audit of calls that change how the booth works (simulator controls, model fall-backs): one JSON line per
 * call in `host-audit.jsonl` in the user data folder, owner-only, appended in order. Each entry is written before the
 * call is answered; a call whose entry cannot be written is not acted on (the caller gets the error).
 */
export class HostAuditLog {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly clock: Clock,
  ) {}

  static inUserData(dir: string, clock: Clock): HostAuditLog {
    return new HostAuditLog(join(dir, 'host-audit.jsonl'), clock);
  }

  /** Appends what `caller` (signed in as `user`, or nobody) asked and what came of it; resolves once it is on disk. */
  record(caller: DispatchCaller, user: SignedInUser | undefined, event: HostAuditEvent): Promise<void> {
    const entry = hostAuditEntrySchema.parse({
      at: this.clock.now().toISOString(),
      ...event,
      client: caller.client.slice(0, 60),
      transport: caller.transport,
      userId: user?.userId ?? null,
      role: user?.role ?? null,
    });
    const written = this.writing.catch(() => undefined).then(() => this.append(`${JSON.stringify(entry)}\n`));
    this.writing = written;
    return written;
  }

  /** Every entry so far, oldest first (tests and support tools). */
  async entries(): Promise<HostAuditEntry[]> {
    await this.writing.catch(() => undefined);
    let text: string;
    try {
      const handle = await open(this.file, 'r');
      try {
        text = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => hostAuditEntrySchema.parse(JSON.parse(line)));
  }

  private async append(line: string): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    // The mode applies when the file is created: owner-only, like the accounts beside it.
    // Written to the file (a crash of the booth keeps it) before the call is answered; like the booth's other files,
    // not fsynced: the simulator controls' latency stays that of a write, even on a loaded machine.
    const handle = await open(this.file, 'a', 0o600);
    try {
      await appendFile(handle, line);
    } finally {
      await handle.close();
    }
  }
}
