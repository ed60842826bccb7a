import { verify, type MatchPolicy } from '../../app/biometrics/faceMatching';
import { l2Normalise, type Embedding } from '../../app/biometrics/embeddingMath';
import type { EmbedderManifest } from '../../app/biometrics/modelManifest';
import type { ChipReport } from '../../app/ports/chipReport';
import type { DocumentRead } from '../../app/ports/documentRead';
import type { RecordsResult } from '../../app/ports/recordsLookup';
import type { RfidCardRead } from '../../app/ports/rfidRead';
import type { TravellerRecord } from '../../app/ports/travellerRecord';
import { sessionIdentities } from '../../app/inspection/sessionIdentities';
import type { FaceComparison, SeatFace, SeatPosition, VehicleSessionInput } from '../../app/inspection/vehicleSessionInput';
import type { InspectionPolicy } from '../../app/policy/inspectionPolicySchema';
import type { LaneDirection } from '../../app/settings/laneDirection';
import { shippedPolicyAt } from '../policy/policyFolder.node.ts';
import { simulatedTravellers } from '../document-reader/simulatedTravellers';
import { simulatedVehicles } from '../plate-reader/simulatedVehicles.node.ts';
import { scriptedRecordsScenario, type RecordsScenario } from './scriptedRecords.node.ts';

/**
 * A whole scripted vehicle as the session input the booth would have assembled from its devices: plate,
 * cards, documents, chip reports, faces with synthetic embeddings compared by the real matcher, and records
 * lookups answered from the scripted records. Tests, the lane benchmark and trainer scenarios start from it
 * and change one thing (an impostor, an outage, a cloned chip).
 */
export interface ScriptedVehicleOptions {
  readonly vehicle?: number;
  readonly now: Date;
  readonly model: EmbedderManifest;
  readonly policy?: MatchPolicy;
  /** People in the car (indexes into simulatedTravellers, driver first); the vehicle's script by default. */
  readonly occupants?: readonly number[];
  /** Occupant positions (index into the occupants) whose face is someone else's. */
  readonly impostors?: readonly number[];
  /** Occupant positions who also show a document at the window (all by default). */
  readonly documentsRead?: readonly number[];
  readonly scenario?: RecordsScenario;
  /** Occupant position -> chip report for their document. */
  readonly chips?: Readonly<Record<number, ChipReport>>;
  /** Extra occupants beyond the script (faces only, synthetic people with no papers). */
  readonly stowaways?: number;
  /** Lookups fail with this instead of answering (records outage). */
  readonly recordsDown?: boolean;
  /** The lane's direction (entry by default). */
  readonly direction?: LaneDirection;
  /** The policy the rules apply (the shipped one in force at `now` by default). */
  readonly inspectionPolicy?: InspectionPolicy;
}

const seats: readonly SeatPosition[] = ['driver', 'front_passenger', 'rear_left', 'rear_right', 'rear_centre'];

