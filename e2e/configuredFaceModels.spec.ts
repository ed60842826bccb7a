import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseEmbedderManifest } from '../app/biometrics/modelManifest';
import { resolveSettings } from '../app/settings/boothSettings';
import { decodeModel, encodeModel } from '../main/build/onnxModel';
import { writeVendorStyleModelFolder } from '../main/build/vendorStyleEmbedder';
import { LAST_WORKING_FILE } from '../main/services/faceModelSet';
import { HostAccessToken } from '../main/host/HostAccessToken';
import { startNodeHost, type RunningNodeHost } from '../main/host/NodeHost';
import { rendererBuildDir } from '../main/launcher/rendererBuild';
import { createBoothServices, type BoothServices } from '../main/services/createBoothServices';
import { datasetPhoto } from '../main/services/simulatedOccupantFaces';
import { callHost } from './support/hostApi';
import { appUrl, e2eHostToken } from './support/hostToken';
import { datasetsDir, repoRoot, screenshotsDir } from './support/paths';
import { signIn } from './support/signIn';
import { configuredEmbedderSource } from './vision/visionHarnessPage';

/**
 * The booth run on a model an agency brings, by settings alone: an agency folder (outside the app) with the
 * vendor-style embedder built from the configured one and its manifest, pinned by SHA-256. The booth matches the
 * genuine traveller and refuses the impostor as it does with the configured model (oneTravellerLane.spec.ts),
 * the worker fetching the model only from the host's verified set. Then the agency's file is swapped for a
 * changed one: the header says which field failed, and the booth keeps matching on the last working set. Last, an
 * update the host verifies but the vision worker cannot load: the booth falls back the same way, saying so.
 */
const haveFaces = datasetPhoto('Laura_Bush', 0, datasetsDir) !== undefined;
const configuredEmbedder = parseEmbedderManifest(JSON.parse(readFileSync(join(repoRoot, 'assets/models/fr_feature.json'), 'utf8')));

let userData: string;
let agency: ReturnType<typeof writeVendorStyleModelFolder>;
/** The agency model's path in the host's verified set, as the first booth served it. */
let agencyModelServed = '';
let booth: { services: BoothServices; host: RunningNodeHost; served: string[] } | undefined;

test.describe.configure({ mode: 'serial', timeout: 300_000 });

test.beforeAll(() => {
  userData = mkdtempSync(join(tmpdir(), 'booth-e2e-models-'));
  process.env.BOOTH_USER_DATA = userData;
  process.env.BOOTH_DATASETS ??= datasetsDir;
  agency = writeVendorStyleModelFolder(mkdtempSync(join(tmpdir(), 'booth-e2e-agency-')), { manifest: configuredEmbedder, modelFile: configuredEmbedderSource(configuredEmbedder) });
});

test.afterEach(async () => {
  await booth?.host.close();
  await booth?.services.stop();
  booth = undefined;
});

/** A pedestrian booth with these face-model settings; `served` lists every model file the page fetched from the host's set. */
async function startBooth(faceModels: Record<string, string>) {
  const services = createBoothServices({ resolved: resolveSettings({ devices: 'sim', boothId: 'E2E-M1', laneType: 'pedestrian', faceModels }), version: 'e2e' });
  await services.start();
  const served: string[] = [];
  const counted: BoothServices = { ...services, modelFile: async (path) => ((served.push(path), await services.modelFile(path))) };
  const host = await startNodeHost({ services: counted, staticDir: join(repoRoot, rendererBuildDir.test), port: 0, accessToken: HostAccessToken.from(e2eHostToken) });
  booth = { services, host, served };
  return booth;
}

async function genuineMatchesImpostorRefused(page: Page, screenshot: string) {
  await page.keyboard.press('d');
  await expect(page.getByTestId('traveller-name')).toHaveText('ERIKSSON, ANNA MARIA');
  const panel = page.getByTestId('match-panel');
  await expect(panel).toHaveAttribute('data-verdict', 'match', { timeout: 120_000 });
  const decision = page.getByTestId('traveller-recommendation');
  await expect(decision).toHaveAttribute('data-advice', 'clear', { timeout: 30_000 });
  await page.screenshot({ path: `${screenshotsDir}/${screenshot}`, fullPage: true });
  await page.keyboard.press('Enter');
  await expect(decision).toHaveAttribute('data-decision', 'clear');
  await page.keyboard.press('d');
  await expect(page.getByTestId('traveller-name')).toHaveText('JOHNSON, MICHAEL JAMES');
  await expect(panel).toHaveAttribute('data-verdict', 'no_match', { timeout: 120_000 });
  await expect(decision).toHaveAttribute('data-mandatory', 'true', { timeout: 30_000 });
}

