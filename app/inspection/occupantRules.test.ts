import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../biometrics/faceMatching';
import type { ChipCheckName } from '../document/lds/chipCheck';
import type { ChipReport } from '../ports/chipReport';
import type { DocumentRead } from '../ports/documentRead';
import type { RecordAlert, TravellerRecord } from '../ports/travellerRecord';
import { scriptedRecordsScenario } from '../../native-bridges/records-service/scriptedRecords.node.ts';
import { simulatedTravellers } from '../../native-bridges/document-reader/simulatedTravellers';
import { pilotEraPolicy } from '../policy/testSupport/shippedPolicies';
import type { Occupant } from './assembleVehicleSession';
import { occupantReasons } from './occupantRules';
import { sessionIdentities, type SessionIdentity } from './sessionIdentities';
import type { TravellerLookup } from './vehicleSessionInput';

// The rules for one occupant, stated as an officer would: who is referred, how firmly, and on what.
const today = new Date('2026-11-23T10:00:00Z');
const anna = scriptedRecordsScenario.travellers.find((t) => t.recordId === 'TR-0001')!;
const face = { trackId: 'track-1', cameraId: 'cam', cameraPosition: 'driver', seat: 'driver', bestShotEmbeddingId: 'emb-1' } as const;

/** Anna known by her RFID card's record only (no document read): her age comes from the record. */
function recordIdentity(change: Partial<TravellerRecord> = {}): SessionIdentity {
  const record = { ...anna, rfidReferences: ['CARD-A'], ...change };
  const card = { reference: 'CARD-A', cardType: 'passport_card', laneId: 'lane-1', readAt: today.toISOString(), firstReadAt: today.toISOString(), tagReads: 3, readId: 'rfid-1', readerId: 'sim' } as const;
  const lookup: TravellerLookup = { by: { kind: 'rfid', reference: 'CARD-A' }, result: { ok: true, value: [record], durationMs: 1 } };
  const [identity] = sessionIdentities({ documents: [], rfidCards: [card], records: { travellers: [lookup] }, laneType: 'vehicle' }, today);
  return identity!;
}

/** Anna's passport read at the window (her age comes from the MRZ), with a chip report when given. */
function documentIdentity(chip?: ChipReport): SessionIdentity {
  const read: DocumentRead = { readId: 'doc-1', readerId: 'sim', source: 'simulated', readAt: today.toISOString(), mrz: [...simulatedTravellers[0]!.mrz] };
  const lookup: TravellerLookup = { by: { kind: 'document', query: { documentNumber: 'L898902C3' } }, result: { ok: true, value: [anna], durationMs: 1 } };
  const [identity] = sessionIdentities({ documents: [{ read, ...(chip ? { chip } : {}) }], rfidCards: [], records: { travellers: [lookup] }, laneType: 'air' }, today);
  return identity!;
}

// Under the pilot-era policy (face non-match mandatory at 14-79); the other policy's bands: app/policy/policyRules.test.ts.
const reasonsOf = (occupant: Occupant) => occupantReasons(occupant, today, { policy: pilotEraPolicy, direction: 'entry' });
const codes = (occupant: Occupant) => reasonsOf(occupant).map((r) => `${r.code}:${r.severity}`);
/** A birth date that makes the traveller exactly `years` old today. */
const bornYearsAgo = (years: number) => `${today.getUTCFullYear() - years}-11-23`;

