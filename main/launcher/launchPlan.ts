import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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
 * The Electron binary's path, or null. This reads what the `electron` package's own entry point reads
 * (path.txt, then dist/<path>) instead of requiring it: that entry point tries to download a missing binary,
 * which cannot work offline and would only print a stack trace.
 */
export function findElectronBinary(packageDir = electronPackageDir(), env: NodeJS.ProcessEnv = process.env): string | null {
  if (!packageDir) return null;
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8').trim();
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable) : join(packageDir, 'dist', executable);
  return existsSync(binary) ? binary : null;
}

function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}
