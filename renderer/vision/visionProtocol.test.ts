import { describe, expect, it } from 'vitest';
import { frameResultSchema, stillResultSchema } from './visionProtocol';

const face = {
  box: { x: 10, y: 10, width: 100, height: 100 },
  detectionScore: 0.9,
  trackId: 'still',
  landmarks: Array.from({ length: 5 }, (_, i) => ({ x: i, y: i })),
  quality: { interEyePx: 50, pose: { yaw: 0, pitch: 0, roll: 0 }, sharpness: 100, meanIntensity: 120, score: 0.8, reasons: [] as string[] },
};

describe('vision protocol', () => {
  it('carries a refused reference with its typed reason and the face as measured, never an embedding', () => {
    const refused = stillResultSchema.parse({ ok: false, faceCount: 1, error: { code: 'not_a_face', message: 'a drawing' }, face: { ...face, quality: { ...face.quality, reasons: ['not_a_face'] }, rawNorm: 1.4 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_a_face' }, face: { rawNorm: 1.4 } });
    expect(refused.ok === false && refused.face && 'embedding' in refused.face).toBe(false);
    expect(stillResultSchema.safeParse({ ok: false, faceCount: 0, error: { code: 'looks_odd', message: '' } }).success).toBe(false);
  });

  it('requires an embedding in an accepted still, and accepts the face-ness reasons in a frame', () => {
    const accepted = { ok: true, face, faceCount: 1, width: 100, height: 100, modelId: 'm', modelVersion: '1', timings: { detectMs: 1, landmarksMs: 1, embedMs: 1, totalMs: 3 } };
    expect(stillResultSchema.safeParse(accepted).success).toBe(false);
    expect(stillResultSchema.safeParse({ ...accepted, face: { ...face, embedding: new Float32Array(4) } }).success).toBe(true);
    const frame = {
      cameraId: 'booth-1',
      timestampMs: 0,
      width: 640,
      height: 480,
      dropped: false,
      faces: [{ ...face, quality: { ...face.quality, reasons: ['low_confidence', 'implausible_landmarks', 'not_a_face'] } }],
      endedTrackIds: [],
      timings: { detectMs: 1, landmarksMs: 1, embedMs: 0, totalMs: 2 },
    };
    expect(frameResultSchema.parse(frame).faces[0]?.quality.reasons).toEqual(['low_confidence', 'implausible_landmarks', 'not_a_face']);
  });
});
