import { describe, expect, it } from 'vitest';
import { thresholdForFmr } from '../../../../app/biometrics/calibration';
import type { LaneSession } from '../../../../app/inspection/laneSession';
import { galleryEntry } from '../../../../app/inspection/exit/testSupport/galleryEntry';
import { simulatedTravellers } from '../../../../native-bridges/document-reader/simulatedTravellers';
import type { ReferenceEmbedding, SessionFace } from '../../../state/laneSlice';
import { defaultModels } from '../../../vision/shippedModels';
import { imageKey } from '../encodedImages';
import { exitDocumentComparisons, type ExitDocumentInputs } from './exitDocumentComparisons';

/** The pedestrian exit traveller's face compared 1:1 with the passport they present, with the entry lane's verify and threshold. */

const embedder = defaultModels().embedder;
const targetFmr = 1e-3;
const threshold = thresholdForFmr(embedder.calibration, targetFmr);
const unit = (...weights: number[]): Float32Array => {
  const v = new Float32Array(512);
  weights.forEach((w, i) => (v[i] = w));
  const norm = Math.hypot(...weights);
  return v.map((x) => x / norm);
};
const photo = { mediaType: 'image/jpeg' as const, base64: 'L898902C3portraitAAAA' };
const passport = { readId: 'read-1', readerId: 'sim', source: 'simulated' as const, readAt: '2026-12-07T09:10:00Z', mrz: [...simulatedTravellers[0]!.mrz], photo };
const session: LaneSession = { sessionId: 'exit-ped-1', laneId: 'ped-4', laneType: 'pedestrian', direction: 'exit', arrivedAt: '2026-12-07T09:09:00Z', rfidCards: [], documents: [{ read: passport }], records: { travellers: [] }, recordsPending: false };
const face = (trackId: string, embedding: Float32Array, fields: Partial<SessionFace> = {}): SessionFace => ({ trackId, cameraId: 'traveller', probes: [{ score: 0.9, embedding }], across: 0.5, area: 0.2, ended: false, ...fields });
const portrait = unit(1, 0.2);
const ready = (embedding: Float32Array): Record<string, ReferenceEmbedding> => ({ [imageKey(photo)]: { phase: 'ready', embedding } });
const inputs = (fields: Partial<ExitDocumentInputs>): ExitDocumentInputs => ({ session, faces: [], references: ready(portrait), targetFmr, embedder, gallery: [], now: new Date('2026-12-07T09:11:00Z'), ...fields });

describe('the exit traveller compared 1:1 with the passport presented', () => {
  it('the same face as the passport photo matches at the booth target FMR, with the entry lane model and calibration', () => {
    const [comparison] = Object.values(exitDocumentComparisons(inputs({ faces: [face('cam:1', unit(1, 0.25))] })).byFace);
    expect(comparison).toMatchObject({ kind: 'compared', decision: 'match', referenceSource: 'document', threshold, targetFmr, modelId: embedder.id, calibrationVersion: embedder.calibration.version, document: { documentNumber: 'L898902C3', nationality: 'SWE', name: 'ANNA MARIA ERIKSSON' } });
  });

  it('another person’s face (orthogonal embedding) does not match: the comparison says no_match', () => {
    expect(exitDocumentComparisons(inputs({ faces: [face('cam:1', unit(0, 0, 1))] })).byFace['cam:1']).toMatchObject({ kind: 'compared', decision: 'no_match' });
  });

  it('a photo not embedded yet, or refused, is a comparison not made, never a pass', () => {
    const faces = [face('cam:1', unit(1, 0.25))];
    expect(exitDocumentComparisons(inputs({ faces, references: { [imageKey(photo)]: { phase: 'embedding' } } })).byFace['cam:1']).toMatchObject({ kind: 'not_compared', reason: 'the document photo is not ready yet' });
    expect(exitDocumentComparisons(inputs({ faces, references: { [imageKey(photo)]: { phase: 'error', message: 'no face found' } } })).byFace['cam:1']).toMatchObject({ kind: 'not_compared', reason: 'the document photo could not be used (no face found)' });
    const noPhoto = { ...session, documents: [{ read: { ...passport, photo: undefined } }] };
    expect(exitDocumentComparisons(inputs({ faces, session: noPhoto })).byFace['cam:1']).toMatchObject({ kind: 'not_compared', reason: 'no reference photo to compare the face with' });
  });

  it('the document is the traveller in front of the booth (the largest face in view), and names the gallery travellers whose document photo it is', () => {
    const behind = face('cam:2', unit(0, 1), { area: 0.05 });
    const gallery = [galleryEntry('EX-0001', { documentPhotos: [{ photoId: 'p1', source: 'passport_application', image: photo }] }), galleryEntry('EX-0002')];
    const found = exitDocumentComparisons(inputs({ faces: [face('cam:1', unit(1, 0.25)), behind], gallery })).byFace;
    expect(Object.keys(found)).toEqual(['cam:1']);
    expect(found['cam:1']?.document.photoOfTravellers).toEqual(['EX-0001']);
  });

  it('no document in the session: nothing compared', () => {
    expect(exitDocumentComparisons(inputs({ faces: [face('cam:1', portrait)], session: { ...session, documents: [] } }))).toEqual({ byFace: {}, withoutFace: [] });
  });

  it('in a vehicle, documents and faces are paired as at entry: each document goes to the face it matches, even when another document matches that face better', () => {
    // Two passports, two occupants: the driver resembles both photos (the first best); the passenger only the second one.
    const photo2 = { mediaType: 'image/jpeg' as const, base64: 'SECONDportraitBBBB' };
    const second = { ...passport, readId: 'read-2', mrz: [...simulatedTravellers[1]!.mrz], photo: photo2 };
    const car: LaneSession = { ...session, laneType: 'vehicle', documents: [{ read: passport }, { read: second }] };
    const references = { ...ready(unit(1, 0.1)), [imageKey(photo2)]: { phase: 'ready' as const, embedding: unit(1, 0.6) } };
    const driver = face('cam:1', unit(1, 0.3));
    const passenger = face('cam:2', unit(0.2, 1));
    const found = exitDocumentComparisons(inputs({ session: car, faces: [driver, passenger], references }));
    expect(found.byFace['cam:1']).toMatchObject({ decision: 'match', document: { documentNumber: 'L898902C3' } });
    expect(found.byFace['cam:2']).toMatchObject({ decision: 'match', document: { documentNumber: 'A12345678' } });
    expect(found.withoutFace).toEqual([]);
  });

  it('in a vehicle, a document whose photo matches no occupant is not dropped: it comes back without a face, with its closest non-match', () => {
    const car: LaneSession = { ...session, laneType: 'vehicle' };
    const found = exitDocumentComparisons(inputs({ session: car, faces: [face('cam:1', unit(0, 1)), face('cam:2', unit(0, 0, 1))] }));
    expect(found.byFace).toEqual({});
    expect(found.withoutFace).toEqual([expect.objectContaining({ kind: 'compared', decision: 'no_match', document: expect.objectContaining({ documentNumber: 'L898902C3' }) })]);
    const noFaces = exitDocumentComparisons(inputs({ session: car, faces: [] }));
    expect(noFaces.withoutFace).toEqual([expect.objectContaining({ kind: 'not_compared', reason: 'no face seen to compare it with' })]);
  });
});
