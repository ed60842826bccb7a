import type { MatchResult } from '../biometrics/faceMatching';
import { assignRoster } from '../biometrics/rosterAssignment';
import { citizenshipCategoryOf } from '../policy/citizenshipCategory';
import { mayOptOut } from '../policy/policyRules';
import type { Clock } from '../ports/Clock';
import type { RecordsError } from '../ports/recordsLookup';
import type { VehicleRecord } from '../ports/travellerRecord';
import { comparisonsThroughPapers, occupantTracks } from './occupantTracks';
import { faceNotComparedBecause, sessionIdentities, type SessionIdentity } from './sessionIdentities';
import type { Evidence } from './reasons';
import type { PhotographyOptOut, SeatFace, VehicleSessionInput } from './vehicleSessionInput';

/** One person in the vehicle: a face with the identity it was assigned, or either side alone. */
export interface Occupant {
  /** Stable across re-assembly: the face track id, else the identity key. */
  readonly occupantId: string;
  readonly face?: SeatFace;
  /**
   * Other tracks of this occupant's face, matching no papers of their own: lost and seen again on its camera
   * (faceSeenAgain.ts), or seen by another camera (faceOnTwoCameras.ts).
   */
  readonly seenAgain?: readonly SeatFace[];
  readonly identity?: SessionIdentity;
  /** The comparison that paired them (absent when unpaired). */
  readonly match?: MatchResult;
  /** The best comparison this identity had with any face, even below the threshold (evidence for a non-match). */
  readonly bestComparison?: MatchResult & { readonly trackId: string };
  /**
   * face_mismatch: a face and papers left over once every match is made, paired with each other (the person
   * holding someone else's card or passport): the face is there, the papers are there, and they do not match.
   * not_compared: on a one-traveller lane, the one face in front of the camera and the one set of papers read,
   * with no reference photo to compare them (a scan without a chip read, a photo that could not be embedded):
   * one traveller whose face could not be verified, not a stranger and someone else's papers.
   */
  readonly status: 'matched' | 'face_mismatch' | 'not_compared' | 'face_without_identity' | 'identity_without_face' | 'opted_out';
  readonly optOut?: PhotographyOptOut;
}

export type ConsistencyFlagCode =
  | 'plate_no_record'
  | 'plate_owner_not_present'
  | 'rfid_count_mismatch'
  | 'face_mismatch'
  | 'face_not_compared'
  | 'unmatched_face'
  | 'unmatched_document'
  | 'rfid_no_record'
  | 'records_unavailable';

export interface ConsistencyFlag {
  readonly code: ConsistencyFlagCode;
  readonly message: string;
  readonly evidence: readonly Evidence[];
}

export interface VehicleSession {
  readonly input: VehicleSessionInput;
  readonly assembledAt: string;
  readonly identities: readonly SessionIdentity[];
  readonly occupants: readonly Occupant[];
  readonly vehicleRecord?: VehicleRecord;
  readonly vehicleRecordStatus: 'found' | 'not_found' | 'unavailable' | 'not_queried' | 'no_plate';
  readonly flags: readonly ConsistencyFlag[];
  /** Every records lookup that failed, so the view can say the service is down and what is missing. */
  readonly recordsOutages: readonly RecordsError[];
}

