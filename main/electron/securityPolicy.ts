/**
 * The Electron security decisions, as pure functions so they are tested in Node (Electron itself cannot
 * run here). main.ts only wires them into Electron's hooks.
 */

/** The app's own origin: content is served from app://booth/ by a privileged custom protocol. */
export const appScheme = 'app';
export const appOrigin = 'app://booth';

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    // Custom standard schemes report origin "null" in WHATWG URL; rebuild it from scheme and host.
    return parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** Only the camera, only for the app's own pages. Microphone, geolocation, notifications... are all denied. */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined, mediaTypes?: readonly string[]): boolean {
  if (originOf(requestingUrl) !== appOrigin) return false;
  if (permission !== 'media') return false;
  // A check without media types (permission check handler) asks about "media" in general: camera only is not
  // known, so deny; the request handler carries the types and grants video alone.
  return mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}

/** The window never leaves the app: links and redirects elsewhere are blocked. */
export function isAllowedNavigation(url: string): boolean {
  return originOf(url) === appOrigin;
}

/** IPC is answered only for frames showing the app's own content. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return originOf(frameUrl) === appOrigin;
}

/** webPreferences for every window: the Electron security checklist's defaults, stated explicitly. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  } as const;
}
