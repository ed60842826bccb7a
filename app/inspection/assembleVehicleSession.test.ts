import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedderManifestSchema } from '../biometrics/modelManifest';
import type { LaneType } from '../settings/boothSettings';
import { scriptedRecordsScenario } from '../../native-bridges/records-service/scriptedRecords.node.ts';
import { scriptedVehicleSession, type ScriptedVehicleOptions } from '../../native-bridges/records-service/scriptedVehicleSession.node.ts';
import { assembleVehicleSession } from './assembleVehicleSession';
import type { VehicleRecord } from '../ports/travellerRecord';
import type { VehicleSessionInput } from './vehicleSessionInput';

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../assets/models/fr_feature.json', import.meta.url), 'utf8')));
const now = new Date('2026-11-23T10:00:00Z');
const clock = { now: () => now };

/**
 * Michael Johnson at a booth: his passport typed in by a keyboard-wedge reader (no chip, no page photo), his
 * record without gallery photos, his face in view; so there is no reference photo and no comparison.
 */
function atTheBooth(laneType: LaneType, options: Partial<ScriptedVehicleOptions> = {}, compared = false): VehicleSessionInput {
  const scenario = { ...scriptedRecordsScenario, travellers: scriptedRecordsScenario.travellers.map((t) => ({ ...t, gallery: [] })) };
  const { plate: _plate, ...input } = scriptedVehicleSession({ now, model, scenario, occupants: [1], ...options });
  const travellers = input.records.travellers.filter((lookup) => lookup.by.kind === 'document');
  return { ...input, laneType, rfidCards: [], records: { travellers }, comparisons: compared ? input.comparisons : [] };
}

