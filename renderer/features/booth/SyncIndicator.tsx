import { useBooth } from '../../state/StoreContext';

/** Where the officer's decisions stand: synced to the records service, queued on this booth, or failing. */
export function SyncIndicator() {
  const sync = useBooth((state) => state.sync);
  const storageProblem = useBooth((state) => state.storageProblem);
  const storageWarning = useBooth((state) => state.storageWarning);
  let text: string;
  let tone: 'ok' | 'queued' | 'failing' | 'unknown';
  if (storageProblem) {
    tone = 'failing';
    text = `Decisions NOT stored: ${storageProblem}`;
  } else if (storageWarning) {
    // Decisions are recorded and synced, but earlier records do not open: failing until a supervisor sorts it out.
    tone = 'failing';
    text = `Storage: ${storageWarning}${sync && sync.queued > 0 ? ` · ${sync.queued} queued` : ''}${sync && sync.deadLettered > 0 ? ` · ${sync.deadLettered} need a supervisor` : ''}`;
  } else if (!sync) {
    tone = 'unknown';
    text = 'Sync: starting…';
  } else if (sync.failing) {
    tone = 'failing';
    text = `Sync failing${sync.queued > 0 ? ` · ${sync.queued} queued` : ''}${sync.deadLettered > 0 ? ` · ${sync.deadLettered} need a supervisor` : ''}`;
  } else if (sync.queued > 0) {
    tone = 'queued';
    text = `Sync: ${sync.queued} queued${sync.connection === 'offline' ? ' (records service offline)' : ''}`;
  } else {
    tone = sync.connection === 'offline' ? 'queued' : 'ok';
    text = sync.connection === 'offline' ? 'Sync: records service offline' : 'Sync: up to date';
  }
  return (
    <div className={`sync sync-${tone}`} data-testid="sync-state" data-queued={sync?.queued ?? 0} data-tone={tone} role="status" title={storageWarning ?? sync?.lastError ?? undefined}>
      <span className="light" aria-hidden="true" />
      {text}
    </div>
  );
}
