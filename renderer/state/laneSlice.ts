import type { StateCreator } from 'zustand/vanilla';
import type { LaneSession } from '../../app/inspection/laneSession';
import type { DecisionRecord, SupervisorAlert } from '../../app/inspection/officerDecision';
import type { Outcome } from '../../app/inspection/evaluateVehicleSession';
import type { PhotographyOptOut, TrackSighting } from '../../app/inspection/vehicleSessionInput';
import type { CameraDescriptor } from '../../app/ports/cameraDescriptor';
import type { CameraScene } from '../../app/ports/cameraScene';
import type { EncodedImage } from '../../app/ports/documentRead';
import type { PresentationAttackCheck } from '../../app/biometrics/presentationAttackCheck';
import type { BoothSlice } from './boothSlice';
import { cameraSceneChanged, continuedFace, generationSeen, noTrackGenerations, trackGenerationOf, type TrackGenerations } from './trackGenerations';

/** A face track seen during the current session, with what matching and the occupant card need. */
export interface SessionFace {
  readonly trackId: string;
  readonly cameraId: string;
  /** The track's best embeddings by quality (fused for a match), each with its PAD check when PAD is on. */
  readonly probes: readonly { readonly score: number; readonly embedding: Float32Array; readonly presentationAttack?: PresentationAttackCheck }[];
  /** The best shot as a small JPEG, for the occupant card. */
  readonly bestShot?: EncodedImage;
  /** Where the face was last seen across its camera's picture (0 left .. 1 right): cards follow the seats. */
  readonly across: number;
  /** Share of the picture the face last filled: at a one-traveller booth the traveller is the largest face. */
  readonly area: number;
  /** The track ended (the person left the view); kept until the next session. */
  readonly ended: boolean;
}

/**
 * When and where a camera saw a track, in every frame it was in (embedded or not, before its first comparable shot
 * too): two tracks seen in the same frame are two people (app/inspection/faceSeenAgain.ts).
 */
export interface TrackSightings extends TrackSighting {
  readonly cameraId: string;
  readonly ended: boolean;
}

export type ReferenceEmbedding =
  | { readonly phase: 'embedding' }
  | { readonly phase: 'ready'; readonly embedding: Float32Array }
  /** `lostWithWorker`: the vision worker crashed or timed out on it (the photo is not at fault): embedded again once the worker is back. */
  | { readonly phase: 'error'; readonly message: string; readonly lostWithWorker?: true };

/** A face in a scene camera's latest processed frame, as its overlay draws it. */
export interface SceneFaceBox {
  readonly trackId: string;
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly qualityReasons: readonly string[];
}

export interface SceneCameraFrame {
  readonly width: number;
  readonly height: number;
  readonly faces: readonly SceneFaceBox[];
}

export interface SceneFrameResult extends SceneCameraFrame {
  /** The frame's time on its camera's clock (ms). */
  readonly timestampMs: number;
  readonly faces: readonly (SceneFaceBox & { readonly qualityScore: number; readonly embedding?: Float32Array; readonly bestShot?: EncodedImage; readonly presentationAttack?: PresentationAttackCheck })[];
  readonly endedTrackIds: readonly string[];
}

/** Subject keys: `occupant:<occupantId>` or `vehicle`. */
export type SubjectKey = string;

export type DecisionState =
  | { readonly phase: 'saving'; readonly outcome: Outcome }
  | { readonly phase: 'recorded'; readonly decision: DecisionRecord }
  | { readonly phase: 'failed'; readonly outcome: Outcome; readonly message: string };

/** An officer's decision that needs a reason from the list before it can be recorded (shown inline, no dialog). */
export interface PendingReason {
  readonly subject: SubjectKey;
  readonly outcome: Outcome;
}

const probeSize = 5;