describe('assembleVehicleSession', () => {
  it('turns plate + cards + documents + faces + records into one occupant per person and a vehicle record', () => {
    const session = assembleVehicleSession(scriptedVehicleSession({ now, model }), clock);
    expect(session.vehicleRecord?.vehicleId).toBe('VH-0001');
    expect(session.vehicleRecordStatus).toBe('found');
    expect(session.occupants.map((o) => o.status)).toEqual(['matched', 'matched', 'matched']);
    // Each card, document and record of one person collapse into one identity keyed by the record.
    expect(session.identities.map((i) => i.key).sort()).toEqual(['record:TR-0001', 'record:TR-0002', 'record:TR-0005']);
    const driver = session.occupants.find((o) => o.face?.seat === 'driver');
    expect(driver?.identity?.record?.surname).toBe('JOHNSON');
    expect(driver?.identity?.rfidCards.map((c) => c.cardType)).toEqual(['passport_card']);
    expect(driver?.identity?.document?.rules.ageYears).toBe(41);
    expect(driver?.match?.decision).toBe('match');
    expect(session.flags).toEqual([]);
  });

  it('3 faces, 3 cards, 2 matched: the impostor is one occupant whose face does not match their card', () => {
    const session = assembleVehicleSession(scriptedVehicleSession({ now, model, impostors: [2] }), clock);
    expect(session.occupants).toHaveLength(3);
    expect(session.occupants.filter((o) => o.status === 'matched')).toHaveLength(2);
    const impostor = session.occupants.find((o) => o.status === 'face_mismatch');
    expect(impostor?.face?.trackId).toBe('track-3');
    expect(impostor?.identity?.key).toBe('record:TR-0005');
    expect(impostor?.match).toBeUndefined();
    expect(impostor?.bestComparison).toMatchObject({ decision: 'no_match', trackId: 'track-3' });
    expect(session.flags.map((f) => f.code)).toEqual(['face_mismatch']);
    expect(session.flags[0]?.message).toContain('does not match these papers');
  });

  it('leaves a face with no papers and papers with no face apart when nothing was compared between them', () => {
    // Cards only, records down: no reference photo, so no comparison to pair on.
    const session = assembleVehicleSession(scriptedVehicleSession({ now, model, recordsDown: true, documentsRead: [] }), clock);
    expect(session.occupants.filter((o) => o.status === 'face_mismatch')).toEqual([]);
    expect(session.occupants.filter((o) => o.status === 'face_without_identity')).toHaveLength(3);
    expect(session.occupants.filter((o) => o.status === 'identity_without_face')).toHaveLength(3);
  });

  it('at a one-traveller booth, pairs the lone face and the lone papers with nothing to compare as one traveller, not compared', () => {
    const session = assembleVehicleSession(atTheBooth('air'), clock);
    expect(session.occupants).toHaveLength(1);
    const traveller = session.occupants[0];
    expect(traveller?.status).toBe('not_compared');
    expect(traveller?.occupantId).toBe('track-1');
    expect(traveller?.face?.trackId).toBe('track-1');
    expect(traveller?.identity?.key).toBe('record:TR-0002');
    expect(traveller?.identity?.references).toEqual([]);
    expect(traveller?.match).toBeUndefined();
    expect(traveller?.bestComparison).toBeUndefined();
    // Not a stranger and someone else's papers: one traveller whose face could not be verified.
    expect(session.flags.map((f) => f.code)).toEqual(['face_not_compared']);
    expect(session.flags[0]?.message).toContain('no reference photo to compare the face with');
    expect(session.flags[0]?.evidence).toEqual([{ kind: 'faces_seen', trackIds: ['track-1'] }, { kind: 'identity', identityKey: 'record:TR-0002' }]);
    for (const laneType of ['sea', 'pedestrian'] as const) expect(assembleVehicleSession(atTheBooth(laneType), clock).occupants.map((o) => o.status)).toEqual(['not_compared']);
  });

  it('in a vehicle, keeps the lone face and the lone papers apart: they may be two people', () => {
    const session = assembleVehicleSession(atTheBooth('vehicle'), clock);
    expect(session.occupants.map((o) => [o.status, o.occupantId])).toEqual([
      ['face_without_identity', 'track-1'],
      ['identity_without_face', 'record:TR-0002'],
    ]);
    expect(session.flags.map((f) => f.code)).toEqual(['unmatched_face', 'unmatched_document']);
  });

  it('at a one-traveller booth, one face and two documents with nothing compared: every document stays an occupant', () => {
    const input = atTheBooth('air', { occupants: [1, 0] });
    const session = assembleVehicleSession({ ...input, faces: input.faces.slice(0, 1) }, clock);
    expect(session.occupants.map((o) => [o.status, o.occupantId])).toEqual([
      ['face_without_identity', 'track-1'],
      ['identity_without_face', 'record:TR-0002'],
      ['identity_without_face', 'record:TR-0001'],
    ]);
    expect(session.flags.map((f) => f.code)).toEqual(['unmatched_face', 'unmatched_document', 'unmatched_document']);
  });

  it('at a one-traveller booth, two faces and one document with nothing compared stay apart as before', () => {
    const session = assembleVehicleSession(atTheBooth('air', { stowaways: 1 }), clock);
    expect(session.occupants.map((o) => o.status)).toEqual(['face_without_identity', 'face_without_identity', 'identity_without_face']);
    expect(session.flags.map((f) => f.code)).toEqual(['unmatched_face', 'unmatched_face', 'unmatched_document']);
  });

  it('at a one-traveller booth, a face compared with the papers and not matching them is still a mismatch', () => {
    const session = assembleVehicleSession(atTheBooth('air', { impostors: [0] }, true), clock);
    expect(session.occupants.map((o) => o.status)).toEqual(['face_mismatch']);
    expect(assembleVehicleSession(atTheBooth('air', {}, true), clock).occupants.map((o) => o.status)).toEqual(['matched']);
  });

  describe('a photography opt-out at a one-traveller booth', () => {
    // Michael Johnson (record:TR-0002) is a U.S. citizen: his opt-out is eligible.
    const optOut = (trackId?: string) => ({ identityKey: 'record:TR-0002', ...(trackId ? { trackId } : {}), declaredAt: now.toISOString() });
    const withOptOut = (input: VehicleSessionInput, trackId?: string): VehicleSessionInput => ({ ...input, photographyOptOuts: [optOut(trackId)] });
    const occupantsOf = (input: VehicleSessionInput) => assembleVehicleSession(input, clock).occupants.map((o) => [o.status, o.occupantId, o.face?.trackId ?? null]);

    it('declared on his papers before his face was pointed out: one traveller who opted out, his face neither an occupant nor kept', () => {
      for (const laneType of ['air', 'sea', 'pedestrian'] as const) {
        // Nothing to compare the face with, or compared (and matching) before he opted out: the same one traveller.
        for (const compared of [false, true]) {
          const session = assembleVehicleSession(withOptOut(atTheBooth(laneType, {}, compared)), clock);
          expect(session.occupants.map((o) => [o.status, o.occupantId, o.face?.trackId ?? null]), `${laneType}, compared: ${compared}`).toEqual([['opted_out', 'record:TR-0002', null]]);
          expect(session.occupants[0]?.optOut).toEqual(optOut());
          expect(session.occupants[0]?.identity?.key).toBe('record:TR-0002');
          expect(session.flags).toEqual([]);
        }
      }
    });

    it('pointed out, then his face tracked again under a new track: still one traveller who opted out', () => {
      expect(occupantsOf(withOptOut(atTheBooth('air'), 'track-lost'))).toEqual([['opted_out', 'track-lost', null]]);
      expect(occupantsOf(withOptOut(atTheBooth('air'), 'track-1'))).toEqual([['opted_out', 'track-1', null]]);
    });

    it('a second face beside his pointed-out one is still a person of its own', () => {
      const occupants = occupantsOf(withOptOut(atTheBooth('air', { stowaways: 1 }), 'track-1'));
      expect(occupants.map(([status]) => status)).toEqual(['face_without_identity', 'opted_out']);
      expect(occupants[1]).toEqual(['opted_out', 'track-1', null]);
    });

    it('an opt-out that is not eligible changes nothing: the face and papers stay one traveller, compared as before', () => {
      const anna = (input: VehicleSessionInput): VehicleSessionInput => ({ ...input, photographyOptOuts: [{ identityKey: 'record:TR-0001', declaredAt: now.toISOString() }] });
      expect(occupantsOf(anna(atTheBooth('air', { occupants: [0] })))).toEqual([['not_compared', 'track-1', 'track-1']]);
    });

    it('declared on his papers, with a second face in view nobody pointed out: that face is a person without papers', () => {
      const session = assembleVehicleSession(withOptOut(atTheBooth('air', { stowaways: 1 })), clock);
      expect(session.occupants.map((o) => [o.status, o.occupantId])).toEqual([
        ['face_without_identity', 'track-1'],
        ['face_without_identity', 'track-2'],
        ['opted_out', 'record:TR-0002'],
      ]);
      expect(session.flags.map((f) => f.code)).toEqual(['unmatched_face', 'unmatched_face']);
    });

    it('declared on a U.S. passport the records service has no record of: the passport makes him eligible', () => {
      const noRecord = (input: VehicleSessionInput): VehicleSessionInput => ({
        ...input,
        records: { travellers: input.records.travellers.map((l) => ({ ...l, result: { ok: true as const, value: [], durationMs: 1 } })) },
      });
      const usPassport = { identityKey: 'doc:USA:A12345678', declaredAt: now.toISOString() };
      const session = assembleVehicleSession({ ...noRecord(atTheBooth('air')), photographyOptOuts: [usPassport] }, clock);
      expect(session.occupants.map((o) => [o.status, o.occupantId])).toEqual([['opted_out', 'doc:USA:A12345678']]);
      expect(session.identities[0]?.record).toBeUndefined();
      // A Swedish passport without a record is not: her face and papers stay one traveller, not compared.
      const swedish = { identityKey: 'doc:SWE:L898902C3', declaredAt: now.toISOString() };
      const anna = assembleVehicleSession({ ...noRecord(atTheBooth('air', { occupants: [0] })), photographyOptOuts: [swedish] }, clock);
      expect(anna.occupants.map((o) => [o.status, o.occupantId])).toEqual([['not_compared', 'track-1']]);
    });

    it('declared on his papers, with one face in view and two other sets of papers: nothing is dropped', () => {
      const input = atTheBooth('air', { occupants: [1, 0, 2] });
      const session = assembleVehicleSession(withOptOut({ ...input, faces: input.faces.slice(0, 1) }), clock);
      expect(session.occupants.map((o) => [o.status, o.occupantId])).toEqual([
        ['face_without_identity', 'track-1'],
        ['identity_without_face', 'record:TR-0001'],
        ['identity_without_face', 'record:TR-0003'],
        ['opted_out', 'record:TR-0002'],
      ]);
    });

    it('an opt-out naming papers that were not read takes no face out of matching', () => {
      const input = { ...atTheBooth('air', {}, true), photographyOptOuts: [{ identityKey: 'record:TR-9999', trackId: 'track-1', declaredAt: now.toISOString() }] };
      expect(occupantsOf(input)).toEqual([['matched', 'track-1', 'track-1']]);
    });

    it('in a vehicle, a face nobody pointed out stays an occupant of its own (it may be another person)', () => {
      const session = assembleVehicleSession(withOptOut(atTheBooth('vehicle')), clock);
      expect(session.occupants.map((o) => [o.status, o.occupantId, o.face?.trackId ?? null])).toEqual([
        ['face_without_identity', 'track-1', 'track-1'],
        ['opted_out', 'record:TR-0002', null],
      ]);
      expect(session.flags.map((f) => f.code)).toEqual(['unmatched_face']);
    });
  });

  it('flags an RFID count that differs from the faces seen, and a plate registered to nobody in the car', () => {
    const extra = assembleVehicleSession(scriptedVehicleSession({ now, model, stowaways: 1 }), clock);
    expect(extra.flags.map((f) => f.code)).toContain('rfid_count_mismatch');
    expect(extra.flags.map((f) => f.code)).toContain('unmatched_face');

    const borrowed = assembleVehicleSession(scriptedVehicleSession({ now, model, vehicle: 1 }), clock);
    const owner = borrowed.flags.find((f) => f.code === 'plate_owner_not_present');
    expect(owner?.message).toContain('JORDAN LEE');
  });

  it('flags an RFID card registered to nobody, naming the card', () => {
    const input = scriptedVehicleSession({ now, model });
    const card = input.rfidCards[0]!;
    const travellers = input.records.travellers.map((l) => (l.by.kind === 'rfid' && l.by.reference === card.reference ? { ...l, result: { ok: true as const, value: [], durationMs: 1 } } : l));
    const session = assembleVehicleSession({ ...input, records: { ...input.records, travellers } }, clock);
    const flag = session.flags.find((f) => f.code === 'rfid_no_record');
    expect(flag).toEqual({ code: 'rfid_no_record', message: `RFID card ${card.reference} is registered to nobody`, evidence: [{ kind: 'rfid_cards', readIds: [card.readId], count: 1 }] });
    // A card whose records lookup failed is not "registered to nobody": nothing is known about it.
    const down = assembleVehicleSession(scriptedVehicleSession({ now, model, recordsDown: true, documentsRead: [] }), clock);
    expect(down.flags.map((f) => f.code)).not.toContain('rfid_no_record');
  });

  it('flags a plate read with no vehicle record', () => {
    const session = assembleVehicleSession(scriptedVehicleSession({ now, model, vehicle: 2 }), clock);
    expect(session.vehicleRecordStatus).toBe('not_found');
    expect(session.flags.map((f) => f.code)).toContain('plate_no_record');
  });

  describe('each flag says what the officer sees and what it rests on', () => {
    it('a stowaway: one face more than the cards read, and that face matching nothing', () => {
      const session = assembleVehicleSession(scriptedVehicleSession({ now, model, stowaways: 1 }), clock);
      expect(session.flags).toEqual([
        {
          code: 'rfid_count_mismatch',
          message: '3 RFID card(s) read, 4 face(s) seen',
          evidence: [{ kind: 'rfid_cards', readIds: ['rfid-1', 'rfid-2', 'rfid-3'], count: 3 }, { kind: 'faces_seen', trackIds: ['track-1', 'track-2', 'track-3', 'track-4'] }],
        },
        { code: 'unmatched_face', message: 'a face (rear_right) matches no document, card or record', evidence: [{ kind: 'faces_seen', trackIds: ['track-4'] }] },
      ]);
    });

    it('as many faces as cards, or no card at all, or a one-traveller booth: no count mismatch', () => {
      expect(assembleVehicleSession(scriptedVehicleSession({ now, model }), clock).flags).toEqual([]);
      const noCards = scriptedVehicleSession({ now, model, stowaways: 1 });
      expect(assembleVehicleSession({ ...noCards, rfidCards: [] }, clock).flags.map((f) => f.code)).not.toContain('rfid_count_mismatch');
      expect(assembleVehicleSession({ ...noCards, laneType: 'pedestrian' }, clock).flags.map((f) => f.code)).not.toContain('rfid_count_mismatch');
    });

    it('a borrowed vehicle: its registered owner is not among the occupants', () => {
      const session = assembleVehicleSession(scriptedVehicleSession({ now, model, vehicle: 1 }), clock);
      expect(session.flags).toEqual([
        {
          code: 'plate_owner_not_present',
          message: 'the vehicle is registered to JORDAN LEE, who is not identified among the occupants',
          evidence: [{ kind: 'plate_read', readId: 'plate-read-1', plate: 'KX72QPL', region: 'CA-BC', confidence: 0.94 }, { kind: 'vehicle_record', vehicleId: 'VH-0002' }],
        },
      ]);
    });

    it('a plate with no vehicle record, naming the plate and its region (or that it has none)', () => {
      const input = scriptedVehicleSession({ now, model, vehicle: 2 });
      expect(assembleVehicleSession(input, clock).flags).toEqual([
        { code: 'plate_no_record', message: 'plate 7ABC123 (US-CA) has no vehicle record', evidence: [{ kind: 'plate_read', readId: 'plate-read-1', plate: '7ABC123', region: 'US-CA', confidence: 0.94 }] },
      ]);
      const plate = input.plate!;
      const noRegion = assembleVehicleSession({ ...input, plate: { ...plate, best: { ...plate.best, region: '' } } }, clock);
      expect(noRegion.flags[0]?.message).toBe('plate 7ABC123 (no region) has no vehicle record');
    });

    it('records down: each card is papers with no face, and the outage names what failed', () => {
      const session = assembleVehicleSession(scriptedVehicleSession({ now, model, recordsDown: true }), clock);
      const cards = session.flags.filter((f) => f.code === 'unmatched_document');
      expect(cards.map((f) => f.message)).toEqual([
        'rfid:E28011606000A12345678: no face seen matches this card',
        'rfid:TT5E0000184226: no face seen matches this card',
        'rfid:EDL9107049CAN0001: no face seen matches this card',
      ]);
      expect(cards[0]?.evidence).toEqual([{ kind: 'identity', identityKey: 'rfid:E28011606000A12345678' }]);
      const outage = session.flags.find((f) => f.code === 'records_unavailable');
      expect(outage?.message).toBe('records service: cannot reach the records service (simulated outage); deciding on what is known locally');
      expect(outage?.evidence).toHaveLength(session.recordsOutages.length);
      expect(outage?.evidence[0]).toEqual({ kind: 'records_outage', code: 'unavailable', message: 'cannot reach the records service (simulated outage)' });
    });
  });

  describe('papers whose face is not in view rest on their best comparison with the faces that are', () => {
    /** Sarah (record:TR-0005) left the car: her papers are compared with the faces still in view, with these scores. */
    function sarahsBest(scores: readonly (readonly [trackId: string, score: number])[]) {
      const input = scriptedVehicleSession({ now, model });
      const template = input.comparisons.find((c) => c.identityKey === 'record:TR-0005')!.match;
      const sarahs = scores.map(([trackId, score]) => ({ trackId, identityKey: 'record:TR-0005', match: { ...template, decision: 'no_match' as const, score } }));
      const others = input.comparisons.filter((c) => c.identityKey !== 'record:TR-0005');
      const session = assembleVehicleSession({ ...input, faces: input.faces.filter((f) => f.trackId !== 'track-3'), comparisons: [...others.slice(0, 1), ...sarahs, ...others.slice(1)] }, clock);
      const sarah = session.occupants.find((o) => o.identity?.key === 'record:TR-0005');
      expect(sarah?.status).toBe('identity_without_face');
      return sarah?.bestComparison ? [sarah.bestComparison.trackId, sarah.bestComparison.score] : null;
    }

    it('the highest score, wherever it comes in the list', () => {
      expect(sarahsBest([['track-1', 0.2], ['track-2', 0.3]])).toEqual(['track-2', 0.3]);
      expect(sarahsBest([['track-2', 0.3], ['track-1', 0.2]])).toEqual(['track-2', 0.3]);
    });

    it('of two equal scores, the first comparison made', () => {
      expect(sarahsBest([['track-1', 0.25], ['track-2', 0.25]])).toEqual(['track-1', 0.25]);
    });

    it('never a comparison with a face no longer in view, nor another traveller\'s comparison', () => {
      // track-3 (her own face, before she left) scored higher; the other travellers' comparisons matched.
      expect(sarahsBest([['track-1', 0.2], ['track-3', 0.35], ['track-2', 0.1]])).toEqual(['track-1', 0.2]);
      expect(sarahsBest([['track-3', 0.35]])).toBeNull();
    });
  });

  describe('the vehicle record of the plate read', () => {
    const record = (vehicleId: string, plate: string, region: string) => ({ ...scriptedRecordsScenario.vehicles[0]!, vehicleId, plate, region });
    function vehicleFor(plateRegion: string, records: ReturnType<typeof record>[]) {
      const input = scriptedVehicleSession({ now, model });
      const plate = input.plate!;
      const session = assembleVehicleSession({ ...input, plate: { ...plate, best: { ...plate.best, plate: 'AB123', region: plateRegion } }, records: { ...input.records, vehicle: { ok: true, value: records, durationMs: 1 } } }, clock);
      return session.vehicleRecord?.vehicleId;
    }

    it('is the record of that plate in that region, not the same plate elsewhere', () => {
      expect(vehicleFor('US-WA', [record('other', 'ZZ999', 'US-WA'), record('elsewhere', 'AB123', 'US-CA'), record('this', 'AB123', 'US-WA')])).toBe('this');
    });

    it('a plate read without its region, or a record without one, matches on the plate alone', () => {
      expect(vehicleFor('', [record('other', 'ZZ999', 'US-WA'), record('first', 'AB123', 'US-CA'), record('second', 'AB123', 'US-WA')])).toBe('first');
      expect(vehicleFor('US-WA', [record('other', 'ZZ999', 'US-WA'), record('noRegion', 'AB123', ''), record('this', 'AB123', 'US-WA')])).toBe('noRegion');
    });

    it('with no record of that plate, the first the service answered', () => {
      expect(vehicleFor('US-WA', [record('first', 'ZZ999', 'US-WA'), record('second', 'YY888', 'US-WA')])).toBe('first');
    });
  });

  describe('the registered owner is aboard when an occupant\'s record is theirs', () => {
    /** Michael Johnson (record TR-0002) is in the scripted car; the vehicle's record names `owner`. */
    function ownerFlags(owner: VehicleRecord['registeredOwner']) {
      const scripted = scriptedVehicleSession({ now, model });
      const ownedBy: VehicleRecord = { ...scriptedRecordsScenario.vehicles[1]!, registeredOwner: owner };
      const session = assembleVehicleSession({ ...scripted, records: { ...scripted.records, vehicle: { ok: true, value: [ownedBy], durationMs: 1 } }, plate: { ...scripted.plate!, best: { ...scripted.plate!.best, plate: ownedBy.plate, region: ownedBy.region } } }, clock);
      return session.flags.map((f) => f.code);
    }

    it('by its record id, whatever the name on it', () => {
      expect(ownerFlags({ travellerRecordId: 'TR-0002', name: 'SOMEONE ELSE' })).toEqual([]);
    });

    it('by the name on the record when the owner has no record id', () => {
      expect(ownerFlags({ travellerRecordId: 'TR-9999', name: 'MICHAEL JAMES JOHNSON' })).toEqual([]);
      expect(ownerFlags({ travellerRecordId: 'TR-9999', name: 'JORDAN LEE' })).toEqual(['plate_owner_not_present']);
    });
  });

  describe('the flags that name a traveller, by name when known, and where their face was seen', () => {
    it('a face that does not match the papers held', () => {
      const session = assembleVehicleSession(scriptedVehicleSession({ now, model, impostors: [2] }), clock);
      const impostor = session.occupants.find((o) => o.status === 'face_mismatch')!;
      expect(session.flags).toEqual([
        {
          code: 'face_mismatch',
          message: `${impostor.identity!.name}: the face seen (${impostor.face!.seat}) does not match these papers`,
          evidence: [{ kind: 'faces_seen', trackIds: ['track-3'] }, { kind: 'identity', identityKey: 'record:TR-0005' }],
        },
      ]);
      expect(impostor.identity!.name).toMatch(/\w/);
    });

    it('a face at a booth that could not be compared with the papers', () => {
      // Seen by the driver's camera from the passenger's side of the booth: the flag names the seat.
      const input = atTheBooth('air');
      const session = assembleVehicleSession({ ...input, faces: input.faces.map((f) => ({ ...f, seat: 'front_passenger' as const })) }, clock);
      const traveller = session.occupants[0]!;
      expect(traveller.face?.cameraPosition).toBe('driver');
      expect(session.flags).toEqual([
        {
          code: 'face_not_compared',
          message: `${traveller.identity!.name}: no reference photo to compare the face with; the face seen (front_passenger) could not be verified`,
          evidence: [{ kind: 'faces_seen', trackIds: ['track-1'] }, { kind: 'identity', identityKey: 'record:TR-0002' }],
        },
      ]);
    });

    it('papers with no face: a document, named by its holder', () => {
      const input = scriptedVehicleSession({ now, model });
      const session = assembleVehicleSession({ ...input, faces: input.faces.filter((f) => f.trackId !== 'track-3'), comparisons: input.comparisons.filter((c) => c.trackId !== 'track-3') }, clock);
      const sarah = session.occupants.find((o) => o.identity?.key === 'record:TR-0005')!;
      expect(session.flags.filter((f) => f.code === 'unmatched_document')).toEqual([{ code: 'unmatched_document', message: `${sarah.identity!.name}: no face seen matches this document`, evidence: [{ kind: 'identity', identityKey: 'record:TR-0005' }] }]);
    });
  });

  it('records down for one traveller only, or for the vehicle only: either is an outage', () => {
    const input = scriptedVehicleSession({ now, model });
    const error = { code: 'timeout' as const, message: 'no answer within 1500 ms' };
    const oneTraveller = { ...input, records: { ...input.records, travellers: input.records.travellers.map((l, i) => (i === 0 ? { ...l, result: { ok: false as const, error, durationMs: 1500 } } : l)) } };
    expect(assembleVehicleSession(oneTraveller, clock).recordsOutages).toEqual([error]);
    const vehicleOnly = { ...input, records: { ...input.records, vehicle: { ok: false as const, error, durationMs: 1500 } } };
    const session = assembleVehicleSession(vehicleOnly, clock);
    expect(session.recordsOutages).toEqual([error]);
    expect(session.flags.find((f) => f.code === 'records_unavailable')?.message).toBe('records service: no answer within 1500 ms; deciding on what is known locally');
  });

  it('works with what it has when the records service is down', () => {
    const session = assembleVehicleSession(scriptedVehicleSession({ now, model, recordsDown: true }), clock);
    expect(session.vehicleRecordStatus).toBe('unavailable');
    expect(session.recordsOutages.length).toBeGreaterThan(0);
    expect(session.flags.map((f) => f.code)).toContain('records_unavailable');
    // The documents still parse and still identify people; the cards stand alone without their records.
    const documents = session.identities.filter((i) => i.document);
    expect(documents.map((i) => i.key).sort()).toEqual(['doc:CAN:GA3021987', 'doc:SWE:L898902C3', 'doc:USA:A12345678']);
    expect(documents.every((i) => i.recordStatus === 'unavailable')).toBe(true);
    expect(session.identities.filter((i) => !i.document).every((i) => i.key.startsWith('rfid:'))).toBe(true);
  });

  it('is deterministic: the same input gives the same record', () => {
    const input = scriptedVehicleSession({ now, model, impostors: [1] });
    expect(assembleVehicleSession(input, clock)).toEqual(assembleVehicleSession(input, clock));
  });
});
