import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcessCaller } from '../../../app/host/dispatchCaller';
import { embedderManifestSchema } from '../../../app/biometrics/modelManifest';
import { resolveSettings } from '../../../app/settings/boothSettings';
import { scriptedDecisionRecords, scriptedDecisionSubmissions } from '../../../native-bridges/records-service/scriptedDecisions.node.ts';
import { createBoothServices } from '../createBoothServices';

const model = embedderManifestSchema.parse(JSON.parse(readFileSync(new URL('../../../assets/models/fr_feature.json', import.meta.url), 'utf8')));

describe('audit:anchor on a simulated booth', () => {
  it("is null before a decision carried a head, then the head the booth's synced decisions carried, under its boothId", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'booth-anchor-'));
    const services = createBoothServices({ resolved: resolveSettings({ devices: 'sim', boothId: 'YUL-07' }), version: 'test', userDataDir: dataDir });
    await services.start();
    try {
      expect(await services.dispatch('audit:anchor', {}, inProcessCaller)).toEqual({ ok: true, value: null });
      const decidedAt = new Date('2026-12-07T03:00:00.000Z');
      const [first, second] = scriptedDecisionSubmissions(scriptedDecisionRecords(model, decidedAt), decidedAt.toISOString());
      const head = (seq: number) => ({ seq, hash: String(seq % 10).repeat(64) });
      const batch = [
        { ...first!, payload: { ...first!.payload, auditHead: head(7) } },
        { ...second!, payload: { ...second!.payload, auditHead: head(4) } },
      ];
      expect(await services.dispatch('decisions:sync', { batch }, inProcessCaller)).toMatchObject({ ok: true, value: { results: [{ outcome: 'accepted' }, { outcome: 'accepted' }] } });
      expect(await services.dispatch('audit:anchor', {}, inProcessCaller)).toEqual({ ok: true, value: { boothId: 'YUL-07', ...head(7), receivedAt: expect.any(String) } });
      // The service down: the anchor cannot be had, and says so (never a stale or empty "no anchor").
      await services.dispatch('sim:setDeviceConnected', { kind: 'recordsService', connected: false }, inProcessCaller);
      expect(await services.dispatch('audit:anchor', {}, inProcessCaller)).toMatchObject({ ok: false, error: { code: 'device_unavailable', message: expect.stringMatching(/cannot give this booth's audit anchor/) } });
    } finally {
      await services.stop();
    }
  });
});
