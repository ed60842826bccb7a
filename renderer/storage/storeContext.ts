import { auditActorSchema, type AuditActor } from '../../app/audit/auditEntry';
import type { Clock } from '../../app/ports/Clock';
import { describeSchemaError } from '../../app/shared/describeSchemaError';
import type { AuditedWriter } from './AuditedWriter';
import type { BoothDatabase } from './BoothDatabase';
import { DecisionStoreError } from './decisionStoreTypes';
import type { RecordCipher } from './recordCipher';

/** What the DecisionStore's parts (recording, review queue, retention, audit log) share once the store is open. */
export interface StoreContext {
  readonly db: BoothDatabase;
  /** Seals and opens the personal fields of rows with the booth's storage key. */
  readonly cipher: RecordCipher;
  /** Every write that must be audited goes through it (one transaction with its audit entries). */
  readonly writer: AuditedWriter;
  readonly clock: Clock;
}

/** The booth itself (scheduled purges, the sync engine), never a person. */
export const systemActor: AuditActor = { userId: 'booth', role: 'system' };

/** The actor of a write, checked: whoever calls the store is a boundary (the UI, the host contract). */
export function parseActor(actor: AuditActor): AuditActor {
  const parsed = auditActorSchema.safeParse(actor);
  if (!parsed.success) throw new DecisionStoreError('invalid_input', `actor: ${describeSchemaError(parsed.error)}`);
  return parsed.data;
}

export const nowIso = (context: StoreContext): string => context.clock.now().toISOString();
