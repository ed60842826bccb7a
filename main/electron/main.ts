// Electron's main process: window, app protocol, permissions and IPC registration. Everything else lives in
// main/services (plain Node), which the Node host serves too. Only Electron calls belong in this file.
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DispatchCaller } from '../../app/host/dispatchCaller';
import { electronIpc } from '../../app/host/PreloadBridge';
import { fail } from '../../app/host/result';
import { appContentHeaders } from '../../app/host/securityHeaders';
import { applyCommandLine, parseCommandLine, scenarioAtStart } from '../services/commandLine';
import { createBoothServices } from '../services/createBoothServices';
import { loadSettingsFile } from '../services/settingsFile';
import { chooseStorageKeySource } from '../services/storageKey';
import { builtInScenariosFolder } from '../services/trainingScenarioFiles';
import { keptPolicySetFile, loadPolicies } from '../services/policyFiles';
import { policyFolderBelowRoot } from '../../native-bridges/policy/policyFolder.node.ts';
import { contentTypeFor, resolveAppAssetPath } from './appAssets';
import { appOrigin, appScheme, isAllowedNavigation, isPermissionGranted, isTrustedSender, secureWebPreferences } from './securityPolicy';

const rendererDir = join(__dirname, '..', 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');
/** The booth window's own connection: its sign-in is kept by its contents' id (never reused in a run). */
const windowCaller = (contentsId: number): DispatchCaller => ({ client: `electron-window-${contentsId}`, transport: 'window' });

protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } }]);

// dist/main/ -> the app root, in the checkout and inside the packaged app (electron-builder.yml ships assets/scenarios).
const scenariosDir = join(__dirname, '..', '..', builtInScenariosFolder);
const policyDir = join(__dirname, '..', '..', policyFolderBelowRoot);
const commandLine = parseCommandLine(process.argv.slice(app.isPackaged ? 1 : 2));
const {
  resolved: { settings, problems },
  scenario: trainingScenario,
} = scenarioAtStart(applyCommandLine(loadSettingsFile(app.getPath('userData')), commandLine), commandLine, scenariosDir);
for (const problem of problems) console.warn(`[booth] settings: ${problem}`);
if (settings.devices === 'sim') {
  // Simulated devices include the camera: Chromium's fake capture device, with no permission prompt.
  app.commandLine.appendSwitch('use-fake-device-for-media-stream');
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (navigation) => {
    if (!isAllowedNavigation(navigation.url)) navigation.preventDefault();
  });
  contents.on('will-attach-webview', (attach) => attach.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.whenReady().then(async () => {
  // The storage key is sealed by the OS keyring (safeStorage) where there is one, else kept in an owner-only file.
  const storageKey = chooseStorageKeySource(app.getPath('userData'), safeStorage);
  const services = createBoothServices({ resolved: { settings, problems }, version: app.getVersion(), storageKey, scenariosDir, policies: loadPolicies(policyDir, keptPolicySetFile(app.getPath('userData'))), ...(trainingScenario ? { trainingScenario } : {}) });
  await services.start();

  protocol.handle(appScheme, async (request) => {
    // The verified face models are served from the host's memory, never from a path the page names.
    const modelBytes = await services.modelFile(new URL(request.url).pathname);
    if (modelBytes) return new Response(modelBytes, { status: 200, headers: { ...appContentHeaders, 'Content-Type': 'application/octet-stream' } });
    const file = resolveAppAssetPath(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(appContentHeaders);
    headers.set('Content-Type', contentTypeFor(file));
    return new Response(response.body, { status: response.status, headers });
  });

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl, 'mediaTypes' in details ? details.mediaTypes : undefined)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, requestingOrigin, details.mediaType ? [details.mediaType] : undefined),
  );

  ipcMain.handle(electronIpc.call, (event, channel: unknown, payload: unknown) =>
    isTrustedSender(event.senderFrame?.url) ? services.dispatch(channel, payload, windowCaller(event.sender.id)) : fail('invalid_request', 'Calls are accepted only from the app itself.'),
  );

  const window = new BrowserWindow({ width: 1440, height: 900, backgroundColor: '#0b0f14', title: 'Booth', webPreferences: secureWebPreferences(preloadPath) });
  const unsubscribe = services.events.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(electronIpc.event, event);
  });
  window.on('closed', unsubscribe);
  // A closed window's sign-in is forgotten (read before 'closed': the contents are gone by then).
  const windowClient = windowCaller(window.webContents.id);
  window.webContents.once('destroyed', () => services.connectionClosed(windowClient));
  // A reload (or any new document in the window) keeps the webContents id, so without this the host would keep the
  // previous page's user signed in for a page that shows the sign-in screen; a WebSocket page gets a new connection.
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) services.connectionClosed(windowClient);
  });
  await window.loadURL(`${appOrigin}/index.html`);

  app.on('window-all-closed', () => {
    void services.stop().finally(() => app.quit());
  });
});
