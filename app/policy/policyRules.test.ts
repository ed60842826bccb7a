import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedderManifestSchema } from '../biometrics/modelManifest';
import { scriptedRecordsScenario } from '../../native-bridges/records-service/scriptedRecords.node.ts';
import { scriptedVehicleSession, type ScriptedVehicleOptions } from '../../native-bridges/records-service/scriptedVehicleSession.node.ts';
import { assembleVehicleSession } from '../inspection/assembleVehicleSession';
import { evaluateVehicleSession, type Recommendation } from '../inspection/evaluateVehicleSession';
import type { InspectionPolicy } from './inspectionPolicySchema';
import { faceNonMatchHandling, mayOptOut, photographyCollection, recordsDeparture, retentionHours } from './policyRules';
import { finalRulePolicy, pilotEraPolicy } from './testSupport/shippedPolicies';

// Each policy field's effect on the real decision rules: the same traveller, the same faces, two policies.

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../assets/models/fr_feature.json', import.meta.url), 'utf8')));
const now = new Date('2026-11-23T10:00:00Z');
const clock = { now: () => now };
const bornYearsAgo = (years: number) => `${now.getUTCFullYear() - years}-11-23`;

/** Anna (TR-0001, not a U.S. citizen) aged `age`, known by her card's record: her face in the car does not match (an impostor) or is not seen. */
function anna(age: number, inspectionPolicy: InspectionPolicy, faceSeen: boolean, options: Partial<ScriptedVehicleOptions> = {}): Recommendation {
  const scenario = { ...scriptedRecordsScenario, travellers: scriptedRecordsScenario.travellers.map((t) => (t.recordId === 'TR-0001' ? { ...t, birthDate: bornYearsAgo(age) } : t)) };
  const input = scriptedVehicleSession({ now, model, scenario, documentsRead: [], impostors: [1], inspectionPolicy, ...options });
  const withoutHerFace = faceSeen ? input : { ...input, faces: input.faces.filter((f) => f.trackId !== 'track-1'), comparisons: input.comparisons.filter((c) => c.trackId !== 'track-1') };
  const recommendation = evaluateVehicleSession(assembleVehicleSession(withoutHerFace, clock), clock).occupants.find((o) => o.subject.kind === 'occupant' && o.subject.identityKey === 'record:TR-0001');
  if (!recommendation) throw new Error('Anna is not an occupant');
  return recommendation;
}
const faceReason = (r: Recommendation) => r.reasons.filter((x) => x.code.startsWith('face_not')).map((x) => `${x.code}:${x.severity}`);

describe('face non-match by age band: the pilot-era policy against 90 FR 48604', () => {
  const cases = [
    { age: 13, pilot: 'face_not_matched_age_exempt:refer', finalRule: 'face_not_matched_age_exempt:refer' },
    { age: 14, pilot: 'face_not_matched:mandatory', finalRule: 'face_not_matched:mandatory' },
    { age: 79, pilot: 'face_not_matched:mandatory', finalRule: 'face_not_matched:mandatory' },
    { age: 80, pilot: 'face_not_matched_age_exempt:refer', finalRule: 'face_not_matched:mandatory' },
  ];
  for (const { age, pilot, finalRule } of cases) {
    it(`at ${age}, a face that does not match the papers: ${pilot} under the pilot era, ${finalRule} under 90 FR 48604`, () => {
      expect(faceReason(anna(age, pilotEraPolicy, true))).toEqual([pilot]);
      expect(faceReason(anna(age, finalRulePolicy, true))).toEqual([finalRule]);
      expect(anna(age, finalRulePolicy, true).policyId).toBe(finalRulePolicy.id);
    });
  }

  it('under 14 with no face seen: a warning to compare by eye under the pilot era, a referral under 90 FR 48604', () => {
    expect(faceReason(anna(13, pilotEraPolicy, false))).toEqual(['face_not_matched_age_exempt:warning']);
    expect(faceReason(anna(13, finalRulePolicy, false))).toEqual(['face_not_matched_age_exempt:refer']);
    expect(faceReason(anna(14, pilotEraPolicy, false))).toEqual(['face_not_matched:mandatory']);
  });

  it('the bands are read per direction: a policy strict only at exit leaves entry as it was', () => {
    const strictExit: InspectionPolicy = { ...pilotEraPolicy, faceNonMatch: { ...pilotEraPolicy.faceNonMatch, exit: [{ fromAge: 0, toAge: null, handling: 'mandatory_referral' }] } };
    expect(faceReason(anna(80, strictExit, true))).toEqual(['face_not_matched_age_exempt:refer']);
    expect(faceReason(anna(80, strictExit, true, { direction: 'exit' }))).toEqual(['face_not_matched:mandatory']);
    expect(anna(80, strictExit, true, { direction: 'exit' }).direction).toBe('exit');
  });

  it('an unknown age takes the policy\'s explicit rule', () => {
    expect(faceNonMatchHandling(finalRulePolicy, 'entry', null)).toBe('mandatory_referral');
    expect(faceNonMatchHandling({ ...finalRulePolicy, faceNonMatch: { ...finalRulePolicy.faceNonMatch, unknownAge: 'refer' } }, 'entry', null)).toBe('refer');
  });
});

