import { GENESIS_PREV_HASH, type AuditDraft, type AuditEntry } from '../../app/audit/auditEntry';
import { chainAuditEntry, type AuditChainHead } from '../../app/audit/auditChain';
import type { BoothDatabase } from './BoothDatabase';
import type { RecordCipher } from './recordCipher';
import type { AuditRow } from './rows';

class AuditHeadMoved extends Error {}

/**
 * Writes that must be audited commit in ONE Dexie transaction with their audit entries. WebCrypto promises are not
 * IndexedDB-aware (awaiting one inside a transaction lets it auto-commit), so everything is sealed before the
 * transaction; that needs the next seq and prevHash in advance, hence the cached chain head, the mutex that
 * serialises writers, and the check inside the transaction that the head has not moved (another tab or window).
 */
export class AuditedWriter {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: BoothDatabase,
    private readonly cipher: RecordCipher,
    private head: AuditChainHead,
  ) {}

  static async load(db: BoothDatabase, cipher: RecordCipher): Promise<AuditedWriter> {
    return new AuditedWriter(db, cipher, await readHead(db));
  }

  /** The head the next commit chains after (inside `exclusive`; another window may still move it, see commit). */
  currentHead(): AuditChainHead {
    return this.head;
  }

  /** Runs `work` alone among this writer's users (reads that decide a write belong inside it too). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Inside `exclusive`: chains `drafts`, and in one transaction over every table appends them and runs `write`
   * (Dexie operations only). Resolves after the transaction completed, with the entries as chained.
   */
  async commit<T>(drafts: readonly AuditDraft[], write: () => Promise<T>): Promise<{ readonly result: T; readonly entries: readonly AuditEntry[] }> {
    for (let attempt = 0; ; attempt++) {
      const start = this.head;
      const entries: AuditEntry[] = [];
      for (const draft of drafts) entries.push(chainAuditEntry(entries.at(-1) ?? start, draft));
      const rows = await Promise.all(entries.map((entry) => sealAuditEntry(this.cipher, entry)));
      try {
        const result = await this.db.transaction('rw', this.db.tables, async () => {
          const last = await this.db.audit.orderBy('seq').last();
          if ((last?.hash ?? GENESIS_PREV_HASH) !== start.hash || (last?.seq ?? 0) !== start.seq) throw new AuditHeadMoved();
          if (rows.length > 0) await this.db.audit.bulkAdd(rows);
          return write();
        });
        const last = entries.at(-1);
        if (last) this.head = { seq: last.seq, hash: last.hash };
        return { result, entries };
      } catch (error) {
        if (!(error instanceof AuditHeadMoved) || attempt > 0) throw error;
        this.head = await readHead(this.db);
      }
    }
  }
}

async function readHead(db: BoothDatabase): Promise<AuditChainHead> {
  const last = await db.audit.orderBy('seq').last();
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_PREV_HASH };
}

export async function sealAuditEntry(cipher: RecordCipher, entry: AuditEntry): Promise<AuditRow> {
  return {
    seq: entry.seq,
    at: entry.at,
    action: entry.action,
    actorUserId: entry.actor.userId,
    actorRole: entry.actor.role,
    prevHash: entry.prevHash,
    hash: entry.hash,
    sealed: await cipher.sealJson('audit', entry.seq, { subject: entry.subject ?? null, details: entry.details }),
  };
}
