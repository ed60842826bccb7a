import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** How `npm start` shows the booth on this machine. */
export type LaunchPlan =
  | { readonly kind: 'electron'; readonly electronPath: string }
  | { readonly kind: 'browser-app'; readonly browserPath: string }
  | { readonly kind: 'print-url'; readonly reason: string };

export interface LaunchEnvironment {
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  /** The Electron binary, or null when the npm package is installed without it (as on CI here). */
  readonly electronPath: string | null;
  readonly fileExists: (path: string) => boolean;
  readonly noOpen: boolean;
}

const browserCandidates: Readonly<Partial<Record<NodeJS.Platform, readonly string[]>>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
};

/** Electron when its binary exists; otherwise a Chromium-family browser in app mode if there is a display; otherwise the URL. */
export function chooseLaunchPlan(environment: LaunchEnvironment): LaunchPlan {
  if (environment.noOpen) return { kind: 'print-url', reason: '--no-open was given' };
  if (environment.electronPath) return { kind: 'electron', electronPath: environment.electronPath };
  const hasDisplay = environment.platform !== 'linux' || Boolean(environment.env.DISPLAY || environment.env.WAYLAND_DISPLAY);
  if (!hasDisplay) return { kind: 'print-url', reason: 'no display (DISPLAY/WAYLAND_DISPLAY unset)' };
  const candidates = [environment.env.BOOTH_BROWSER, ...(browserCandidates[environment.platform] ?? [])].filter((path): path is string => Boolean(path));
  const browserPath = candidates.find((path) => environment.fileExists(path));
  if (!browserPath) return { kind: 'print-url', reason: 'no Chromium, Chrome or Edge found (set BOOTH_BROWSER)' };
  return { kind: 'browser-app', browserPath };
}

/**
 * The Electron binary's path, or null. The `electron` package's entry point throws when its binary was not
 * downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1), so this is guarded and never crashes the launcher.
 */
export function findElectronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