describe('the face rule for a traveller aged 14 to 79', () => {
  const ages = [
    { age: 13, inBand: false },
    { age: 14, inBand: true },
    { age: 79, inBand: true },
    { age: 80, inBand: false },
  ];
  for (const { age, inBand } of ages) {
    it(`at ${age}, a face that does not match the papers ${inBand ? 'forces a referral' : 'is referred, but may be cleared with a reason'}`, () => {
      const identity = recordIdentity({ birthDate: bornYearsAgo(age) });
      const mismatch = reasonsOf({ occupantId: 'track-1', face, identity, status: 'face_mismatch' });
      expect(mismatch.map((r) => `${r.code}:${r.severity}`)).toEqual([inBand ? 'face_not_matched:mandatory' : 'face_not_matched_age_exempt:refer']);
      expect(mismatch[0]?.evidence).toContainEqual({ kind: 'age', ageYears: age, birthDate: bornYearsAgo(age) });
      if (inBand) expect(mismatch[0]?.message).toBe('the face seen does NOT match this traveller\'s document or record photos');
      else expect(mismatch[0]?.message).toBe(`no face match, but at ${age} face matching is unreliable: compare by eye`);
    });

    it(`at ${age}, papers with no matching face ${inBand ? 'force a referral' : 'are a warning to compare by eye'}`, () => {
      const identity = recordIdentity({ birthDate: bornYearsAgo(age) });
      const noFace = reasonsOf({ occupantId: identity.key, identity, status: 'identity_without_face' });
      expect(noFace.map((r) => `${r.code}:${r.severity}`)).toEqual([inBand ? 'face_not_matched:mandatory' : 'face_not_matched_age_exempt:warning']);
      if (inBand) expect(noFace[0]?.message).toBe('no face seen matches this traveller\'s document or record photos');
      expect(noFace[0]?.evidence).toEqual([{ kind: 'identity', identityKey: identity.key }, { kind: 'age', ageYears: age, birthDate: bornYearsAgo(age) }]);
    });
  }

  it('a non-match with no comparison to show rests on the papers alone, not on a face seen', () => {
    const identity = recordIdentity({ birthDate: bornYearsAgo(41) });
    expect(reasonsOf({ occupantId: 'track-1', face, identity, status: 'face_mismatch' })[0]?.evidence).toEqual([
      { kind: 'identity', identityKey: identity.key },
      { kind: 'age', ageYears: 41, birthDate: bornYearsAgo(41) },
    ]);
  });

  it('rests a non-match on the best comparison made: its score, threshold and false-match rate', () => {
    const identity = recordIdentity();
    const best: MatchResult & { trackId: string } = {
      trackId: 'track-9', decision: 'no_match', score: 0.21, threshold: 0.4, falseMatchRate: { fmr: 0.3, bound: false, text: '1 in 3' }, bestReference: 0, comparisons: 1,
      modelId: 'm', modelVersion: '1', calibrationVersion: 'c', targetFmr: 1e-4,
    };
    const [reason] = reasonsOf({ occupantId: identity.key, identity, bestComparison: best, status: 'identity_without_face' });
    expect(reason?.evidence[0]).toEqual({ kind: 'face_match', trackId: 'track-9', identityKey: identity.key, score: 0.21, threshold: 0.4, decision: 'no_match', falseMatchRate: best.falseMatchRate });
  });

  it('a matched face or an opt-out raises no face rule', () => {
    const identity = recordIdentity();
    expect(codes({ occupantId: 'track-1', face, identity, status: 'matched' })).toEqual([]);
    expect(reasonsOf({ occupantId: 'track-1', identity, status: 'opted_out', optOut: { identityKey: identity.key, declaredAt: today.toISOString() } })).toEqual([
      {
        code: 'photography_opt_out',
        severity: 'warning',
        message: 'U.S. citizen opted out of photography: inspect the document by hand; no photograph is kept',
        evidence: [{ kind: 'opt_out', identityKey: identity.key, declaredAt: today.toISOString(), usCitizen: true }],
      },
    ]);
  });

  it('a person with no papers at all is referred, on the face seen when there is one', () => {
    expect(reasonsOf({ occupantId: 'track-1', face, status: 'face_without_identity' })).toEqual([
      { code: 'occupant_without_document', severity: 'refer', message: 'a person in the vehicle has no document, card or record matching their face', evidence: [{ kind: 'faces_seen', trackIds: ['track-1'] }] },
    ]);
    expect(reasonsOf({ occupantId: 'x', status: 'face_without_identity' })[0]?.evidence).toEqual([]);
  });
});

