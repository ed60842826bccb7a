import type { AuditActor } from '../../app/audit/auditEntry';
import { planPurge, retentionSettingsSchema, type PurgeReason, type RetainedBiometricKind, type RetentionSettings } from '../../app/retention/retentionPolicy';
import type { PolicySet } from '../../app/policy/policySet';
import { describeSchemaError } from '../../app/shared/describeSchemaError';
import { DecisionStoreError, type PurgeReport } from './decisionStoreTypes';
import { nowIso, parseActor, systemActor, type StoreContext } from './storeContext';

const retentionSettingKey = 'retention';

/** Retained biometrics under the retention policy: its settings, reading an item, and purging what is due. */
export class RetentionStore {
  constructor(private readonly context: StoreContext) {}

  /** Deletes every retained biometric item due at `now` (default: the injected clock) under the policies' retention and the booth's setting, with one purge audit entry. */
  async purgeDue(policies: PolicySet, now: Date = this.context.clock.now(), actor: AuditActor = systemActor): Promise<PurgeReport> {
    const by = parseActor(actor);
    const { db, writer } = this.context;
    return writer.exclusive(async () => {
      const settings = await this.getRetentionSettings();
      // Only the clear columns: the sealed bytes are never loaded to decide a purge.
      const facts: { itemId: string; decisionId: string; travellerKey: string; usCitizen: boolean; kind: RetainedBiometricKind; storedAt: string }[] = [];
      await db.retainedBiometrics.each((r) => void facts.push({ itemId: r.itemId, decisionId: r.decisionId, travellerKey: r.travellerTag, usCitizen: r.usCitizen, kind: r.kind, storedAt: r.storedAt }));
      const plan = planPurge(facts, settings, policies, now);
      if (plan.due.length === 0) return { purged: 0, byReason: {}, nextDueAt: plan.nextDueAt, auditSeq: null };
      const byReason: Partial<Record<PurgeReason, number>> = {};
      for (const d of plan.due) byReason[d.reason] = (byReason[d.reason] ?? 0) + 1;
      const itemIds = plan.due.map((d) => d.item.itemId);
      const { entries } = await writer.commit(
        [{ at: now.toISOString(), actor: by, action: 'purge', subject: { kind: 'retained_biometrics', id: `${itemIds.length} items` }, details: { byReason, itemIds, decisionIds: [...new Set(plan.due.map((d) => d.item.decisionId))], kinds: plan.due.map((d) => d.item.kind), otherTravellersDays: settings.otherTravellersDays, policyIds: policies.map((p) => p.id) } }],
        () => db.retainedBiometrics.bulkDelete(itemIds),
      );
      return { purged: itemIds.length, byReason, nextDueAt: plan.nextDueAt, auditSeq: entries[0]?.seq ?? null };
    });
  }

  /** A retained item's bytes (for the detail view's photo); null once purged. */
  async openRetainedBiometric(itemId: string): Promise<Uint8Array | null> {
    const row = await this.context.db.retainedBiometrics.get(itemId);
    return row ? this.context.cipher.openBytes('retainedBiometrics', itemId, row.sealed) : null;
  }

  async getRetentionSettings(): Promise<RetentionSettings> {
    const row = await this.context.db.settings.get(retentionSettingKey);
    const parsed = retentionSettingsSchema.safeParse(row?.value ?? {});
    return parsed.success ? parsed.data : retentionSettingsSchema.parse({});
  }

  /** Changes the retention period for travellers other than U.S. citizens (validated, audited). */
  async setRetentionSettings(input: unknown, actor: AuditActor): Promise<RetentionSettings> {
    const by = parseActor(actor);
    const parsed = retentionSettingsSchema.safeParse(input);
    if (!parsed.success) return Promise.reject(new DecisionStoreError('invalid_input', `retention settings: ${describeSchemaError(parsed.error)}`));
    const { db, writer } = this.context;
    return writer.exclusive(async () => {
      const before = await this.getRetentionSettings();
      await writer.commit([{ at: nowIso(this.context), actor: by, action: 'settings_change', subject: { kind: 'setting', id: retentionSettingKey }, details: { before, after: parsed.data } }], async () => {
        await db.settings.put({ key: retentionSettingKey, value: parsed.data });
      });
      return parsed.data;
    });
  }
}
