import { useEffect, useMemo, useState } from 'react';
import type { Embedding } from '../../../app/biometrics/embeddingMath';
import { matchProvenance, verify } from '../../../app/biometrics/faceMatching';
import { assembleVehicleSession, type VehicleSession } from '../../../app/inspection/assembleVehicleSession';
import { evaluateVehicleSession, type SessionRecommendations } from '../../../app/inspection/evaluateVehicleSession';
import type { LaneSession } from '../../../app/inspection/laneSession';
import { sessionIdentities, type IdentityReference, type SessionIdentity } from '../../../app/inspection/sessionIdentities';
import type { FaceComparison, SeatFace, VehicleSessionInput } from '../../../app/inspection/vehicleSessionInput';
import type { InspectionPolicy } from '../../../app/policy/inspectionPolicySchema';
import { policyInForce, type PolicySet } from '../../../app/policy/policySet';
import type { CameraDescriptor } from '../../../app/ports/cameraDescriptor';
import { systemClock } from '../../../app/ports/Clock';
import type { BoothState } from '../../state/createBoothStore';
import type { ReferenceEmbedding, SessionFace, TrackSightings } from '../../state/laneSlice';
import { useBooth, useBoothStore, useVision } from '../../state/StoreContext';
import type { EmbedderManifest } from '../../../app/biometrics/modelManifest';
import { defaultModels } from '../../vision/shippedModels';
import { notChecked, type PresentationAttackCheck } from '../../../app/biometrics/presentationAttackCheck';
import { decodeImage, imageKey } from './encodedImages';
import { embedReferences } from './referenceEmbeddings';
import { seatFitsOf, seenAgainComparisons } from './seenAgainComparisons';

const shippedEmbedder = defaultModels().embedder;

/**
 * The embedder whose calibration decides: the one the host verified and the worker runs. Before the model set is
 * known no face has been embedded, so nothing is compared; the shipped manifest only names the policy meanwhile.
 */
export const decidingEmbedder = (state: Pick<BoothState, 'modelSet'>): EmbedderManifest => state.modelSet?.models.embedder ?? shippedEmbedder;

/** Presentation-attack detection as the host set it: off, or on with the PAD model it verified (null: none verified). */
export type PadMode = { readonly on: false } | { readonly on: true; readonly modelId: string | null };
const padModes = { off: { on: false } } as const;
export const padModeOf = (state: Pick<BoothState, 'modelSet'>): PadMode =>
  state.modelSet?.presentationAttackDetection === 'flag' ? { on: true, modelId: state.modelSet.models.pad?.id ?? null } : padModes.off;

/** With PAD on, the face's best shot's check, or why there is none: a face PAD did not check is never a pass. */
export function presentationAttackOf(face: SessionFace, pad: PadMode): PresentationAttackCheck | undefined {
  if (!pad.on) return undefined;
  if (pad.modelId === null) return notChecked('no verified presentation-attack model (settings faceModels.pad)');
  return face.probes[0]?.presentationAttack ?? notChecked('presentation-attack detection did not run on the best shot', pad.modelId);
}

export interface LaneAssessment {
  readonly session: VehicleSession;
  readonly recommendations: SessionRecommendations;
}

/**
 * Embeds every reference photo of the session's identities (document page, chip, gallery) once each, as
 * they arrive. A photo that cannot be matched (no face, drawn portrait) is remembered as such, not retried; one the
 * worker crashed or timed out on is embedded again when the worker is back (the effect runs again when vision is ready).
 */
export function useReferenceEmbeddings(): void {
  const vision = useVision();
  const store = useBoothStore();
  const session = useBooth((state) => state.laneSession);
  const visionReady = useBooth((state) => state.vision.phase === 'ready');

  useEffect(() => {
    if (!vision || !visionReady || !session) return;
    const wanted = sessionIdentities(session, new Date()).flatMap((identity) => identity.references.map((reference) => reference.image));
    void embedReferences(wanted, {
      current: (key) => store.getState().referenceEmbeddings[key],
      changed: (key, embedding) => store.getState().referenceEmbeddingChanged(key, embedding),
      embed: async (image) => {
        const result = await vision.embedStill(await decodeImage(image), { select: 'central', minInterEyePx: 0 });
        return result.ok ? { embedding: result.face.embedding } : { refused: result.error.message };
      },
    });
  }, [vision, visionReady, store, session]);
}

