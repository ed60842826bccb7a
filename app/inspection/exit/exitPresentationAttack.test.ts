import { describe, expect, it } from 'vitest';
import { judgePresentation, notChecked } from '../../biometrics/presentationAttackCheck';
import { galleryEntry as entry } from './testSupport/galleryEntry';
import { vehicleExitDeparture as departure } from './testSupport/vehicleExitDeparture';
import { finalRulePolicy } from '../../policy/testSupport/shippedPolicies';
import { departureOf } from './departureOf';
import { departureRecordSchema } from './departureRecord';
import { assessExitOccupant, assessExitVehicle, presentationAttackSuspected, type ExitIdentification } from './exitOccupantRules';

/** The exit lane applies the entry lane's presentation-attack rule (app/inspection/presentationAttackReason.ts) to each occupant's face. */

const gallery = new Map([entry('ON-TIME'), entry('CITIZEN', { citizenship: 'USA', usCitizen: true, admitUntil: null, classOfAdmission: undefined }), entry('OVERSTAY', { admitUntil: '2026-08-29' })].map((e) => [e.travellerId, e]));
const context = { departureDate: '2026-12-07', policy: finalRulePolicy };
const found = (travellerId: string): ExitIdentification => ({
  kind: 'candidate',
  candidate: { travellerId, score: 0.6, threshold: 0.42, calibratedFpir: { fpir: 1e-4, bound: false, text: '1 in 10,000' }, gallerySize: gallery.size, trackId: 'track-1' },
});
const pad = { id: 'faceplugin-fr-liveness', calibration: { threshold: 0.5, version: 'pad-cal-1', source: 'test', bpcer: 0.05, apcer: 0.05 } };
const screen = { trackId: 'track-1', presentationAttack: judgePresentation(0.12, pad) };
const live = { trackId: 'track-1', presentationAttack: judgePresentation(0.93, pad) };
const unchecked = { trackId: 'track-1', presentationAttack: notChecked('the crop was unusable', pad.id) };