describe('record alerts', () => {
  const alert = (kind: RecordAlert['kind'], severity: RecordAlert['severity']): RecordAlert => ({ alertId: `AL-${kind}-${severity}`, kind, severity, summary: `${kind} ${severity}`, issuedOn: '2026-01-01' });
  const expected: Record<RecordAlert['kind'], Record<RecordAlert['severity'], string>> = {
    lookout: { hit: 'lookout_hit:mandatory', notice: 'lookout_hit:warning' },
    overstay: { hit: 'overstay:refer', notice: 'overstay:refer' },
    prior_removal: { hit: 'prior_removal:refer', notice: 'prior_removal:refer' },
    visa: { hit: 'record_alert:refer', notice: 'record_alert:info' },
    vehicle: { hit: 'record_alert:refer', notice: 'record_alert:info' },
  };
  for (const [kind, bySeverity] of Object.entries(expected) as [RecordAlert['kind'], Record<RecordAlert['severity'], string>][]) {
    for (const [severity, reason] of Object.entries(bySeverity) as [RecordAlert['severity'], string][]) {
      it(`a ${kind} alert (${severity}) gives ${reason}, with the alert as evidence`, () => {
        const identity = recordIdentity({ alerts: [alert(kind, severity)] });
        const reasons = reasonsOf({ occupantId: 'track-1', face, identity, status: 'matched' });
        expect(reasons).toEqual([
          {
            code: reason.split(':')[0],
            severity: reason.split(':')[1],
            message: `${kind} ${severity}`,
            evidence: [{ kind: 'record_alert', recordId: 'TR-0001', alertId: `AL-${kind}-${severity}`, alertKind: kind, severity }],
          },
        ]);
      });
    }
  }
});

describe('the visa on the record', () => {
  for (const status of ['expired', 'revoked'] as const) {
    it(`a ${status} visa refers the traveller`, () => {
      const identity = recordIdentity({ visa: { status } });
      expect(reasonsOf({ occupantId: 'track-1', face, identity, status: 'matched' })).toEqual([
        { code: 'visa_invalid', severity: 'refer', message: `visa ${status}`, evidence: [{ kind: 'visa', recordId: 'TR-0001', status }] },
      ]);
    });
  }
  it('a valid visa, or none required, raises nothing', () => {
    for (const visa of [{ status: 'valid', visaClass: 'B2', expiresOn: '2027-03-14' }, { status: 'not_required' }] as const) {
      expect(codes({ occupantId: 'track-1', face, identity: recordIdentity({ visa }), status: 'matched' })).toEqual([]);
    }
  });
});

describe('the document rules\' findings', () => {
  it('a refusal refers, a warning warns, a note for information is not a reason', () => {
    const identity = documentIdentity();
    const document = identity.document!;
    const findings = [
      { code: 'documentExpired', severity: 'refuse', message: 'the document expired on 2026-01-01 (326 day(s) ago)' },
      { code: 'validityBelowMinimum', severity: 'warn', message: 'the document is valid for 10 more day(s), fewer than the 90 required' },
      { code: 'birthDateUnknown', severity: 'info', message: 'for information' },
    ] as const;
    const withFindings: SessionIdentity = { ...identity, document: { ...document, rules: { ...document.rules, findings } } };
    const reasons = reasonsOf({ occupantId: 'track-1', face, identity: withFindings, status: 'matched' }).filter((r) => r.code.startsWith('document_'));
    expect(reasons).toEqual([
      { code: 'document_refused', severity: 'refer', message: findings[0].message, evidence: [{ kind: 'document_rule', readId: 'doc-1', code: 'documentExpired', severity: 'refuse' }] },
      { code: 'document_warning', severity: 'warning', message: findings[1].message, evidence: [{ kind: 'document_rule', readId: 'doc-1', code: 'validityBelowMinimum', severity: 'warn' }] },
    ]);
  });
});

