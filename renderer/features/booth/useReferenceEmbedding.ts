import { useEffect } from 'react';
import { useBooth, useBoothStore, useVision } from '../../state/StoreContext';
import { toBlob } from '../lane/encodedImages';

/**
 * Embeds the traveller's reference photo: the chip photo when the chip was read (the strongest evidence), else
 * the photo printed on the document. Re-runs when either arrives or the vision worker becomes ready.
 */
export function useReferenceEmbedding(): void {
  const vision = useVision();
  const store = useBoothStore();
  const chipPhoto = useBooth((state) => state.chipReport?.photo);
  const documentPhoto = useBooth((state) => state.documentRead?.photo);
  const visionReady = useBooth((state) => state.vision.phase === 'ready');

  useEffect(() => {
    const actions = store.getState();
    const photo = chipPhoto ?? documentPhoto;
    const source = chipPhoto ? 'chip' : 'document';
    if (!photo) {
      actions.referenceChanged({ phase: 'none' });
      return;
    }
    if (!vision || !visionReady) return;
    let cancelled = false;
    actions.referenceChanged({ phase: 'embedding', source });
    vision
      .embedStill(toBlob(photo), { select: 'central', minInterEyePx: 0 })
      .then((result) => {
        if (cancelled) return;
        actions.referenceChanged(result.ok ? { phase: 'ready', source, embedding: result.face.embedding } : { phase: 'error', source, message: result.error.message });
      })
      .catch((error: unknown) => !cancelled && actions.referenceChanged({ phase: 'error', source, message: error instanceof Error ? error.message : String(error) }));
    return () => {
      cancelled = true;
    };
  }, [vision, store, chipPhoto, documentPhoto, visionReady]);
}
