import type { MatchProvenance, MatchResult } from '../biometrics/faceMatching';
import type { Box } from '../biometrics/geometry';
import type { PresentationAttackCheck } from '../biometrics/presentationAttackCheck';
import type { CameraDescriptor } from '../ports/cameraDescriptor';
import type { ChipReport } from '../ports/chipReport';
import type { DocumentRead, EncodedImage } from '../ports/documentRead';
import type { VehiclePlate } from '../ports/plateRead';
import type { DocumentQuery, RecordsResult } from '../ports/recordsLookup';
import type { RfidCardRead } from '../ports/rfidRead';
import type { TravellerRecord, VehicleRecord } from '../ports/travellerRecord';
import type { InspectionPolicy } from '../policy/inspectionPolicySchema';
import type { LaneType } from '../settings/boothSettings';
import type { LaneDirection } from '../settings/laneDirection';

/**
 * Everything the booth knows about one vehicle (or, on other lanes, one traveller), exactly as the host
 * events deliver it. The lead's session store accumulates these and calls `assembleVehicleSession`
 * whenever one changes; nothing here is derived, so replaying the same input gives the same record.
 */
export interface VehicleSessionInput {
  readonly sessionId: string;
  readonly laneId: string;
  readonly laneType: LaneType;
  /** Which way the travellers cross: the policy's rules differ by direction. */
  readonly direction: LaneDirection;
  /** The policy in force at the instant of assessment (`policyInForce`): scope, opt-out, age bands, chip severity. */
  readonly policy: InspectionPolicy;
  /** When the vehicle (or traveller) arrived: the first plate read, or the first device event. */
  readonly arrivedAt: string;
  /** The merged plate (PlateReaderPort.onVehicle); absent on non-vehicle lanes or when the camera missed it. */
  readonly plate?: VehiclePlate;
  /** De-duplicated card reads (RfidReaderPort.onCard) tied to this vehicle. */
  readonly rfidCards: readonly RfidCardRead[];
  /** Documents read at the window, each with its chip report when the chip was read. */
  readonly documents: readonly SessionDocument[];
  /** One entry per face track the cameras saw (one person per track). */
  readonly faces: readonly SeatFace[];
  /** Face-vs-identity comparisons (FaceMatching.verify of the track against the identity's references). */
  readonly comparisons: readonly FaceComparison[];
  /**
   * Face-vs-face comparisons of two tracks that may be one occupant: of one camera, never seen in the same frame
   * (seen again? faceSeenAgain.ts), or of two cameras, in one seat (seen by both? faceOnTwoCameras.ts); absent or
   * empty: none made, every track is a person of its own.
   */
  readonly trackComparisons?: readonly TrackComparison[];
  readonly records: SessionRecords;
  /** The face model and threshold in force, recorded even when no comparison could be made. */
  readonly matchPolicy: MatchProvenance;
  /** Travellers who declared they opt out of photography (only U.S. citizens may). */
  readonly photographyOptOuts: readonly PhotographyOptOut[];
}

export interface SessionDocument {
  readonly read: DocumentRead;
  /** The chip report whose documentReadId is this read's readId. */
  readonly chip?: ChipReport;
}

export type SeatPosition = 'driver' | 'front_passenger' | 'rear_left' | 'rear_centre' | 'rear_right' | 'counter';

export interface SeatFace {
  readonly trackId: string;
  readonly cameraId: string;
  readonly cameraPosition: CameraDescriptor['position'];
  readonly seat?: SeatPosition;
  /** Id of the best-shot embedding the comparisons used (kept as evidence, the vector stays in the vision worker). */
  readonly bestShotEmbeddingId: string;
  /** The best shot for the occupant card; dropped for a traveller who opted out. */
  readonly bestShot?: EncodedImage;
  /** Presentation-attack detection on the best shot; absent when PAD is off (presentationAttackReason.ts). */
  readonly presentationAttack?: PresentationAttackCheck;
  /** When and where its camera first and last saw the track (every frame it was in, comparable or not). */
  readonly sighted?: TrackSighting;
  /**
   * The seats (each at a lane offset, seatOfTrack.ts's keys) its camera's geometry puts the track in; absent: not
   * known (no geometry, no sighting), and then it is never taken for a face another camera saw (faceOnTwoCameras.ts).
   */
  readonly seatFits?: readonly string[];
}

/** A track's first and last sightings: the camera's frame time (ms, one clock per camera) and the face's box in it (px). */
export interface TrackSighting {
  readonly firstMs: number;
  readonly firstBox: Box;
  readonly lastMs: number;
  readonly lastBox: Box;
}

/** One track's face against another's, as a face is against papers (FaceMatching.verify, the other track fused as the reference). */
export interface TrackComparison {
  readonly trackId: string;
  readonly otherTrackId: string;
  readonly match: MatchResult;
}

export interface FaceComparison {
  readonly trackId: string;
  /** An identity key from `sessionIdentities` (what the references were). */
  readonly identityKey: string;
  readonly match: MatchResult;
}

export interface TravellerLookup {
  readonly by: { readonly kind: 'document'; readonly query: DocumentQuery } | { readonly kind: 'rfid'; readonly reference: string };
  readonly result: RecordsResult<readonly TravellerRecord[]>;
}

export interface SessionRecords {
  readonly travellers: readonly TravellerLookup[];
  /** The plate lookup; absent while not (yet) made. */
  readonly vehicle?: RecordsResult<readonly VehicleRecord[]>;
}

export interface PhotographyOptOut {
  readonly identityKey: string;
  /** The opted-out traveller's face track, when the officer has pointed it out: it is neither compared nor kept. */
  readonly trackId?: string;
  readonly declaredAt: string;
}
