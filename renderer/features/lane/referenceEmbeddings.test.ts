import { describe, expect, it } from 'vitest';
import type { EncodedImage } from '../../../app/ports/documentRead';
import type { ReferenceEmbedding } from '../../state/laneSlice';
import { VisionClientError } from '../../vision/visionClient';
import { imageKey } from './encodedImages';
import { embedReferences, needsEmbedding, referenceEmbeddingFailure } from './referenceEmbeddings';

const photo = (base64: string): EncodedImage => ({ mediaType: 'image/jpeg', base64 });

/** The lane's reference store and a worker that answers each photo as `answers` says, in turn. */
function lane(answers: Record<string, ('crash' | 'timeout' | 'no face' | 'ok')[]>) {
  const store = new Map<string, ReferenceEmbedding>();
  const asked: string[] = [];
  return {
    store,
    asked,
    ports: {
      current: (key: string) => store.get(key),
      changed: (key: string, embedding: ReferenceEmbedding) => void store.set(key, embedding),
      embed: async (image: EncodedImage) => {
        asked.push(image.base64);
        const answer = answers[image.base64]?.shift() ?? 'ok';
        if (answer === 'crash') throw new VisionClientError('worker_crashed', 'vision worker crashed: out of memory');
        if (answer === 'timeout') throw new VisionClientError('worker_timeout', 'vision worker did not answer within 15000 ms');
        if (answer === 'no face') return { refused: 'no face found' };
        return { embedding: new Float32Array([1, 0, 0]) };
      },
    },
  };
}

describe('reference photos embedded for the lane', () => {
  it('embeds again, once the worker is back, the photos a crashed or timed-out worker lost: the papers are compared after all', async () => {
    const passport = photo('passport');
    const chip = photo('chip');
    const { store, asked, ports } = lane({ passport: ['crash'], chip: ['timeout'] });
    await embedReferences([passport, chip], ports);
    expect(store.get(imageKey(passport))).toMatchObject({ phase: 'error', lostWithWorker: true });
    expect(store.get(imageKey(chip))).toMatchObject({ phase: 'error', lostWithWorker: true });
    // The worker has restarted: the lane asks again.
    await embedReferences([passport, chip], ports);
    expect(store.get(imageKey(passport))?.phase).toBe('ready');
    expect(store.get(imageKey(chip))?.phase).toBe('ready');
    expect(asked).toEqual(['passport', 'chip', 'passport', 'chip']);
    // Embedded: never asked again.
    await embedReferences([passport, chip], ports);
    expect(asked).toHaveLength(4);
  });

  it("remembers a photo's own refusal and never asks the worker again", async () => {
    const drawn = photo('drawn');
    const { store, asked, ports } = lane({ drawn: ['no face'] });
    await embedReferences([drawn], ports);
    await embedReferences([drawn], ports);
    expect(store.get(imageKey(drawn))).toEqual({ phase: 'error', message: 'no face found' });
    expect(asked).toEqual(['drawn']);
  });

  it('embeds a photo carried by two identities once', async () => {
    const { asked, ports } = lane({});
    await embedReferences([photo('same'), photo('same')], ports);
    expect(asked).toEqual(['same']);
  });

  it('tells a lost photo from a refused one by the worker error alone', () => {
    expect(needsEmbedding(referenceEmbeddingFailure(new VisionClientError('bad_reply', 'reply did not match the protocol')))).toBe(false);
    expect(needsEmbedding(referenceEmbeddingFailure(new Error('decode failed')))).toBe(false);
    expect(referenceEmbeddingFailure('decode failed')).toEqual({ phase: 'error', message: 'decode failed' });
    expect(needsEmbedding(undefined)).toBe(true);
    expect(needsEmbedding({ phase: 'embedding' })).toBe(false);
  });
});