/**
 * The lane's current vehicle (or traveller) as the officer decides on it: the host's reads and records,
 * the faces seen, each face compared with each identity's references at the booth's target false-match
 * rate, assembled into occupants and run through the decision rules. Re-evaluated every second too, so
 * age and validity rules and the arrival timer stay current.
 */
export function useLaneAssessment(): LaneAssessment | null {
  const session = useBooth((state) => state.laneSession);
  const faces = useBooth((state) => state.sessionFaces);
  const sightings = useBooth((state) => state.trackSightings);
  const references = useBooth((state) => state.referenceEmbeddings);
  const cameras = useBooth((state) => state.laneCameras);
  const optOuts = useBooth((state) => state.optOuts);
  const targetFmr = useBooth((state) => state.info?.faceMatchTargetFmr ?? null);
  const embedder = useBooth(decidingEmbedder);
  const padOn = useBooth((state) => padModeOf(state).on);
  const padModelId = useBooth((state) => state.modelSet?.models.pad?.id ?? null);
  const policies = useBooth((state) => state.info?.policies ?? null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, []);

  return useMemo(
    () => assess(session, faces, sightings, references, cameras, optOuts, targetFmr, policies, embedder, padOn ? { on: true, modelId: padModelId } : padModes.off),
    // tick: re-evaluate with the current time (and under the policy in force now).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session, faces, sightings, references, cameras, optOuts, targetFmr, policies, embedder, padOn, padModelId, tick],
  );
}

/** The same assessment from the store as it is now: what the officer's keys act on. */
export function assessLane(state: BoothState): LaneAssessment | null {
  return assess(state.laneSession, state.sessionFaces, state.trackSightings, state.referenceEmbeddings, state.laneCameras, state.optOuts, state.info?.faceMatchTargetFmr ?? null, state.info?.policies ?? null, decidingEmbedder(state), padModeOf(state));
}

function assess(
  session: LaneSession | null,
  faces: Readonly<Record<string, SessionFace>>,
  sightings: Readonly<Record<string, TrackSightings>>,
  references: Readonly<Record<string, ReferenceEmbedding>>,
  cameras: readonly CameraDescriptor[],
  optOuts: VehicleSessionInput['photographyOptOuts'],
  targetFmr: number | null,
  policies: PolicySet | null,
  embedder: EmbedderManifest,
  pad: PadMode,
): LaneAssessment | null {
  // The rules apply the policy in force at this instant; with none in force (a clock before every policy) nothing
  // is recommended, so nothing can be decided under no rule.
  const policy = policies && policyInForce(policies, systemClock.now());
  if (!session || targetFmr === null || !policy) return null;
  const input = sessionInput(session, faces, references, cameras, optOuts, targetFmr, policy, embedder, pad, sightings);
  const assembled = inSeatOrder(assembleVehicleSession(input, systemClock), faces, cameras);
  return { session: assembled, recommendations: evaluateVehicleSession(assembled, systemClock) };
}