/** Plate + cards + documents + chips + faces + records -> one record per occupant and one for the vehicle. Pure. */
export function assembleVehicleSession(input: VehicleSessionInput, clock: Clock): VehicleSession {
  const now = clock.now();
  const identities = sessionIdentities(input, now);
  const optOutOf = (identityKey: string) => input.photographyOptOuts.find((o) => o.identityKey === identityKey);
  const optedOutTracks = new Set(input.photographyOptOuts.flatMap((o) => (o.trackId && isEligibleOptOut(input, identities, o) ? [o.trackId] : [])));

  // An eligible opt-out takes the identity (and its face, when pointed out) out of face matching altogether.
  const matchable = identities.filter((i) => !(optOutOf(i.key) && isEligibleOptOut(input, identities, optOutOf(i.key))));
  const faces = input.faces.filter((f) => !optedOutTracks.has(f.trackId));
  const comparison = (trackId: string, key: string) => input.comparisons.find((c) => c.trackId === trackId && c.identityKey === key)?.match;
  const similarity = faces.map((f) => matchable.map((i) => {
    const match = comparison(f.trackId, i.key);
    return match?.decision === 'match' ? match.score : Number.NaN;
  }));
  const roster = assignRoster(similarity, matchable.length, { minSimilarity: Number.NEGATIVE_INFINITY });

  const bestComparison = (key: string) => {
    let best: (MatchResult & { trackId: string }) | undefined;
    for (const c of input.comparisons) if (c.identityKey === key && faces.some((f) => f.trackId === c.trackId) && (!best || c.match.score > best.score)) best = { ...c.match, trackId: c.trackId };
    return best;
  };
  const occupants: Occupant[] = [];
  for (const pair of roster.pairs) {
    const face = faces[pair.face];
    const identity = matchable[pair.identity];
    if (!face || !identity) continue;
    const match = comparison(face.trackId, identity.key);
    occupants.push({ occupantId: face.trackId, face, identity, ...(match ? { match } : {}), status: 'matched' });
  }
  // A face that matched no papers may be a matched occupant's face seen again (lost behind a seat, picked up as a new
  // track) or seen by another camera at the same time: then it is not another person, and it takes nobody's papers.
  const matchedFaces = occupants.flatMap((o) => (o.face ? [o.face] : []));
  const notMatched = roster.unmatchedFaces.flatMap((f) => (faces[f] ? [faces[f]] : []));
  const papersOf = (occupantTrackId: string) => occupants.find((o) => o.face?.trackId === occupantTrackId)?.identity?.key;
  const throughPapers = comparisonsThroughPapers(notMatched, matchedFaces, (trackId, occupantTrackId) => {
    const key = papersOf(occupantTrackId);
    return key === undefined ? undefined : comparison(trackId, key);
  });
  const { kept: unmatchedFaces, seenAgain } = input.laneType === 'vehicle' ? occupantTracks(notMatched, matchedFaces, [...(input.trackComparisons ?? []), ...throughPapers]) : { kept: notMatched, seenAgain: new Map<string, readonly SeatFace[]>() };
  const withSeenAgain = (occupant: Occupant): Occupant => {
    const again = occupant.face && seenAgain.get(occupant.face.trackId);
    return again ? { ...occupant, seenAgain: again } : occupant;
  };
  for (const [k, occupant] of occupants.entries()) occupants[k] = withSeenAgain(occupant);
  // The faces and papers nothing matched are paired with each other by the same optimal assignment on their
  // (below-threshold) scores: three people in the car and three cards is three occupants, one of whom does
  // not look like their card, rather than a face and a card that seem unrelated.
  const leftoverFaces = unmatchedFaces;
  const leftoverIdentities = roster.unmatchedIdentities.flatMap((i) => (matchable[i] ? [matchable[i]] : []));
  const leftover = assignRoster(
    leftoverFaces.map((f) => leftoverIdentities.map((i) => comparison(f.trackId, i.key)?.score ?? Number.NaN)),
    leftoverIdentities.length,
    { minSimilarity: Number.NEGATIVE_INFINITY },
  );
  for (const pair of leftover.pairs) {
    const face = leftoverFaces[pair.face];
    const identity = leftoverIdentities[pair.identity];
    const compared = face && identity ? comparison(face.trackId, identity.key) : undefined;
    if (face && identity && compared) occupants.push(withSeenAgain({ occupantId: face.trackId, face, identity, bestComparison: { ...compared, trackId: face.trackId }, status: 'face_mismatch' }));
  }
  const lonelyFaces = leftover.unmatchedFaces.flatMap((f) => (leftoverFaces[f] ? [leftoverFaces[f]] : []));
  const lonelyIdentities = leftover.unmatchedIdentities.flatMap((i) => (leftoverIdentities[i] ? [leftoverIdentities[i]] : []));
  // At a one-traveller booth the one face in view and the one set of papers read are the same person even
  // when there was nothing to compare them with (had they been compared, the pass above would have paired them).
  // In a vehicle they may be two people (a passenger without papers, a card of someone not aboard), so they
  // stay apart there.
  const [soleFace] = lonelyFaces;
  const [soleIdentity] = lonelyIdentities;
  const oneTravellerLane = input.laneType !== 'vehicle';
  if (oneTravellerLane && soleFace && soleIdentity && lonelyFaces.length === 1 && lonelyIdentities.length === 1) {
    occupants.push({ occupantId: soleFace.trackId, face: soleFace, identity: soleIdentity, status: 'not_compared' });
  } else if (oneTravellerLane && soleFace && lonelyFaces.length === 1 && lonelyIdentities.length === 0 && travellersOptedOutWithoutFace(input, identities).size === 1) {
    // The one face left at a one-traveller booth belongs to the traveller who opted out without it being pointed
    // out (their papers were read before they stepped up, or the tracker lost their face and found it again): it is
    // neither a second person nor kept.
  } else {
    for (const face of lonelyFaces) occupants.push(withSeenAgain({ occupantId: face.trackId, face, status: 'face_without_identity' }));
    for (const identity of lonelyIdentities) {
      const best = bestComparison(identity.key);
      occupants.push({ occupantId: identity.key, identity, ...(best ? { bestComparison: best } : {}), status: 'identity_without_face' });
    }
  }
  for (const identity of identities) {
    const optOut = optOutOf(identity.key);
    if (!optOut || !isEligibleOptOut(input, identities, optOut)) continue;
    // The opted-out traveller's face is not kept on the record at all.
    occupants.push({ occupantId: optOut.trackId ?? identity.key, identity, status: 'opted_out', optOut });
  }

  const vehicle = vehicleRecordOf(input);
  const outages = [
    ...input.records.travellers.flatMap((l) => (l.result.ok ? [] : [l.result.error])),
    ...(input.records.vehicle && !input.records.vehicle.ok ? [input.records.vehicle.error] : []),
  ];
  const session: Omit<VehicleSession, 'flags'> = {
    input,
    assembledAt: now.toISOString(),
    identities,
    occupants,
    ...(vehicle.record ? { vehicleRecord: vehicle.record } : {}),
    vehicleRecordStatus: vehicle.status,
    recordsOutages: outages,
  };
  return { ...session, flags: consistencyFlags(session) };
}