/** The lane's current vehicle or traveller, the faces seen with it, and the officer's decisions on it. */
export interface LaneSlice {
  readonly laneSession: LaneSession | null;
  readonly laneCameras: readonly CameraDescriptor[];
  readonly cameraScenes: Readonly<Record<string, CameraScene>>;
  readonly sessionFaces: Readonly<Record<string, SessionFace>>;
  /** Every track seen during the session, by track id (sessionFaces holds only those with a comparable face). */
  readonly trackSightings: Readonly<Record<string, TrackSightings>>;
  readonly sceneFrames: Readonly<Record<string, SceneCameraFrame>>;
  /** Which tracker each camera's tracks come from, and the tracks that continue a face after a worker restart. */
  readonly trackGenerations: TrackGenerations;
  /** Reference photo embeddings by reference key (see referenceKey). */
  readonly referenceEmbeddings: Readonly<Record<string, ReferenceEmbedding>>;
  readonly decisions: Readonly<Record<SubjectKey, DecisionState>>;
  readonly supervisorAlerts: readonly SupervisorAlert[];
  readonly optOuts: readonly PhotographyOptOut[];
  /** Index into the occupant cards of the one the keys act on. */
  readonly selectedOccupant: number;
  readonly pendingReason: PendingReason | null;
  /**
   * A session the officer put away (Esc, or the desk emptied at a change of user): later updates of it (its
   * records arriving, a reconnection's snapshot) do not bring it back; the next traveller does.
   */
  readonly dismissedSessionId: string | null;
  /** The current traveller's raw MRZ lines are shown (M). */
  readonly showRawMrz: boolean;
  /** Bumped to open the cameras again (R: after a permission change or a replug). */
  readonly cameraAttempt: number;
  /** How many places the camera devices are turned (N: the next device for the traveller camera). */
  readonly cameraRotation: number;
  laneSessionReceived(session: LaneSession | null): void;
  laneCamerasLoaded(cameras: readonly CameraDescriptor[]): void;
  cameraSceneReceived(scene: CameraScene): void;
  /** A frame of a camera was processed: boxes for its overlay, and the faces' embeddings and best shots. */
  sceneFrameProcessed(cameraId: string, frame: SceneFrameResult): void;
  referenceEmbeddingChanged(key: string, state: ReferenceEmbedding): void;
  decisionChanged(subject: SubjectKey, state: DecisionState): void;
  supervisorAlerted(alert: SupervisorAlert): void;
  optOutDeclared(optOut: PhotographyOptOut): void;
  /** The officer takes back an opt-out they recorded by mistake (before anything was confirmed). */
  optOutWithdrawn(identityKey: string): void;
  occupantSelected(index: number): void;
  reasonRequested(pending: PendingReason | null): void;
  /** Esc: the traveller on screen is put away until the next one. */
  travellerDismissed(): void;
  rawMrzToggled(): void;
  cameraRetried(): void;
  nextCameraSelected(): void;
}

