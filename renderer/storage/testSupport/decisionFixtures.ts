import type { DecisionRecord } from '../../../app/inspection/officerDecision';
import type { ReasonCode } from '../../../app/inspection/reasons';

/**
 * Made-up decisions for storage tests, the storage harness page and the store benchmark (no real person's data).
 * `n` makes each one distinct; `traveller` groups several under one identity.
 */
export function sampleDecision(n: number, overrides: Partial<DecisionRecord> & { traveller?: number } = {}): DecisionRecord {
  const { traveller = n, ...rest } = overrides;
  const ruleReasons: ReasonCode[] = n % 5 === 0 ? ['records_unavailable', 'face_matched'] : n % 7 === 0 ? ['chip_not_read'] : ['face_matched'];
  return {
    decisionId: `decision-${n}`,
    subject: { kind: 'occupant', occupantId: `occ-${n}`, identityKey: `doc:UTO:L${String(traveller).padStart(8, '0')}` },
    outcome: n % 7 === 0 ? 'refer' : 'clear',
    recommended: n % 7 === 0 ? 'refer' : 'clear',
    overridden: false,
    officer: 'officer-1',
    decidedAt: new Date(Date.UTC(2026, 10, 1, 8, 0, 0) + n * 1000).toISOString(),
    ruleReasons,
    officerReasons: [],
    evidence: [
      { kind: 'identity', identityKey: `doc:UTO:L${String(traveller).padStart(8, '0')}` },
      { kind: 'age', ageYears: 40, birthDate: '1986-03-10' },
      ...(ruleReasons.includes('records_unavailable') ? [{ kind: 'records_outage' as const, code: 'timeout', message: 'records service timed out' }] : []),
    ],
    versions: { rules: 'inspection-rules-2026.11.1', faceModel: { modelId: 'faceplugin-fr-feature', modelVersion: '1', calibrationVersion: 'cal-1', targetFmr: 0.001, threshold: 0.42 } },
    route: 'standard',
    biometricRetained: true,
    ...rest,
  };
}

/** A fixed 256-bit storage key for tests (the booth's real key comes from the main process). */
export const testStorageKey = (): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);

/** A second fixed key: a database reopened with it is one whose key file was replaced (a storage key change). */
export const otherTestStorageKey = (): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => (i * 11 + 5) & 0xff);
