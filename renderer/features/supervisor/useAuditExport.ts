import { useEffect } from 'react';
import type { BoothAuditAnchor } from '../../../app/audit/auditAnchor';
import type { AuditActor } from '../../../app/audit/auditEntry';
import type { DecisionStore } from '../../storage/DecisionStore';
import { useBoothStore, useHost } from '../../state/StoreContext';

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** What the records service said of this booth's audit anchor when the export was made. */
export type ExportAnchorState = { readonly kind: 'anchored'; readonly anchor: BoothAuditAnchor } | { readonly kind: 'none' } | { readonly kind: 'unavailable'; readonly reason: string };

function anchorSentence(state: ExportAnchorState): string {
  switch (state.kind) {
    case 'anchored':
      return ` Anchored at seq ${state.anchor.seq} by the records service: a cut end will show.`;
    case 'none':
      return ' Not anchored: no decision carrying the audit head has reached the records service yet.';
    case 'unavailable':
      return ` Not anchored: ${state.reason} (ask the records service for this booth's anchor and verify with --anchor).`;
  }
}

/**
 * What the supervisor is told: entries sealed under another storage key are exported as markers, named by seq; and
 * whether the file ends with the records service's anchor (a warning when the service could not be asked).
 */
export function exportNotice(entries: number, unreadableSeqs: readonly number[], anchor?: ExportAnchorState): [string, 'info' | 'warning'] {
  const anchorText = anchor ? anchorSentence(anchor) : '';
  const anchorTone = anchor?.kind === 'unavailable' ? 'warning' : 'info';
  if (unreadableSeqs.length === 0) return [`Audit log exported: ${entries} entries${anchor ? `.${anchorText}` : ''}`, anchorTone];
  const shown = unreadableSeqs.length > 8 ? `${unreadableSeqs.slice(0, 8).join(', ')}…` : unreadableSeqs.join(', ');
  return [`Audit log exported: ${entries} entries, of which ${unreadableSeqs.length} sealed under another storage key could not be opened: exported as markers, content unverified (seq ${shown}). Restore that key file to export them in full.${anchorText}`, 'warning'];
}

/**
 * `X` exports the audit log as JSON Lines (the export is itself audited) and saves it as a file, for
 * `npx booth audit verify` and for the auditors; the file ends with the records service's anchor for this booth
 * when the service gives one, so that entries cut from its end are reported. Entries this booth cannot open (sealed under another storage key)
 * do not stop the export: they are marker lines, and the notice says which.
 */
export function useAuditExport(store: DecisionStore | null, actor: AuditActor | null): void {
  const booth = useBoothStore();
  const host = useHost();
  useEffect(() => {
    if (!store || !actor) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isEditable(event.target) || event.key.toLowerCase() !== 'x') return;
      event.preventDefault();
      let anchorState: ExportAnchorState = { kind: 'none' };
      host
        .call('audit:anchor', {})
        .then((reply) => {
          anchorState = !reply.ok ? { kind: 'unavailable', reason: reply.error.message } : reply.value ? { kind: 'anchored', anchor: reply.value } : { kind: 'none' };
          return store.exportAudit(actor, anchorState.kind === 'anchored' ? anchorState.anchor : null);
        })
        .then(({ jsonl, entries, unreadable }) => {
          const url = URL.createObjectURL(new Blob([jsonl], { type: 'application/jsonl' }));
          const link = document.createElement('a');
          link.href = url;
          link.download = `booth-audit-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`;
          link.click();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
          booth.getState().announce(...exportNotice(entries, unreadable.map((u) => u.seq), anchorState));
        })
        .catch((error: unknown) => booth.getState().announce(`The audit log could not be exported: ${error instanceof Error ? error.message : String(error)}`, 'error'));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, actor, booth, host]);
}
