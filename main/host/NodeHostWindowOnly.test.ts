import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEvaluableEmbedderManifest } from '../../app/biometrics/modelManifest';
import { writeVendorStyleModelFolder } from '../build/vendorStyleEmbedder';
import { LAST_WORKING_FILE } from '../services/faceModelSet';
import { simulatedTravellers } from '../../native-bridges/document-reader/simulatedTravellers';
import { HostAuditLog } from '../services/HostAuditLog';
import { callHostApi, connectToHost, httpApiCaller, startBoothHost } from './testSupport/nodeHostClient';

/** What only a booth window's own connection gets, through the real host on loopback: the storage key, the model fall-back, the outbox's sync and keyboard-wedge scans. */
const opened: { close(): Promise<void> }[] = [];
const repoRoot = resolve(import.meta.dirname, '../..');
const modulesDir = join(repoRoot, 'node_modules');
const shippedEmbedderFile = join(modulesDir, 'faceplugin-face-recognition-js/model/fr_feature.onnx');
const shippedEmbedder = parseEvaluableEmbedderManifest(JSON.parse(readFileSync(join(repoRoot, 'assets/models/fr_feature.json'), 'utf8')));
afterEach(async () => {
  for (const booth of opened.splice(0)) await booth.close();
});

interface ReplyFrame {
  readonly id?: number;
  readonly result?: { readonly ok: boolean; readonly value?: Record<string, unknown>; readonly error?: { readonly code: string; readonly message: string } };
}

async function booth() {
  const started = await startBoothHost({ devices: 'sim' });
  opened.push(started);
  const window = await connectToHost<ReplyFrame>(started.host);
  let id = 0;
  const callOverWindow = async (channel: string, payload: unknown) => {
    const callId = ++id;
    window.socket.send(JSON.stringify({ kind: 'call', id: callId, channel, payload }));
    return (await window.nextFrame((frame) => frame.id === callId)).result;
  };
  return { ...started, callOverWindow, close: async () => (window.socket.close(), await started.close()), audit: () => HostAuditLog.inUserData(started.dataDir, { now: () => new Date() }).entries() };
}

describe('storage:getKey', () => {
  it("answers the booth window before anyone signs in (its offline queue opens and syncs with nobody signed in), never the HTTP API, even a trainer's session", async () => {
    const { host, callOverWindow, audit } = await booth();
    expect(await callOverWindow('storage:getKey', {})).toEqual({ ok: true, value: { key: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) } });
    const trainer = httpApiCaller(host);
    await trainer.signIn('trainer');
    for (const answer of [await callHostApi(host, 'storage:getKey', {}), await trainer.call('storage:getKey', {})]) {
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({ ok: false, error: { code: 'not_permitted', message: "The storage key goes only to the booth's own window, never over the HTTP API." } });
    }
    // Each refusal is in the host's audit, naming the connection and who was signed in on it; the window's key is not.
    const refusal = { channel: 'storage:getKey', outcome: 'refused', reason: expect.stringContaining('never over the HTTP API'), transport: 'http', client: expect.stringMatching(/^http-api-\d+$/) };
    expect(await audit()).toEqual([
      expect.objectContaining({ action: 'storage_key_refused', actor: { userId: 'booth-host', role: 'system' }, details: refusal }),
      expect.objectContaining({ action: 'storage_key_refused', actor: { userId: 'trainer', role: 'trainer' }, details: refusal }),
    ]);
  });
});

describe('decisions:sync and documents:wedgeRead', () => {
  const scan = { lines: [...simulatedTravellers[1]!.mrz] };
  const refusals = {
    'decisions:sync': "Only the booth window's outbox sends decisions and departures to the records service; the HTTP API may not.",
    'documents:wedgeRead': 'A keyboard-wedge scan comes only from the booth window it was typed into; the HTTP API may not hand one in.',
  };

  it('refuses both over the HTTP API to any token holder (nobody, a trainer, a supervisor), naming why; nothing reaches the lane', async () => {
    const { host } = await booth();
    const callers = [{ call: (channel: string, payload: unknown) => callHostApi(host, channel, payload) }];
    for (const role of ['trainer', 'supervisor', 'officer'] as const) {
      const caller = httpApiCaller(host);
      await caller.signIn(role);
      callers.push(caller);
    }
    for (const caller of callers) {
      // Before: both answered 200 (a script could put a decision in the booth's name, or a document read on the officer's screen).
      for (const [channel, payload] of [['decisions:sync', { batch: [] }], ['documents:wedgeRead', scan]] as const) {
        const answer = await caller.call(channel, payload);
        expect(answer.status).toBe(403);
        expect(answer.body).toEqual({ ok: false, error: { code: 'not_permitted', message: refusals[channel] } });
      }
    }
    expect((await callHostApi(host, 'lane:current', {})).body).toEqual({ ok: true, value: null });
  });

  it("takes them from a booth window: the outbox syncs with nobody signed in; a scan needs the lane's officer or trainer", async () => {
    const { host } = await booth();
    const window = await connectToHost(host);
    opened.push({ close: async () => window.socket.close() });
    expect(await window.call('decisions:sync', { batch: [] })).toEqual({ ok: true, value: { results: [] } });
    expect(await window.call('documents:wedgeRead', scan)).toEqual({ ok: false, error: { code: 'not_permitted', message: 'Sign in first: A keyboard-wedge document read needs a signed-in officer or trainer.' } });
    await window.signIn('supervisor');
    expect(await window.call('documents:wedgeRead', scan)).toEqual({ ok: false, error: { code: 'not_permitted', message: 'A keyboard-wedge document read is for the officer or trainer role; supervisor is signed in as supervisor.' } });
    await window.signIn('officer');
    expect(await window.call('documents:wedgeRead', scan)).toMatchObject({ ok: true, value: { document: { documentNumber: 'A12345678' } } });
  });
});

