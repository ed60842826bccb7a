import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import { defaultSyncPolicy } from '../../app/outbox/syncPolicy';
import { deadLetterReviewOf, decisionRowV1toV2, outboxRowsV1toV2, type DecisionRowV1, type OutboxRowV1 } from './migrations/v2ReviewQueue';
import type { AuditRow, DecisionRow, OutboxRow, RetainedBiometricRow, ReviewRow, SettingRow } from './rows';

interface SchemaVersion {
  readonly version: number;
  readonly stores: Record<string, string | null>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every schema version, oldest first; a new version is appended here with its migration in ./migrations (a pure
 * function of old rows, tested on its own). Never edit a version that has shipped.
 */
export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      decisions: '&decisionId, decidedAt, travellerTag',
      outbox: '&itemId, state, createdAt, decisionId',
      audit: '&seq, action, at',
      retainedBiometrics: '&itemId, storedAt, travellerTag, decisionId',
      settings: '&key',
    },
  },
  {
    version: 2,
    stores: {
      decisions: '&decisionId, decidedAt, travellerTag, reviewState',
      outbox: '&itemId, seq, state, [state+seq], decisionId',
      // The supervisor queue: open items by age, optionally of one kind.
      reviews: '&reviewId, [state+createdAt], [state+kind+createdAt], decisionId, outboxItemId',
    },
    async upgrade(tx) {
      const decisions = (await tx.table<DecisionRowV1, string>('decisions').toArray()).map(decisionRowV1toV2);
      await tx.table<DecisionRow, string>('decisions').bulkPut(decisions.map((d) => d.decision));
      const outbox = outboxRowsV1toV2(await tx.table<OutboxRowV1, string>('outbox').toArray(), defaultSyncPolicy.maxRejections);
      await tx.table<OutboxRow, string>('outbox').bulkPut(outbox);
      const reviews = [...decisions.flatMap((d) => (d.review ? [d.review] : [])), ...outbox.flatMap((o) => deadLetterReviewOf(o) ?? [])];
      await tx.table<ReviewRow, string>('reviews').bulkAdd(reviews);
    },
  },
];

export const CURRENT_SCHEMA_VERSION = schemaVersions.at(-1)?.version ?? 0;

export interface BoothDatabaseOptions extends DexieOptions {
  /** Declare only the versions up to this one (tests create databases as an older booth left them). */
  readonly upToVersion?: number;
}

/** The booth's IndexedDB: decisions, their outbox, the review queue, the audit chain, retained biometrics, settings. */
export class BoothDatabase extends Dexie {
  declare readonly decisions: Table<DecisionRow, string>;
  declare readonly outbox: Table<OutboxRow, string>;
  declare readonly reviews: Table<ReviewRow, string>;
  declare readonly audit: Table<AuditRow, number>;
  declare readonly retainedBiometrics: Table<RetainedBiometricRow, string>;
  declare readonly settings: Table<SettingRow, string>;

  constructor(name = 'booth', options: BoothDatabaseOptions = {}) {
    const { upToVersion = CURRENT_SCHEMA_VERSION, ...dexieOptions } = options;
    super(name, dexieOptions);
    for (const schema of schemaVersions) {
      if (schema.version > upToVersion) break;
      const version = this.version(schema.version).stores(schema.stores);
      if (schema.upgrade) version.upgrade(schema.upgrade);
    }
  }
}
