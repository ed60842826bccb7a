import { describe, expect, it } from 'vitest';
import { scriptedVehicleSession } from '../../native-bridges/records-service/scriptedVehicleSession.node.ts';
import { embedderManifestSchema } from '../biometrics/modelManifest';
import { readFileSync } from 'node:fs';
import { parseSessionRecords } from './sessionRecordsSchema';

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../assets/models/fr_feature.json', import.meta.url), 'utf8')));

describe('sessionRecordsSchema', () => {
  it('round-trips the lookups of a session through JSON (as over IPC), including outages', () => {
    for (const recordsDown of [false, true]) {
      const { records } = scriptedVehicleSession({ now: new Date('2026-11-23T10:00:00Z'), model, recordsDown });
      expect(parseSessionRecords(JSON.parse(JSON.stringify(records)))).toEqual(records);
    }
  });

  it('rejects a lookup result that is neither success nor a typed error', () => {
    expect(() => parseSessionRecords({ travellers: [{ by: { kind: 'rfid', reference: 'AAAA1' }, result: { ok: false, error: { code: 'oops', message: '' }, durationMs: 1 } }] })).toThrow(/code/);
  });
});
