import { useEffect } from 'react';
import type { AuditActor } from '../../../app/audit/auditEntry';
import type { DecisionStore } from '../../storage/DecisionStore';
import { useBoothStore } from '../../state/StoreContext';

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * `X` exports the audit log as JSON Lines (the export is itself audited) and saves it as a file, for
 * `npx booth audit verify` and for the auditors.
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
        .then(({ jsonl, entries }) => {
          const url = URL.createObjectURL(new Blob([jsonl], { type: 'application/jsonl' }));
          const link = document.createElement('a');
          link.href = url;
          link.download = `booth-audit-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`;
          link.click();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
          booth.getState().announce(`Audit log exported: ${entries} entries`);
        })
        .catch((error: unknown) => booth.getState().announce(`The audit log could not be exported: ${error instanceof Error ? error.message : String(error)}`, 'error'));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, actor, booth]);
}
