import { useBooth } from '../../state/StoreContext';

/**
 * Says, for as long as it holds, that the booth is not running the face models its settings name (a model file
 * that does not match its manifest's SHA-256, a missing file, a shape the manifest contradicts) and which set
 * it runs instead. The officer's matching keeps working on that set.
 */
export function ModelSetNotice() {
  const modelSet = useBooth((state) => state.modelSet);
  if (!modelSet || modelSet.notices.length === 0) return null;
  return (
    <p className="model-set-notice" role="alert" data-testid="model-set-notice" data-origin={modelSet.origin} data-embedder={modelSet.models.embedder.id}>
      {modelSet.notices.join(' | ')}
    </p>
  );
}
