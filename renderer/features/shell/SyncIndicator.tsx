import { useBooth } from '../../state/StoreContext';
import { syncIndicatorText } from './syncIndicatorText';

/** Where the officer's decisions stand: synced to the records service, queued on this booth, or failing. */
export function SyncIndicator() {
  const sync = useBooth((state) => state.sync);
  const storageProblem = useBooth((state) => state.storageProblem);
  const storageWarning = useBooth((state) => state.storageWarning);
  const hostConnection = useBooth((state) => state.hostConnection);
  const { tone, text } = syncIndicatorText({ sync, storageProblem, storageWarning, hostConnection });
  return (
    <div className={`sync sync-${tone}`} data-testid="sync-state" data-queued={sync?.queued ?? 0} data-tone={tone} role="status" title={storageWarning ?? sync?.lastError ?? undefined}>
      <span className="light" aria-hidden="true" />
      {text}
    </div>
  );
}