describe('the records service', () => {
  it('a traveller the records service has no record of is noted (info), not referred', () => {
    const card = { reference: 'CARD-X', cardType: 'passport_card', laneId: 'l', readAt: today.toISOString(), firstReadAt: today.toISOString(), tagReads: 1, readId: 'rfid-1', readerId: 'sim' } as const;
    const [identity] = sessionIdentities({ documents: [], rfidCards: [card], records: { travellers: [{ by: { kind: 'rfid', reference: 'CARD-X' }, result: { ok: true, value: [], durationMs: 1 } }] }, laneType: 'vehicle' }, today);
    expect(reasonsOf({ occupantId: 'track-1', face, identity: identity!, status: 'matched' })).toEqual([
      { code: 'no_record', severity: 'info', message: 'the records service has no record of this traveller', evidence: [{ kind: 'identity', identityKey: 'rfid:CARD-X' }] },
    ]);
  });

  it('a records outage is a warning naming what failed', () => {
    const card = { reference: 'CARD-X', cardType: 'passport_card', laneId: 'l', readAt: today.toISOString(), firstReadAt: today.toISOString(), tagReads: 1, readId: 'rfid-1', readerId: 'sim' } as const;
    const error = { code: 'timeout', message: 'no answer within 1500 ms' } as const;
    const [identity] = sessionIdentities({ documents: [], rfidCards: [card], records: { travellers: [{ by: { kind: 'rfid', reference: 'CARD-X' }, result: { ok: false, error, durationMs: 1500 } }] }, laneType: 'vehicle' }, today);
    expect(reasonsOf({ occupantId: 'track-1', face, identity: identity!, status: 'matched' })).toEqual([
      { code: 'records_unavailable', severity: 'warning', message: 'records could not be checked (no answer within 1500 ms)', evidence: [{ kind: 'records_outage', code: 'timeout', message: 'no answer within 1500 ms' }] },
    ]);
  });
});