/** A new vehicle or traveller also clears the booth's notice about the last one. */
export const createLaneSlice: StateCreator<LaneSlice & Pick<BoothSlice, 'notice'>, [], [], LaneSlice> = (set) => ({
  laneSession: null,
  laneCameras: [],
  cameraScenes: {},
  sessionFaces: {},
  trackSightings: {},
  sceneFrames: {},
  trackGenerations: noTrackGenerations,
  referenceEmbeddings: {},
  decisions: {},
  supervisorAlerts: [],
  optOuts: [],
  selectedOccupant: 0,
  pendingReason: null,
  dismissedSessionId: null,
  showRawMrz: false,
  cameraAttempt: 0,
  cameraRotation: 0,
  laneSessionReceived: (session) =>
    set((state) => {
      if (session && session.sessionId === state.dismissedSessionId) return {};
      if (session && state.laneSession?.sessionId === session.sessionId) return { laneSession: session };
      // A new vehicle or traveller: the previous one's decisions, notices and departed faces go; people still in view stay.
      const stillInView = Object.fromEntries(Object.entries(state.sessionFaces).filter(([, face]) => !face.ended));
      const stillSighted = Object.fromEntries(Object.entries(state.trackSightings).filter(([, track]) => !track.ended));
      return { laneSession: session, sessionFaces: stillInView, trackSightings: stillSighted, ...emptyDesk, ...(session ? { notice: null } : {}) };
    }),
  laneCamerasLoaded: (laneCameras) => set({ laneCameras }),
  cameraSceneReceived: (scene) =>
    set((state) => {
      if (state.cameraScenes[scene.cameraId]?.version === scene.version) return {};
      // A withdrawn scene: the camera shows its own video again.
      const { [scene.cameraId]: _replaced, ...others } = state.cameraScenes;
      return {
        cameraScenes: scene.withdrawn ? others : { ...others, [scene.cameraId]: scene },
        trackGenerations: cameraSceneChanged(state.trackGenerations, scene.cameraId),
        // Other people in front of the camera: its earlier tracks are of people who have gone.
        sessionFaces: Object.fromEntries(Object.entries(state.sessionFaces).map(([id, face]) => [id, face.cameraId === scene.cameraId ? { ...face, ended: true } : face])),
        trackSightings: Object.fromEntries(Object.entries(state.trackSightings).map(([id, track]) => [id, track.cameraId === scene.cameraId ? { ...track, ended: true } : track])),
      };
    }),
  sceneFrameProcessed: (cameraId, frame) =>
    set((state) => {
      const next: Record<string, SessionFace> = { ...state.sessionFaces };
      let generations = state.trackGenerations;
      let changed = false;
      let orphaned: readonly string[] = [];
      // A new tracker on the camera (a restarted worker): the faces in view wait for their seat's new track (trackGenerations).
      const newest = frame.faces[0]?.trackId ?? frame.endedTrackIds[0];
      if (newest !== undefined) {
        const inView = Object.values(next).filter((f) => f.cameraId === cameraId && !f.ended).map((f) => f.trackId);
        const seen = generationSeen(generations, cameraId, trackGenerationOf(newest), inView);
        generations = seen.generations;
        for (const id of seen.orphaned) next[id] = { ...next[id]!, ended: true };
        orphaned = seen.orphaned;
        changed = seen.orphaned.length > 0;
      }
      const faceOf = (trackId: string) => generations.continues[trackId] ?? trackId;
      for (const id of frame.endedTrackIds) {
        const face = next[faceOf(id)];
        if (face) next[face.trackId] = { ...face, ended: true };
      }
      changed ||= frame.endedTrackIds.length > 0;
      for (const face of frame.faces) {
        if (!face.embedding) continue;
        const across = (face.box.x + face.box.width / 2) / Math.max(1, frame.width);
        const area = (face.box.width * face.box.height) / Math.max(1, frame.width * frame.height);
        let trackId = faceOf(face.trackId);
        if (!next[trackId]) {
          const continued = continuedFace(generations, cameraId, face.trackId, { across, area }, (id) => next[id]);
          generations = continued.generations;
          trackId = continued.continues ?? trackId;
        }
        // Track ids are never reused (the worker's tracker ids carry its engine and generation): a known id is the same person.
        const known = next[trackId];
        const probes = [...(known?.probes ?? []), { score: face.qualityScore, embedding: face.embedding, ...(face.presentationAttack ? { presentationAttack: face.presentationAttack } : {}) }].sort((a, b) => b.score - a.score).slice(0, probeSize);
        const isBest = probes[0]?.embedding === face.embedding;
        const bestShot = isBest && face.bestShot ? face.bestShot : known?.bestShot;
        next[trackId] = { trackId, cameraId, probes, ...(bestShot ? { bestShot } : {}), across, area, ended: false };
        changed = true;
      }
      // The overlay labels a box with its tracker's own id (what the worker tracks now), whichever card it continues.
      const sceneFrames = { ...state.sceneFrames, [cameraId]: { width: frame.width, height: frame.height, faces: frame.faces.map(({ trackId, box, qualityReasons }) => ({ trackId, box, qualityReasons })) } };
      // Sightings are the face's (the card's track), whichever tracker sees it now.
      const trackSightings = sightingsAfter(state.trackSightings, cameraId, frame, faceOf, orphaned);
      return {
        sceneFrames,
        ...(changed ? { sessionFaces: next } : {}),
        ...(generations !== state.trackGenerations ? { trackGenerations: generations } : {}),
        ...(trackSightings !== state.trackSightings ? { trackSightings } : {}),
      };
    }),
  referenceEmbeddingChanged: (key, embedding) => set((state) => ({ referenceEmbeddings: { ...state.referenceEmbeddings, [key]: embedding } })),
  decisionChanged: (subject, decision) => set((state) => ({ decisions: { ...state.decisions, [subject]: decision } })),
  supervisorAlerted: (alert) => set((state) => ({ supervisorAlerts: [...state.supervisorAlerts, alert] })),
  optOutDeclared: (optOut) => set((state) => ({ optOuts: [...state.optOuts.filter((o) => o.identityKey !== optOut.identityKey), optOut] })),
  optOutWithdrawn: (identityKey) => set((state) => ({ optOuts: state.optOuts.filter((o) => o.identityKey !== identityKey) })),
  occupantSelected: (selectedOccupant) => set({ selectedOccupant, pendingReason: null }),
  reasonRequested: (pendingReason) => set({ pendingReason }),
  travellerDismissed: () => set((state) => ({ ...emptyDesk, laneSession: null, dismissedSessionId: state.laneSession?.sessionId ?? state.dismissedSessionId })),
  rawMrzToggled: () => set((state) => ({ showRawMrz: !state.showRawMrz })),
  cameraRetried: () => set((state) => ({ cameraAttempt: state.cameraAttempt + 1 })),
  nextCameraSelected: () => set((state) => ({ cameraRotation: state.cameraRotation + 1 })),
});

/**
 * The sightings with one more processed frame of `cameraId`: its faces seen (at the frame's time, under the track of
 * the face they continue after a worker restart), its ended and orphaned tracks marked.
 */
function sightingsAfter(
  sightings: Readonly<Record<string, TrackSightings>>,
  cameraId: string,
  frame: SceneFrameResult,
  faceOf: (workerTrackId: string) => string,
  orphaned: readonly string[],
): Readonly<Record<string, TrackSightings>> {
  if (frame.faces.length === 0 && frame.endedTrackIds.length === 0 && orphaned.length === 0) return sightings;
  const next: Record<string, TrackSightings> = { ...sightings };
  for (const id of [...frame.endedTrackIds.map(faceOf), ...orphaned]) {
    const track = next[id];
    if (track) next[id] = { ...track, ended: true };
  }
  for (const { trackId: workerTrackId, box } of frame.faces) {
    const trackId = faceOf(workerTrackId);
    const seen = { x: box.x, y: box.y, width: box.width, height: box.height };
    const known = next[trackId];
    next[trackId] = known ? { ...known, lastMs: frame.timestampMs, lastBox: seen, ended: false } : { cameraId, firstMs: frame.timestampMs, firstBox: seen, lastMs: frame.timestampMs, lastBox: seen, ended: false };
  }
  return next;
}

/** What the officer did on the session on screen: gone with it (and with the user: sessionSlice's userWorkCleared). */
export const emptyDesk = { decisions: {}, optOuts: [], selectedOccupant: 0, pendingReason: null, showRawMrz: false } as const;
