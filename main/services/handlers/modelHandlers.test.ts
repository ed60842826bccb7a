import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvaluableEmbedderManifest } from '../../../app/biometrics/modelManifest';
import type { DispatchCaller } from '../../../app/host/dispatchCaller';
import { resolveSettings } from '../../../app/settings/boothSettings';
import { writeVendorStyleModelFolder } from '../../build/vendorStyleEmbedder';
import { createBoothServices } from '../createBoothServices';
import { HostAuditLog } from '../HostAuditLog';

const repoRoot = resolve(import.meta.dirname, '../../..');
const modulesDir = join(repoRoot, 'node_modules');
const shippedEmbedderFile = join(modulesDir, 'faceplugin-face-recognition-js/model/fr_feature.onnx');
const shippedEmbedder = parseEvaluableEmbedderManifest(JSON.parse(readFileSync(join(repoRoot, 'assets/models/fr_feature.json'), 'utf8')));
const window = (n: number): DispatchCaller => ({ client: `electron-window-${n}`, transport: 'window' });

describe.skipIf(!existsSync(shippedEmbedderFile))('models:loadFailed from two windows at once', () => {
  it('runs one fallback and audits it once; the other report is audited as joined and gets the same set', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'booth-model-handlers-'));
    const agency = writeVendorStyleModelFolder(join(dataDir, 'agency'), { manifest: shippedEmbedder, modelFile: shippedEmbedderFile });
    const services = createBoothServices({ resolved: resolveSettings({ devices: 'sim', faceModels: { embedder: agency.manifestPath } }), version: 'test', userDataDir: dataDir, modulesDir });
    await services.start();
    try {
      expect(await services.dispatch('models:active', {}, window(1))).toMatchObject({ ok: true, value: { origin: 'configured' } });
      const report = (n: number) => services.dispatch('models:loadFailed', { origin: 'configured', message: `window ${n}: unknown op` }, window(n));
      const [first, second] = await Promise.all([report(1), report(2)]);
      expect(first).toMatchObject({ ok: true, value: { origin: 'shipped' } });
      expect(second).toEqual(first);
      // Before: both reports were audited 'done' (each read the set before either fell back), as if it fell back twice.
      const entries = (await HostAuditLog.inUserData(dataDir, { now: () => new Date() }).entries()).filter((e) => e.action === 'model_load_failed');
      expect(entries.map((e) => e.details)).toMatchObject([
        { client: 'electron-window-1', outcome: 'done' },
        { client: 'electron-window-2', outcome: 'joined' },
      ]);
      expect(entries[1]?.details).toMatchObject({ reason: 'the same failure was being acted on for another window: its fallback is the answer', message: 'window 2: unknown op' });
      // A report after the fallback names a set no longer served: refused, nothing moves.
      expect(await report(3)).toMatchObject({ ok: true, value: { origin: 'shipped' } });
      expect((await HostAuditLog.inUserData(dataDir, { now: () => new Date() }).entries()).at(-1)?.details).toMatchObject({ outcome: 'refused', servedNow: 'shipped' });
    } finally {
      await services.stop();
    }
  });
});
