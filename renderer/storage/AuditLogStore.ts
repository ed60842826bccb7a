import type { AuditAction, AuditActor, AuditDraft, AuditEntry, AuditSubject } from '../../app/audit/auditEntry';
import { verifyAuditChain, type AuditVerification } from '../../app/audit/auditChain';
import { toAuditJsonLines } from '../../app/audit/auditJsonLines';
import { anchorLine, type BoothAuditAnchor } from '../../app/audit/auditAnchor';
import { readAuditLog } from './auditLogReader';
import type { AuditExport } from './decisionStoreTypes';
import { nowIso, parseActor, type StoreContext } from './storeContext';

/**
 * The audit log as the booth and a supervisor use it: steps outside the store are appended, and the whole chain is
 * exported or verified. Entries sealed under another storage key never stop either: they are exported as markers and
 * reported as unverified, and everything that opens is checked as before.
 */
export class AuditLogStore {
  constructor(private readonly context: StoreContext) {}

  /** Appends an audit entry for a step outside the store (sign-in, screen lock, a traveller view in the booth...). */
  async audit(action: AuditAction, actor: AuditActor, details: AuditDraft['details'] = {}, subject?: AuditSubject): Promise<AuditEntry> {
    const by = parseActor(actor);
    const { writer } = this.context;
    return writer.exclusive(async () => {
      const { entries } = await writer.commit([{ at: nowIso(this.context), actor: by, action, ...(subject ? { subject } : {}), details }], async () => undefined);
      const [entry] = entries;
      if (!entry) throw new Error('audit entry was not chained');
      return entry;
    });
  }

  /**
   * The whole log as JSON Lines (after appending the export's own entry), ready for `booth audit verify`; with the
   * records service's anchor for this booth as its last line when there is one (the export entry records its seq).
   */
  async exportAudit(actor: AuditActor, anchor: BoothAuditAnchor | null = null): Promise<AuditExport> {
    const by = parseActor(actor);
    const { db, cipher, writer } = this.context;
    return writer.exclusive(async () => {
      await writer.commit([{ at: nowIso(this.context), actor: by, action: 'export', subject: { kind: 'audit_log', id: 'all' }, details: { format: 'jsonl', anchorSeq: anchor?.seq ?? null } }], async () => undefined);
      const log = await readAuditLog(db, cipher);
      const jsonl = toAuditJsonLines(log.records) + (anchor ? anchorLine(anchor) : '');
      return { jsonl, entries: log.records.length, unreadable: log.unreadable.map(({ seq, cause }) => ({ seq, cause })), anchor };
    });
  }

  /** Checks the stored chain (e.g. at start-up); entries sealed under another storage key are listed as unverified. */
  async verifyAudit(): Promise<AuditVerification> {
    const { db, cipher } = this.context;
    return verifyAuditChain((await readAuditLog(db, cipher)).records);
  }
}
