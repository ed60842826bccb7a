import type { EncodedImage } from '../../../app/ports/documentRead';
import type { ReferenceEmbedding } from '../../state/laneSlice';
import { VisionClientError } from '../../vision/visionClient';
import { imageKey } from './encodedImages';

/**
 * A reference photo's embedding that did not come back. When the vision worker crashed or timed out on it, the
 * photo is not at fault: it is marked to be embedded again when the worker has restarted (otherwise the traveller's
 * papers would stay "not comparable" for the rest of the vehicle, every face on them unmatched). Any other failure
 * (no face on the photo, a drawn portrait) is the photo's and is remembered, not retried.
 */
export function referenceEmbeddingFailure(error: unknown): ReferenceEmbedding {
  const message = error instanceof Error ? error.message : String(error);
  const lostWithWorker = error instanceof VisionClientError && (error.code === 'worker_crashed' || error.code === 'worker_timeout');
  return lostWithWorker ? { phase: 'error', message, lostWithWorker: true } : { phase: 'error', message };
}

/** Whether a reference photo is to be embedded (now that the worker is ready): never tried, or lost with a worker that has since restarted. */
export const needsEmbedding = (existing: ReferenceEmbedding | undefined): boolean => existing === undefined || (existing.phase === 'error' && existing.lostWithWorker === true);

export interface ReferenceEmbeddingPorts {
  readonly current: (key: string) => ReferenceEmbedding | undefined;
  readonly changed: (key: string, embedding: ReferenceEmbedding) => void;
  /** Decodes the photo and embeds it with the vision worker: its embedding, or why the photo was refused (rejects with VisionClientError when the worker fails). */
  readonly embed: (image: EncodedImage) => Promise<{ readonly embedding: Float32Array } | { readonly refused: string }>;
}

/**
 * Embeds each reference photo that needs it (run whenever the worker is ready: at start and after each restart),
 * each photo once however many identities carry it. Resolves when every one started here has its outcome.
 */
export async function embedReferences(images: readonly EncodedImage[], ports: ReferenceEmbeddingPorts): Promise<void> {
  const started = new Map<string, Promise<void>>();
  for (const image of images) {
    const key = imageKey(image);
    if (started.has(key) || !needsEmbedding(ports.current(key))) continue;
    ports.changed(key, { phase: 'embedding' });
    started.set(
      key,
      ports.embed(image).then(
        (result) => ports.changed(key, 'embedding' in result ? { phase: 'ready', embedding: result.embedding } : { phase: 'error', message: result.refused }),
        (error: unknown) => ports.changed(key, referenceEmbeddingFailure(error)),
      ),
    );
  }
  await Promise.all(started.values());
}