describe('models:loadFailed', () => {
  it('refuses a report over the HTTP API (signed in or not): the set served does not move, and the refusal is audited', async () => {
    const { host, audit } = await booth();
    const trainer = httpApiCaller(host);
    await trainer.signIn('trainer');
    for (const answer of [await callHostApi(host, 'models:loadFailed', { origin: 'shipped', message: 'pretend' }), await trainer.call('models:loadFailed', { origin: 'shipped', message: 'pretend' })]) {
      expect(answer.status).toBe(403);
      expect(answer.body.error?.code).toBe('not_permitted');
    }
    expect((await callHostApi(host, 'models:active', {})).body.value).toMatchObject({ origin: 'shipped', notices: [] });
    expect(await audit()).toEqual([
      expect.objectContaining({
        action: 'model_load_failed',
        actor: { userId: 'booth-host', role: 'system' },
        details: { channel: 'models:loadFailed', outcome: 'refused', reason: expect.stringContaining('the HTTP API may not'), transport: 'http', client: expect.stringMatching(/^http-api-\d+$/), origin: 'shipped', message: 'pretend' },
      }),
      expect.objectContaining({ action: 'model_load_failed', actor: { userId: 'trainer', role: 'trainer' }, details: expect.objectContaining({ outcome: 'refused', transport: 'http' }) }),
    ]);
  });

  it("takes the window's report of the set served now (audited before the fall-back), and moves nothing for a set not served", async () => {
    const { callOverWindow, audit } = await booth();
    // Not the set served: the answer is the set served, unchanged.
    expect(await callOverWindow('models:loadFailed', { origin: 'configured', message: 'stale report' })).toMatchObject({ ok: true, value: { origin: 'shipped', notices: [] } });
    // The shipped set itself failing: there is nothing to fall back to, and the booth says so.
    expect(await callOverWindow('models:loadFailed', { origin: 'shipped', message: 'no WebGL' })).toMatchObject({ ok: false, error: { code: 'handler_failed', message: expect.stringContaining('could not load the shipped face models either (no WebGL)') } });
    expect(await audit()).toEqual([
      expect.objectContaining({
        details: { channel: 'models:loadFailed', outcome: 'refused', transport: 'window', client: expect.stringMatching(/^websocket-\d+$/), reason: 'the set served now is shipped, not configured', origin: 'configured', message: 'stale report', servedNow: 'shipped' },
      }),
      expect.objectContaining({ details: { channel: 'models:loadFailed', outcome: 'done', transport: 'window', client: expect.stringMatching(/^websocket-\d+$/), origin: 'shipped', message: 'no WebGL' } }),
    ]);
  });

  describe.skipIf(!existsSync(shippedEmbedderFile))('with a configured model set running', () => {
    it('a script cannot move the booth back from it: the configured set stays served and remembered as working', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'booth-host-models-'));
      const agency = writeVendorStyleModelFolder(join(dataDir, 'agency'), { manifest: shippedEmbedder, modelFile: shippedEmbedderFile });
      const started = await startBoothHost({ devices: 'sim', faceModels: { embedder: agency.manifestPath } }, { userDataDir: dataDir, modulesDir });
      opened.push(started);
      const lastWorking = () => JSON.parse(readFileSync(join(dataDir, LAST_WORKING_FILE), 'utf8')) as { faceModels: unknown };
      const trainer = httpApiCaller(started.host);
      await trainer.signIn('trainer');
      expect((await trainer.call('models:active', {})).body.value).toMatchObject({ origin: 'configured', models: { embedder: { id: agency.manifest.id } } });
      expect((await trainer.call('models:loadFailed', { origin: 'configured', message: 'pretend the worker failed' })).status).toBe(403);
      expect((await trainer.call('models:active', {})).body.value).toMatchObject({ origin: 'configured', notices: [] });
      expect(lastWorking().faceModels).toEqual({ embedder: agency.manifestPath });
    });
  });
});