export function scriptedVehicleSession(options: ScriptedVehicleOptions): VehicleSessionInput {
  const scripted = simulatedVehicles[options.vehicle ?? 0];
  if (!scripted) throw new RangeError(`no simulated vehicle ${options.vehicle}`);
  const vehicle = { ...scripted, occupants: options.occupants ?? scripted.occupants };
  const scenario = options.scenario ?? scriptedRecordsScenario;
  const at = options.now.toISOString();
  const policy = options.policy ?? { targetFmr: 1e-4 };
  const laneId = 'lane-1';
  const rfidCards: RfidCardRead[] = vehicle.cards.map((card, i) => ({ ...card, laneId, readAt: at, firstReadAt: at, tagReads: 4, readId: `rfid-${i + 1}`, readerId: 'sim-rfid-reader' }));
  const documentsRead = options.documentsRead ?? vehicle.occupants.map((_, i) => i);
  const documents = documentsRead.map((position) => {
    const traveller = simulatedTravellers[vehicle.occupants[position] ?? -1];
    if (!traveller) throw new RangeError(`no occupant ${position}`);
    const read: DocumentRead = { readId: `doc-${position + 1}`, readerId: 'sim-document-reader', source: 'simulated', readAt: at, mrz: [...traveller.mrz] };
    const chip = options.chips?.[position];
    return chip ? { read, chip: { ...chip, documentReadId: read.readId } } : { read };
  });

  const outage = { ok: false as const, error: { code: 'unavailable' as const, message: 'cannot reach the records service (simulated outage)' }, durationMs: 2 };
  const answer = <T>(value: T): RecordsResult<T> => (options.recordsDown ? outage : { ok: true, value, durationMs: 3 });
  const travellersBy = (match: (t: TravellerRecord) => boolean) => answer<readonly TravellerRecord[]>(scenario.travellers.filter(match));
  const lookups = [
    ...rfidCards.map((card) => ({ by: { kind: 'rfid' as const, reference: card.reference }, result: travellersBy((t) => t.rfidReferences.includes(card.reference)) })),
    ...documents.map(({ read }) => {
      const number = (read.mrz.length === 3 ? read.mrz[0]?.slice(5, 14) : read.mrz[1]?.slice(0, 9))?.replace(/</g, '') ?? '';
      return { by: { kind: 'document' as const, query: { documentNumber: number } }, result: travellersBy((t) => t.documents.some((d) => d.documentNumber === number)) };
    }),
  ];
  const records = { travellers: lookups, vehicle: answer(scenario.vehicles.filter((v) => v.plate === vehicle.plate)) };

  // Each scripted person has a fixed synthetic identity vector; a live face is that vector plus capture noise.
  const identityVector = (person: number) => gaussianEmbedding(1000 + person, options.model.outputSize);
  const faces: SeatFace[] = [];
  const probes = new Map<string, Embedding>();
  const people = [...vehicle.occupants.map((p, i) => ((options.impostors ?? []).includes(i) ? 500 + p : p)), ...Array.from({ length: options.stowaways ?? 0 }, (_, i) => 900 + i)];
  people.forEach((person, i) => {
    const trackId = `track-${i + 1}`;
    faces.push({ trackId, cameraId: i < 2 ? 'cam-driver' : 'cam-rear', cameraPosition: i < 2 ? 'driver' : 'rear', seat: seats[i % seats.length] ?? 'rear_centre', bestShotEmbeddingId: `emb-${trackId}` });
    probes.set(trackId, mix(identityVector(person), gaussianEmbedding(7000 + i, options.model.outputSize), 0.75));
  });

  const partial = { documents, rfidCards, records, laneType: 'vehicle' as const };
  const comparisons: FaceComparison[] = [];
  for (const identity of sessionIdentities(partial, options.now)) {
    const person = personOf(identity.documentNumber, identity.record);
    if (person === undefined) continue;
    const references = [mix(identityVector(person), gaussianEmbedding(3000 + person, options.model.outputSize), 0.8)];
    for (const face of faces) comparisons.push({ trackId: face.trackId, identityKey: identity.key, match: verify([probes.get(face.trackId) ?? references[0]!], references, options.model, policy) });
  }
  const first = comparisons[0]?.match ?? verify([identityVector(0)], [identityVector(0)], options.model, policy);
  return {
    sessionId: `session-${vehicle.plate}`,
    laneId,
    laneType: 'vehicle',
    direction: options.direction ?? 'entry',
    policy: options.inspectionPolicy ?? shippedPolicyAt(options.now),
    arrivedAt: at,
    plate: {
      vehicleId: 'vehicle-1',
      laneId,
      best: { plate: vehicle.plate, region: vehicle.region, confidence: 0.94, timestamp: at, laneId, readId: 'plate-read-1', readerId: 'sim-plate-reader', source: 'simulated' },
      readCount: vehicle.reads.length,
      firstReadAt: at,
      lastReadAt: at,
      alternatives: [],
    },
    rfidCards,
    documents,
    faces,
    comparisons,
    records,
    matchPolicy: { modelId: first.modelId, modelVersion: first.modelVersion, calibrationVersion: first.calibrationVersion, targetFmr: first.targetFmr, threshold: first.threshold },
    photographyOptOuts: [],
  };
}

/** The scripted traveller (index into simulatedTravellers) an identity stands for. */
function personOf(documentNumber: string | null, record: TravellerRecord | undefined): number | undefined {
  const numbers = new Set([documentNumber, ...(record?.documents.map((d) => d.documentNumber) ?? [])]);
  const index = simulatedTravellers.findIndex((t) => {
    const line = t.mrz.length === 3 ? t.mrz[0]?.slice(5, 14) : t.mrz[1]?.slice(0, 9);
    return numbers.has(line?.replace(/</g, '') ?? '');
  });
  return index >= 0 ? index : undefined;
}

/** A deterministic pseudo-random unit vector (mulberry32 + Box-Muller). */
export function gaussianEmbedding(seed: number, length: number): Embedding {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const v = new Float32Array(length);
  for (let i = 0; i < length; i++) v[i] = Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  return l2Normalise(v);
}

function mix(signal: Embedding, noise: Embedding, weight: number): Embedding {
  return l2Normalise(signal.map((s, i) => weight * s + (1 - weight) * (noise[i] ?? 0)));
}