test('configured with the agency\'s model, the booth runs it from the host\'s verified set, matches the genuine traveller and refuses the impostor', async ({ page, request }) => {
  test.skip(!haveFaces, 'needs BOOTH_DATASETS/faces-lfw');
  const { host, served } = await startBooth({ embedder: agency.manifestPath });
  const active = await callHost(request, 'models:active', {}, host.url);
  expect(active.body).toMatchObject({ ok: true, value: { origin: 'configured', notices: [], models: { embedder: { id: agency.manifest.id, layout: 'NHWC', batch: 1 } } } });
  await page.goto(appUrl(host.url));
  await signIn(page);
  await genuineMatchesImpostorRefused(page, 'configured-model-match.png');
  await expect(page.getByTestId('model-set-notice')).toHaveCount(0);
  agencyModelServed = `/${(active.body.value as { models: { embedder: { file: string } } }).models.embedder.file}`;
  expect(served).toEqual([agencyModelServed]);
  // Nothing outside the verified set is served from the host's model path.
  expect((await request.get(`${host.url}model-set/0000000000000000/vendor_embedder.onnx`)).status()).toBe(404);
  expect((await request.get(`${host.url}model-set/../../settings.json`)).status()).toBe(404);
});

test('a changed model file (hash mismatch) gives the header notice naming the field, and the booth keeps matching on the last working set', async ({ page, request }) => {
  test.skip(!haveFaces, 'needs BOOTH_DATASETS/faces-lfw');
  // The agency ships an update whose file does not match its manifest (a corrupt copy).
  const updateFolder = mkdtempSync(join(tmpdir(), 'booth-e2e-agency-update-'));
  const manifestPath = join(updateFolder, 'vendor_embedder.json');
  copyFileSync(agency.manifestPath, manifestPath);
  const corrupt = new Uint8Array(readFileSync(agency.modelPath));
  corrupt[corrupt.length - 64] = (corrupt[corrupt.length - 64] ?? 0) ^ 0x5a;
  writeFileSync(join(updateFolder, 'vendor_embedder.onnx'), corrupt);
  const { host, served } = await startBooth({ embedder: manifestPath });
  await page.goto(appUrl(host.url));
  await signIn(page);
  const notice = page.getByTestId('model-set-notice');
  await expect(notice).toContainText(`embedder (${manifestPath}): sha256: the model file`);
  await expect(notice).toContainText('the booth runs the last working model set');
  await expect(notice).toHaveAttribute('data-origin', 'last-working');
  await expect(notice).toHaveAttribute('data-embedder', agency.manifest.id);
  await genuineMatchesImpostorRefused(page, 'configured-model-fallback.png');
  // Still there after the travellers (not a passing notice); the page ran the last working model, never the changed file.
  await expect(notice).toBeVisible();
  expect((await callHost(request, 'models:active', {}, host.url)).body).toMatchObject({ ok: true, value: { origin: 'last-working' } });
  expect(served).toEqual([agencyModelServed]);
});

test('a verified model the vision worker cannot load (an operator onnxruntime-web lacks) gives the header notice, and the booth keeps matching on the last working set', async ({ page, request }) => {
  test.skip(!haveFaces, 'needs BOOTH_DATASETS/faces-lfw');
  // The agency's update passes every host check (pinned by its SHA-256, names, layout, size, batch) but uses a custom
  // operator: only the worker's runtime can find out that it cannot run it.
  const updateFolder = mkdtempSync(join(tmpdir(), 'booth-e2e-agency-custom-op-'));
  const model = decodeModel(new Uint8Array(readFileSync(agency.modelPath)), 'vendor_embedder.onnx');
  const last = model.graph.node.at(-1);
  if (!last) throw new Error('the vendor model has no node');
  Object.assign(last, { opType: 'AgencyNormalise', domain: 'com.agency.ops' });
  model.opsetImport = [...((model.opsetImport as unknown[] | undefined) ?? []), { domain: 'com.agency.ops', version: 1 }];
  const bytes = encodeModel(model);
  writeFileSync(join(updateFolder, 'vendor_embedder.onnx'), bytes);
  const manifestPath = join(updateFolder, 'vendor_embedder.json');
  writeFileSync(manifestPath, JSON.stringify({ ...agency.manifest, id: 'agency-custom-op', sha256: createHash('sha256').update(bytes).digest('hex') }));
  const { host, served } = await startBooth({ embedder: manifestPath });
  expect((await callHost(request, 'models:active', {}, host.url)).body).toMatchObject({ ok: true, value: { origin: 'configured', notices: [] } });
  await page.goto(appUrl(host.url));
  await signIn(page);
  const notice = page.getByTestId('model-set-notice');
  await expect(notice).toContainText('Face models: the vision worker could not load the configured model set (agency-custom-op)', { timeout: 120_000 });
  await expect(notice).toContainText(`the booth runs the last working model set (${agency.manifest.id})`);
  await expect(notice).toHaveAttribute('data-origin', 'last-working');
  await genuineMatchesImpostorRefused(page, 'configured-model-worker-fallback.png');
  await expect(notice).toBeVisible();
  // The host serves the fallback from now on (a reload runs it straight away), and does not remember the failed set as working.
  expect((await callHost(request, 'models:active', {}, host.url)).body).toMatchObject({ ok: true, value: { origin: 'last-working', models: { embedder: { id: agency.manifest.id } } } });
  expect(JSON.parse(readFileSync(join(userData, LAST_WORKING_FILE), 'utf8')).faceModels).toEqual({ embedder: agency.manifestPath });
  expect(served.at(-1)).toBe(agencyModelServed);
});