/** How many people's faces the cameras saw: every face track, but a face seen again is not another person. */
export function facesSeenIn(session: Pick<VehicleSession, 'input' | 'occupants'>): number {
  return session.input.faces.length - session.occupants.reduce((n, o) => n + (o.seenAgain?.length ?? 0), 0);
}

/** Every track of an occupant's face: their own, then those of it seen again or by another camera. */
const tracksOf = (occupant: Occupant): string[] => [...(occupant.face ? [occupant.face.trackId] : []), ...(occupant.seenAgain ?? []).map((f) => f.trackId)];

/** The travellers who opted out (eligibly) and whose face is not, or no longer, in view as pointed out. */
function travellersOptedOutWithoutFace(input: VehicleSessionInput, identities: readonly SessionIdentity[]): ReadonlySet<string> {
  const withoutFace = input.photographyOptOuts.filter((o) => isEligibleOptOut(input, identities, o) && !input.faces.some((f) => f.trackId === o.trackId));
  return new Set(withoutFace.map((o) => o.identityKey));
}

/** Whether the policy in force lets this traveller opt out at this lane (citizenship by the record, else the document). */
export function isEligibleOptOut(input: Pick<VehicleSessionInput, 'policy' | 'direction'>, identities: readonly SessionIdentity[], optOut: PhotographyOptOut | undefined): boolean {
  const identity = optOut && identities.find((i) => i.key === optOut.identityKey);
  if (!identity) return false;
  return mayOptOut(input.policy, input.direction, citizenshipCategoryOf(identity));
}

function vehicleRecordOf(input: VehicleSessionInput): { record?: VehicleRecord; status: VehicleSession['vehicleRecordStatus'] } {
  if (!input.plate) return { status: 'no_plate' };
  const lookup = input.records.vehicle;
  if (!lookup) return { status: 'not_queried' };
  if (!lookup.ok) return { status: 'unavailable' };
  const best = input.plate.best;
  const record = lookup.value.find((v) => v.plate === best.plate && (!best.region || !v.region || v.region === best.region)) ?? lookup.value[0];
  return record ? { record, status: 'found' } : { status: 'not_found' };
}