describe('who may opt out', () => {
  /** A family car: Johnson (TR-0002, a U.S. citizen) and Anna (not one) both declare an opt-out. */
  function optOuts(inspectionPolicy: InspectionPolicy, direction: 'entry' | 'exit' = 'entry') {
    const input = scriptedVehicleSession({ now, model, inspectionPolicy, direction });
    const declaredAt = now.toISOString();
    const session = assembleVehicleSession({ ...input, photographyOptOuts: [{ identityKey: 'record:TR-0002', trackId: 'track-0', declaredAt }, { identityKey: 'record:TR-0001', trackId: 'track-1', declaredAt }] }, clock);
    const of = (key: string) => evaluateVehicleSession(session, clock).occupants.find((o) => o.subject.kind === 'occupant' && o.subject.identityKey === key)!;
    return { citizen: of('record:TR-0002'), visitor: of('record:TR-0001') };
  }

  it('under both shipped policies a U.S. citizen may, a non-citizen may not (the photograph is required)', () => {
    for (const policy of [pilotEraPolicy, finalRulePolicy]) {
      const { citizen, visitor } = optOuts(policy);
      expect(citizen.route).toBe('manual_document_inspection');
      expect(citizen.biometric).toEqual({ retained: false, reason: 'us_citizen_opted_out' });
      expect(visitor.route).toBe('standard');
      expect(visitor.reasons.map((r) => r.code)).toContain('opt_out_not_eligible');
    }
  });

  it('the list is the policy\'s, per direction: a policy with no opt-out at exit refuses the citizen\'s there', () => {
    const noExitOptOut: InspectionPolicy = { ...finalRulePolicy, optOut: { entry: ['us_citizen'], exit: [] } };
    expect(optOuts(noExitOptOut, 'entry').citizen.route).toBe('manual_document_inspection');
    const atExit = optOuts(noExitOptOut, 'exit').citizen;
    expect(atExit.route).toBe('standard');
    expect(atExit.reasons.find((r) => r.code === 'opt_out_not_eligible')?.message).toBe(`no one may opt out of photography at exit (${finalRulePolicy.id}): the photograph is required`);
    expect(mayOptOut(noExitOptOut, 'exit', 'us_citizen')).toBe(false);
  });
});

describe('who is photographed', () => {
  /** The de Bruijn car: Emma de Bruijn (TR-0004) is 11; her face matches her papers. */
  const child = (inspectionPolicy: InspectionPolicy) =>
    evaluateVehicleSession(assembleVehicleSession(scriptedVehicleSession({ now, model, vehicle: 1, inspectionPolicy }), clock), clock).occupants.find((o) => o.subject.kind === 'occupant' && o.subject.identityKey === 'record:TR-0004')!;

  it('a child of 11 is outside the pilot era\'s collection (no photograph kept) and inside 90 FR 48604\'s', () => {
    expect(child(pilotEraPolicy).biometric).toEqual({ retained: false, reason: 'outside_collection' });
    expect(child(finalRulePolicy).biometric).toEqual({ retained: true });
    expect(photographyCollection(pilotEraPolicy, 'entry', 'non_citizen', 13)).toBe('exempt');
    expect(photographyCollection(pilotEraPolicy, 'entry', 'non_citizen', 14)).toBe('required');
    expect(photographyCollection(pilotEraPolicy, 'exit', 'non_citizen', 80)).toBe('exempt');
    expect(photographyCollection(finalRulePolicy, 'exit', 'non_citizen', 80)).toBe('required');
    expect(photographyCollection(finalRulePolicy, 'entry', 'us_citizen', 30)).toBe('voluntary');
  });

  it('an unknown age takes the strictest collection of the category', () => {
    expect(photographyCollection(pilotEraPolicy, 'entry', 'non_citizen', null)).toBe('required');
    expect(photographyCollection(pilotEraPolicy, 'entry', 'us_citizen', null)).toBe('voluntary');
  });
});

describe('retention and exit records', () => {
  it('read the policy\'s periods and categories', () => {
    expect(retentionHours(finalRulePolicy, 'us_citizen')).toBe(12);
    expect(retentionHours(finalRulePolicy, 'non_citizen')).toBe(720);
    expect(recordsDeparture(finalRulePolicy, 'us_citizen')).toBe(false);
    expect(recordsDeparture(finalRulePolicy, 'non_citizen')).toBe(true);
    expect(recordsDeparture(finalRulePolicy, 'lawful_permanent_resident')).toBe(true);
  });
});