describe('chip checks', () => {
  const chip = (failed: readonly ChipCheckName[], outcome: ChipReport['outcome'] = 'read', error?: ChipReport['error']): ChipReport => ({
    reportId: 'chip-1',
    readAt: today.toISOString(),
    reader: 'sim',
    outcome,
    checks: failed.map((check) => ({ check, status: 'failed' })),
    verdict: failed.length === 0 ? 'verified' : 'failed',
    ...(error ? { error } : {}),
  });
  const chipCodes = (report: ChipReport) => codes({ occupantId: 'track-1', face, identity: documentIdentity(report), status: 'matched' });

  it('each failed Passive Authentication check forces a referral', () => {
    for (const check of ['sod_structure', 'sod_signature', 'dg_hash', 'csca_chain', 'crl'] as const) {
      const identity = documentIdentity(chip([check]));
      const reasons = reasonsOf({ occupantId: 'track-1', face, identity, status: 'matched' });
      expect(reasons.map((r) => `${r.code}:${r.severity}`), check).toEqual(['passive_authentication_failed:mandatory']);
      expect(reasons[0]?.message).toBe(`passive authentication failed (${check}): the chip data is not genuine`);
      expect(reasons[0]?.evidence).toEqual([{ kind: 'chip_check', reportId: 'chip-1', check, status: 'failed' }]);
    }
  });

  it('a chip MRZ (DG1) that differs from the printed one forces a referral', () => {
    const identity = documentIdentity({ ...chip(['dg1_vs_mrz']), checks: [{ check: 'dg1_vs_mrz', status: 'failed', reason: 'names differ' }] });
    expect(reasonsOf({ occupantId: 'track-1', face, identity, status: 'matched' })).toEqual([
      { code: 'chip_data_mismatch', severity: 'mandatory', message: 'the chip\'s MRZ differs from the printed one', evidence: [{ kind: 'chip_check', reportId: 'chip-1', check: 'dg1_vs_mrz', status: 'failed', reason: 'names differ' }] },
    ]);
  });

  it('several failed Passive Authentication checks are one mandatory reason naming each', () => {
    const reasons = reasonsOf({ occupantId: 'track-1', face, identity: documentIdentity(chip(['sod_signature', 'dg_hash'])), status: 'matched' });
    expect(reasons.map((r) => [r.code, r.message])).toEqual([['passive_authentication_failed', 'passive authentication failed (sod_signature, dg_hash): the chip data is not genuine']]);
    expect(reasons[0]?.evidence).toHaveLength(2);
  });

  it('a chip that is not verifiable rests on the checks that could not be made, leaving out data groups never read', () => {
    const report: ChipReport = {
      ...chip([]),
      verdict: 'not_verifiable',
      checks: [
        { check: 'sod_signature', status: 'passed' },
        { check: 'dg_hash', dg: 3, status: 'not_possible', reason: 'DG3 was not read', detail: { read: false } },
        { check: 'dg_hash', dg: 2, status: 'not_possible', reason: 'hash algorithm 1.2.3 is not supported', detail: { read: true } },
        { check: 'csca_chain', status: 'not_possible', reason: 'no CSCA' },
        { check: 'active_authentication', status: 'not_possible' },
      ],
    };
    const [reason] = reasonsOf({ occupantId: 'track-1', face, identity: documentIdentity(report), status: 'matched' });
    expect(reason).toEqual({
      code: 'passive_authentication_not_verifiable',
      severity: pilotEraPolicy.chip.notVerifiableSeverity,
      // Without a headline from the chip report, the rule says what happened.
      message: 'the chip data could not be verified: a Passive Authentication check could not be made',
      evidence: [
        { kind: 'chip_report', reportId: 'chip-1', outcome: 'read', verdict: 'not_verifiable' },
        { kind: 'chip_check', reportId: 'chip-1', check: 'dg_hash', status: 'not_possible', reason: 'hash algorithm 1.2.3 is not supported' },
        { kind: 'chip_check', reportId: 'chip-1', check: 'csca_chain', status: 'not_possible', reason: 'no CSCA' },
      ],
    });
  });

  it('a failed clone check names each one that failed', () => {
    const [reason] = reasonsOf({ occupantId: 'track-1', face, identity: documentIdentity(chip(['active_authentication', 'chip_authentication'])), status: 'matched' });
    expect(reason).toMatchObject({ code: 'chip_clone_suspected', severity: 'mandatory', message: 'active authentication and chip authentication failed: the chip may be a clone' });
  });

  it('a check that could not be made is not a failure', () => {
    const report: ChipReport = { ...chip([]), checks: [{ check: 'dg_hash', status: 'not_possible' }, { check: 'active_authentication', status: 'passed' }] };
    expect(chipCodes(report)).toEqual([]);
  });

  it('a chip that could not be read is a warning, saying why when known', () => {
    const removed = { code: 'card_removed', message: 'the card was removed' };
    const unread = reasonsOf({ occupantId: 'track-1', face, identity: documentIdentity(chip([], 'failed', removed)), status: 'matched' });
    expect(unread).toEqual([
      { code: 'chip_not_read', severity: 'warning', message: 'the chip could not be read: the card was removed', evidence: [{ kind: 'chip_report', reportId: 'chip-1', outcome: 'failed', error: 'card_removed' }] },
    ]);
    const silent = reasonsOf({ occupantId: 'track-1', face, identity: documentIdentity(chip([], 'failed')), status: 'matched' });
    expect(silent.map((r) => [r.message, r.evidence])).toEqual([['the chip could not be read', [{ kind: 'chip_report', reportId: 'chip-1', outcome: 'failed' }]]]);
    expect(chipCodes(chip([]))).toEqual([]);
  });
});