describe('presentation-attack detection at the exit lane', () => {
  it('a flagged face is held for the officer with "possible photo or screen", whoever it matched: no departure confirmed or recorded', () => {
    for (const id of ['ON-TIME', 'CITIZEN', 'OVERSTAY']) {
      const a = assessExitOccupant('o1', found(id), gallery, context, screen);
      expect(a).toMatchObject({ confirmable: false, recordsDeparture: false, needsOfficer: true });
      expect(presentationAttackSuspected(a)).toBe(true);
      expect(a.reasons).toHaveLength(1);
      expect(a.reasons[0]).toMatchObject({ code: 'presentation_attack_suspected', severity: 'refer', evidence: [{ kind: 'presentation_attack', trackId: 'track-1', status: 'checked', score: 0.12, threshold: 0.5, modelId: pad.id, calibrationVersion: 'pad-cal-1' }] });
      expect(a.reasons[0]?.message).toMatch(/^possible photo or screen/);
      expect(departureOf(a, 'd1', departure)).toBeNull();
    }
    // The one confirming key covers the live traveller beside them, never the screen.
    const vehicle = assessExitVehicle(
      [
        { occupantId: 'screen', identification: found('ON-TIME'), face: screen },
        { occupantId: 'live', identification: found('OVERSTAY'), face: { ...live, trackId: 'track-2' } },
      ],
      gallery,
      context,
    );
    expect(vehicle.confirmable.map((o) => o.occupantId)).toEqual(['live']);
    expect(vehicle.held.map((o) => o.occupantId)).toEqual(['screen']);
  });

  it('a face PAD could not check carries the not-checked warning and stays confirmable; its departure evidence says why it was not checked', () => {
    const a = assessExitOccupant('o1', found('ON-TIME'), gallery, context, unchecked);
    expect(a).toMatchObject({ confirmable: true, recordsDeparture: true, needsOfficer: false, outcome: { kind: 'departure_confirmed' } });
    expect(a.reasons.map((r) => [r.code, r.severity])).toEqual([['presentation_attack_not_checked', 'warning']]);
    expect(a.reasons[0]?.message).toMatch(/^not checked for a photo or screen \(the crop was unusable\)/);
    const record = departureRecordSchema.parse(departureOf(a, 'd1', departure));
    expect(record.evidence).toMatchObject({ method: 'face_identification', presentationAttack: { kind: 'presentation_attack', trackId: 'track-1', status: 'not_checked', reason: 'the crop was unusable', modelId: pad.id } });
  });

  it('a face PAD passed is confirmed as before, and its departure record keeps the score, threshold and model', () => {
    const a = assessExitOccupant('o1', found('ON-TIME'), gallery, context, live);
    expect(a).toMatchObject({ confirmable: true, recordsDeparture: true, needsOfficer: false, reasons: [] });
    const record = departureRecordSchema.parse(departureOf(a, 'd1', departure));
    expect(record.evidence).toMatchObject({ method: 'face_identification', presentationAttack: { status: 'checked', score: 0.93, threshold: 0.5, modelId: pad.id, calibrationVersion: 'pad-cal-1' } });
  });

  it('with PAD off nothing changes: no reasons, no PAD evidence, the same assessment and record as without a face', () => {
    for (const face of [undefined, { trackId: 'track-1' }]) {
      for (const id of ['ON-TIME', 'CITIZEN', 'OVERSTAY']) {
        const a = assessExitOccupant('o1', found(id), gallery, context, face);
        const without = assessExitOccupant('o1', found(id), gallery, context);
        expect(a).toEqual(without);
        expect(a.reasons).toEqual([]);
        expect(a.presentationAttack).toBeUndefined();
        const record = departureOf(a, 'd1', departure);
        expect(record && 'presentationAttack' in record.evidence).toBeFalsy();
      }
    }
  });

  it('an opt-out used no face: PAD does not apply to it, and a not-identified face still shows its PAD reason', () => {
    const optOut = assessExitOccupant('o1', { kind: 'opt_out', declaredAt: '2026-12-07T17:59:00Z', travellerId: 'CITIZEN' }, gallery, context, screen);
    expect(optOut).toMatchObject({ confirmable: true, needsOfficer: false, reasons: [] });
    expect(optOut.presentationAttack).toBeUndefined();
    const unknown = assessExitOccupant('o1', { kind: 'no_candidate', trackId: 'track-1' }, gallery, context, screen);
    expect(unknown).toMatchObject({ needsOfficer: true, outcome: { kind: 'not_identified' } });
    expect(unknown.reasons.map((r) => r.code)).toEqual(['presentation_attack_suspected']);
  });

  it('the departure schema refuses PAD evidence that is not a presentation-attack check', () => {
    const a = assessExitOccupant('o1', found('ON-TIME'), gallery, context, live);
    const record = departureOf(a, 'd1', departure);
    expect(record).not.toBeNull();
    const bad = { ...record, evidence: { ...record?.evidence, presentationAttack: { kind: 'presentation_attack', trackId: 'track-1', status: 'checked', score: 1.7 } } };
    expect(departureRecordSchema.safeParse(bad).success).toBe(false);
  });

  it('the officer overrides the flag (the traveller seen in person): the identity decides again, and the departure records the override with the PAD evidence', () => {
    const override = { reason: 'live_traveller_seen_by_officer', overriddenAt: '2026-12-07T18:00:30Z' } as const;
    const a = assessExitOccupant('o1', found('ON-TIME'), gallery, context, screen, override);
    expect(a).toMatchObject({ outcome: { kind: 'departure_confirmed' }, confirmable: true, recordsDeparture: true, needsOfficer: false, presentationAttackOverride: override });
    expect(presentationAttackSuspected(a)).toBe(false);
    // The flag stays on the record as a reason and as evidence: the override is beside it, never instead of it.
    expect(a.reasons.map((r) => r.code)).toEqual(['presentation_attack_suspected']);
    const record = departureOf(a, 'd1', departure);
    expect(record?.evidence).toMatchObject({ method: 'face_identification', presentationAttack: { status: 'checked', score: 0.12 }, presentationAttackOverride: override });
    expect(departureRecordSchema.parse(record)).toEqual(record);
    // It lifts the PAD hold only: an overstayer is still an alert, and a face PAD did not flag records no override.
    expect(assessExitOccupant('o2', found('OVERSTAY'), gallery, context, screen, override)).toMatchObject({ outcome: { kind: 'identified_with_alert' }, confirmable: true });
    const passed = assessExitOccupant('o3', found('ON-TIME'), gallery, context, live, override);
    expect(passed.presentationAttackOverride).toBeUndefined();
    expect(departureOf(passed, 'd3', departure)?.evidence).not.toHaveProperty('presentationAttackOverride');
    // An unknown reason is refused at the boundary.
    expect(departureRecordSchema.safeParse({ ...record, evidence: { ...record?.evidence, presentationAttackOverride: { reason: 'felt_right', overriddenAt: '2026-12-07T18:00:30Z' } } }).success).toBe(false);
  });
});