function consistencyFlags(session: Omit<VehicleSession, 'flags'>): ConsistencyFlag[] {
  const { input, occupants } = session;
  const flags: ConsistencyFlag[] = [];
  const plate = input.plate?.best;
  const plateEvidence: Evidence[] = plate ? [{ kind: 'plate_read', readId: plate.readId, plate: plate.plate, region: plate.region, confidence: plate.confidence }] : [];
  if (plate && session.vehicleRecordStatus === 'not_found') {
    flags.push({ code: 'plate_no_record', message: `plate ${plate.plate} (${plate.region || 'no region'}) has no vehicle record`, evidence: plateEvidence });
  }
  const owner = session.vehicleRecord?.registeredOwner;
  if (owner && session.vehicleRecord) {
    const aboard = occupants.some((o) => o.identity?.record && (o.identity.record.recordId === owner.travellerRecordId || `${o.identity.record.givenNames} ${o.identity.record.surname}` === owner.name));
    if (!aboard) {
      flags.push({ code: 'plate_owner_not_present', message: `the vehicle is registered to ${owner.name}, who is not identified among the occupants`, evidence: [...plateEvidence, { kind: 'vehicle_record', vehicleId: session.vehicleRecord.vehicleId }] });
    }
  }
  const facesSeen = facesSeenIn(session);
  if (input.laneType === 'vehicle' && input.rfidCards.length > 0 && input.rfidCards.length !== facesSeen) {
    flags.push({
      code: 'rfid_count_mismatch',
      message: `${input.rfidCards.length} RFID card(s) read, ${facesSeen} face(s) seen`,
      evidence: [{ kind: 'rfid_cards', readIds: input.rfidCards.map((c) => c.readId), count: input.rfidCards.length }, { kind: 'faces_seen', trackIds: input.faces.map((f) => f.trackId) }],
    });
  }
  for (const o of occupants) {
    if (o.status === 'face_without_identity' && o.face) {
      flags.push({ code: 'unmatched_face', message: `a face (${o.face.seat ?? o.face.cameraPosition}) matches no document, card or record`, evidence: [{ kind: 'faces_seen', trackIds: tracksOf(o) }] });
    }
    if (o.status === 'face_mismatch' && o.face && o.identity) {
      flags.push({
        code: 'face_mismatch',
        message: `${o.identity.name ?? o.identity.key}: the face seen (${o.face.seat ?? o.face.cameraPosition}) does not match these papers`,
        evidence: [{ kind: 'faces_seen', trackIds: tracksOf(o) }, { kind: 'identity', identityKey: o.identity.key }],
      });
    }
    if (o.status === 'not_compared' && o.face && o.identity) {
      flags.push({
        code: 'face_not_compared',
        message: `${o.identity.name ?? o.identity.key}: ${faceNotComparedBecause(o.identity)}; the face seen (${o.face.seat ?? o.face.cameraPosition}) could not be verified`,
        evidence: [{ kind: 'faces_seen', trackIds: [o.face.trackId] }, { kind: 'identity', identityKey: o.identity.key }],
      });
    }
    if (o.status === 'identity_without_face' && o.identity) {
      flags.push({ code: 'unmatched_document', message: `${o.identity.name ?? o.identity.key}: no face seen matches this ${o.identity.document ? 'document' : 'card'}`, evidence: [{ kind: 'identity', identityKey: o.identity.key }] });
    }
  }
  for (const identity of session.identities) {
    if (!identity.document && identity.recordStatus === 'not_found') {
      flags.push({ code: 'rfid_no_record', message: `RFID card ${identity.rfidCards[0]?.reference ?? ''} is registered to nobody`, evidence: [{ kind: 'rfid_cards', readIds: identity.rfidCards.map((c) => c.readId), count: identity.rfidCards.length }] });
    }
  }
  if (session.recordsOutages.length > 0) {
    const first = session.recordsOutages[0];
    flags.push({ code: 'records_unavailable', message: `records service: ${first?.message ?? 'unavailable'}; deciding on what is known locally`, evidence: session.recordsOutages.map((e) => ({ kind: 'records_outage' as const, code: e.code, message: e.message })) });
  }
  return flags;
}
