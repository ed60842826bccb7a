import { useEffect } from 'react';
import type { AuditActor } from '../../../app/audit/auditEntry';
import type { DecisionStore } from '../../storage/DecisionStore';
import { useBoothStore } from '../../state/StoreContext';

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** What the supervisor is told: entries sealed under another storage key are exported as markers, named by seq. */
export function exportNotice(entries: number, unreadableSeqs: readonly number[]): [string, 'info' | 'warning'] {
  if (unreadableSeqs.length === 0) return [`Audit log exported: ${entries} entries`, 'info'];
  const shown = unreadableSeqs.length > 8 ? `${unreadableSeqs.slice(0, 8).join(', ')}…` : unreadableSeqs.join(', ');
  return [`Audit log exported: ${entries} entries, of which ${unreadableSeqs.length} sealed under another storage key could not be opened: exported as markers, content unverified (seq ${shown}). Restore that key file to export them in full.`, 'warning'];
}

/**
 * `X` exports the audit log as JSON Lines (the export is itself audited) and saves it as a file, for
 * `npx booth audit verify` and for the auditors. Entries this booth cannot open (sealed under another storage key)
 * do not stop the export: they are marker lines, and the notice says which.
 */
export function useAuditExport(store: DecisionStore | null, actor: AuditActor | null): void {
  const booth = useBoothStore();
  useEffect(() => {
    if (!store || !actor) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isEditable(event.target) || event.key.toLowerCase() !== 'x') return;
      event.preventDefault();
      store
        .exportAudit(actor)
        .then(({ jsonl, entries, unreadable }) => {
          const url = URL.createObjectURL(new Blob([jsonl], { type: 'application/jsonl' }));
          const link = document.createElement('a');
          link.href = url;
          link.download = `booth-audit-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`;
          link.click();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
          booth.getState().announce(...exportNotice(entries, unreadable.map((u) => u.seq)));
        })
        .catch((error: unknown) => booth.getState().announce(`The audit log could not be exported: ${error instanceof Error ? error.message : String(error)}`, 'error'));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, actor, booth]);
}