/** The renderer's half of the session input: faces and comparisons, joined to the host's half. */
export function sessionInput(
  session: LaneSession,
  faces: Readonly<Record<string, SessionFace>>,
  references: Readonly<Record<string, ReferenceEmbedding>>,
  cameras: readonly CameraDescriptor[],
  optOuts: VehicleSessionInput['photographyOptOuts'],
  targetFmr: number,
  inspectionPolicy: InspectionPolicy,
  embedder: EmbedderManifest,
  pad: PadMode = padModes.off,
  sightings: Readonly<Record<string, TrackSightings>> = {},
): VehicleSessionInput {
  const policy = { targetFmr };
  const embedded = Object.values(faces).filter((face) => face.probes.length > 0);
  const travellerFace = session.laneType === 'vehicle' ? undefined : oneTravellerFace(embedded);
  const seen = session.laneType === 'vehicle' ? embedded : travellerFace ? [travellerFace] : [];
  const seatFaces: SeatFace[] = seen.map((face) => {
    const presentationAttack = presentationAttackOf(face, pad);
    const sighted = sightingOf(sightings[face.trackId]);
    return {
      trackId: face.trackId,
      cameraId: face.cameraId,
      cameraPosition: cameras.find((c) => c.id === face.cameraId)?.position ?? 'traveller',
      bestShotEmbeddingId: `${face.trackId}#best`,
      ...(face.bestShot ? { bestShot: face.bestShot } : {}),
      ...(presentationAttack ? { presentationAttack } : {}),
      ...sighted,
      ...(session.laneType === 'vehicle' ? seatFitsOf({ cameraId: face.cameraId, ...sighted }, cameras) : {}),
    };
  });
  const identities = sessionIdentities(session, new Date());
  const comparisons: FaceComparison[] = [];
  for (const identity of identities) {
    const embeddings = comparedReferences(identity, references).map((reference) => reference.embedding);
    if (embeddings.length === 0) continue;
    for (const face of seen) {
      // Worker embeddings are plain ArrayBuffer-backed Float32Arrays (transferred, never shared).
      const probe = face.probes.map((p) => p.embedding as Embedding);
      comparisons.push({ trackId: face.trackId, identityKey: identity.key, match: verify(probe, embeddings, embedder, policy) });
    }
  }
  const trackComparisons = session.laneType === 'vehicle' ? seenAgainComparisons(seatFaces, faces, embedder, policy) : [];
  return {
    sessionId: session.sessionId,
    laneId: session.laneId,
    laneType: session.laneType,
    direction: session.direction,
    policy: inspectionPolicy,
    arrivedAt: session.arrivedAt,
    ...(session.plate ? { plate: session.plate } : {}),
    rfidCards: session.rfidCards,
    documents: session.documents.map((d) => ({ read: d.read, ...(d.chip ? { chip: d.chip } : {}) })),
    faces: seatFaces,
    comparisons,
    ...(trackComparisons.length > 0 ? { trackComparisons } : {}),
    records: session.records,
    matchPolicy: matchProvenance(embedder, policy),
    photographyOptOuts: optOuts,
  };
}

const sightingOf = (track: TrackSightings | undefined): Pick<SeatFace, 'sighted'> =>
  track ? { sighted: { firstMs: track.firstMs, firstBox: track.firstBox, lastMs: track.lastMs, lastBox: track.lastBox } } : {};

/** At a one-traveller booth the traveller is the largest face in view; people behind them are not travellers. */
export const oneTravellerFace = (embedded: readonly SessionFace[]): SessionFace | undefined => [...embedded].filter((f) => !f.ended).sort((a, b) => b.area - a.area)[0];

/** Occupant cards in the order the officer sees the car: camera by camera, left to right; papers without a face last. */
function inSeatOrder(session: VehicleSession, faces: Readonly<Record<string, SessionFace>>, cameras: readonly CameraDescriptor[]): VehicleSession {
  const place = (occupant: VehicleSession['occupants'][number]) => {
    const face = occupant.face && faces[occupant.face.trackId];
    if (!face) return cameras.length + 1;
    const camera = cameras.findIndex((c) => c.id === face.cameraId);
    return (camera < 0 ? cameras.length : camera) + face.across;
  };
  return { ...session, occupants: [...session.occupants].sort((a, b) => place(a) - place(b)) };
}

/**
 * The identity's reference photos that can be compared (embedded), in the order `verify` gets them: its
 * `bestReference` indexes this list. A photo refused as a reference (no usable face) is not among them.
 */
export function comparedReferences(identity: SessionIdentity, references: Readonly<Record<string, ReferenceEmbedding>>): readonly (IdentityReference & { readonly embedding: Embedding })[] {
  return identity.references.flatMap((reference) => {
    const state = references[imageKey(reference.image)];
    // Worker embeddings are plain ArrayBuffer-backed Float32Arrays (transferred, never shared).
    return state?.phase === 'ready' ? [{ ...reference, embedding: state.embedding as Embedding }] : [];
  });
}
