import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { chainAuditEntry, emptyAuditHead, type AuditChainHead } from '../../app/audit/auditChain';
import { auditEntrySchema, type AuditActor, type AuditEntry } from '../../app/audit/auditEntry';
import type { HostAuditEvent } from '../../app/host/channelAccess';
import type { DispatchCaller } from '../../app/host/dispatchCaller';
import type { Clock } from '../../app/ports/Clock';
import type { SignedInUser } from '../../app/host/signedInUser';

/** The actor of a call nobody signed in on: the host itself, as the renderer's log names the booth (the caller is in the details). */
const nobodySignedIn: AuditActor = { userId: 'booth-host', role: 'system' };

/**
 * The host's audit of calls that change how the booth works (simulator controls, model fall-backs), in the booth's one
 * audit format: entries hash-chained like the renderer's log (app/audit), one JSON line each in `host-audit.jsonl` in
 * the user data folder (owner-only), so `booth audit verify host-audit.jsonl` checks it like an export. It is a file
 * of its own because the renderer's log lives in the window's sealed store, which the host cannot write (and an HTTP
 * API call may come with no window open). Each entry is on disk (synced) before the call is answered; a call whose
 * entry cannot be written is not acted on (the caller gets the error). Never rotated: a chain is verified from its
 * genesis, and a trainer's day of controls is a few hundred lines.
 */
export class HostAuditLog {
  private writing: Promise<unknown> = Promise.resolve();
  private head: Promise<AuditChainHead> | null = null;

  constructor(
    readonly file: string,
    private readonly clock: Clock,
  ) {}

  static inUserData(dir: string, clock: Clock): HostAuditLog {
    return new HostAuditLog(join(dir, 'host-audit.jsonl'), clock);
  }

  /** Appends what `caller` (signed in as `user`, or nobody) asked and what came of it; resolves once it is on disk. */
  record(caller: DispatchCaller, user: SignedInUser | undefined, event: HostAuditEvent): Promise<AuditEntry> {
    const written = this.writing.catch(() => undefined).then(async () => {
      // Read again after a failed read (the head is not cached as a failure).
      const head = await (this.head ??= this.lastHead().catch((error: unknown) => {
        this.head = null;
        throw error;
      }));
      const entry = chainAuditEntry(head, {
        at: this.clock.now().toISOString(),
        actor: user ? { userId: user.userId, role: user.role } : nobodySignedIn,
        action: event.action,
        details: {
          channel: event.channel,
          outcome: event.outcome,
          ...(event.reason !== undefined ? { reason: event.reason } : {}),
          // The connection that called (`websocket-3`, `http-api-7`, `electron-window-1`) and how it reached the host.
          client: caller.client.slice(0, 60),
          transport: caller.transport,
          ...event.details,
        },
      });
      await this.append(`${JSON.stringify(entry)}\n`);
      this.head = Promise.resolve({ seq: entry.seq, hash: entry.hash });
      return entry;
    });
    this.writing = written;
    return written;
  }

  /** Every entry so far, oldest first (tests and support tools; `booth audit verify` checks the chain). */
  async entries(): Promise<AuditEntry[]> {
    await this.writing.catch(() => undefined);
    return (await this.lines()).map((line) => auditEntrySchema.parse(JSON.parse(line)));
  }

  /**
   * Where the chain continues: the last line that is an entry. A line after it that is not (a write cut by a crash)
   * stays in the file, so verification names the break instead of it being papered over.
   */
  private async lastHead(): Promise<AuditChainHead> {
    const lines = await this.lines();
    for (let i = lines.length - 1; i >= 0; i--) {
      try {
        const entry = auditEntrySchema.safeParse(JSON.parse(lines[i] ?? ''));
        if (entry.success) return { seq: entry.data.seq, hash: entry.data.hash };
      } catch {
        // Not JSON: look further back.
      }
    }
    return emptyAuditHead;
  }

  private async lines(): Promise<string[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text.split('\n').filter((line) => line.trim() !== '');
  }

  private async append(line: string): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    // The mode applies when the file is created: owner-only, like the accounts beside it.
    const handle = await open(this.file, 'a', 0o600);
    try {
      await handle.appendFile(line);
      // On disk before the call is answered: a crash right after the answer keeps the entry.
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }
}
