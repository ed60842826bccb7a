import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { inputLimits } from '../../../app/shared/inputLimits';
import { FaceImageError } from './faceImageError';
import { jpeg2000DecodeWorkerSource } from './jpeg2000DecodeWorker';

export interface DecodedFrame {
  readonly frameInfo: { readonly width: number; readonly height: number; readonly bitsPerSample: number; readonly componentCount: number; readonly isSigned: boolean };
  readonly decoded: Uint8Array;
  /** OpenJPEG's own warnings and errors of this decode. */
  readonly decoderMessages: readonly string[];
}

type Reply = { id: number; ok: true; frameInfo: DecodedFrame['frameInfo']; decoded: Uint8Array; decoderMessages: string[] } | { id: number; ok: false; message: string; decoderMessages: string[] };

/**
 * OpenJPEG in a worker thread with a bounded JavaScript heap and a time limit: a hostile image that gets past
 * the header checks can at worst cost this worker (terminated, started again on the next decode), never the
 * booth's own thread. One decode at a time; the worker does not keep the process alive while idle.
 */
class Jpeg2000WorkerThread {
  private worker: Worker | undefined;
  private nextId = 0;
  private queue: Promise<unknown> = Promise.resolve();

  decode(bytes: Uint8Array): Promise<DecodedFrame> {
    const run = this.queue.then(() => this.decodeNow(bytes));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private start(): Worker {
    const modulePath = createRequire(import.meta.url).resolve('@cornerstonejs/codec-openjpeg/wasmjs');
    const heap = inputLimits.faceImage.workerHeapMegabytes;
    const worker = new Worker(jpeg2000DecodeWorkerSource, { eval: true, workerData: { modulePath }, resourceLimits: { maxOldGenerationSizeMb: heap, maxYoungGenerationSizeMb: Math.max(8, heap / 8) } });
    worker.unref();
    return worker;
  }

  private decodeNow(bytes: Uint8Array): Promise<DecodedFrame> {
    let worker: Worker;
    try {
      worker = this.worker ??= this.start();
    } catch (error) {
      return Promise.reject(new FaceImageError('decoder_stopped', `the JPEG 2000 decoder could not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error }));
    }
    const id = this.nextId++;
    return new Promise<DecodedFrame>((resolve, reject) => {
      const stop = (error: FaceImageError) => {
        cleanup();
        this.worker = undefined;
        void worker.terminate();
        reject(error);
      };
      const limitMs = inputLimits.faceImage.maxDecodeMilliseconds;
      const timer = setTimeout(() => stop(new FaceImageError('decoder_stopped', `JPEG 2000 decoding took longer than ${limitMs} ms and was stopped`)), limitMs);
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        cleanup();
        if (reply.ok) resolve({ frameInfo: reply.frameInfo, decoded: reply.decoded, decoderMessages: reply.decoderMessages });
        else reject(new FaceImageError('decode_failed', describeDecodeFailure(reply.message, reply.decoderMessages)));
      };
      const onError = (error: Error) => stop(new FaceImageError('decoder_stopped', `the JPEG 2000 decoder stopped: ${error.message}`, { cause: error }));
      const onExit = (code: number) => stop(new FaceImageError('decoder_stopped', `the JPEG 2000 decoder exited (code ${code}) before finishing`));
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        worker.unref();
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      // Referenced while a decode is under way, so a caller awaiting it is not left with an exited process.
      worker.ref();
      worker.postMessage({ id, bytes });
    });
  }
}

/** OpenJPEG's own reasons ("[ERROR] Stream too short") say more than the exception it throws (a bare number). */
export function describeDecodeFailure(message: string, decoderMessages: readonly string[]): string {
  const reasons = decoderMessages
    .map((line) => line.replace(/^\[(ERROR|WARNING)\]\s*/, '').trim())
    .filter((line) => line.length > 0);
  if (reasons.length > 0) return `JPEG 2000 decoding failed: ${reasons.join('; ')}`;
  return `JPEG 2000 decoding failed: the codestream is corrupt or truncated (${message})`;
}

export const jpeg2000WorkerThread = new Jpeg2000WorkerThread();
