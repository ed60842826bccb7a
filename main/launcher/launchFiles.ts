import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What the launcher hands on: the Node host's address with its access token in the fragment, and the token alone. */
export interface LaunchSecrets {
  /** `http://127.0.0.1:<port>/#token=<token>` */
  readonly appUrl: string;
  readonly token: string;
}

export interface LaunchFiles {
  /** A page that forwards to the app URL: what the browser opens (`--app=<launchPageUrl>`). */
  readonly launchPageUrl: string;
  readonly launchPage: string;
  /** The token alone, for support tools: `curl -H "Authorization: Bearer $(cat <tokenFile>)" …`. */
  readonly tokenFile: string;
  /** Deletes both files (the token dies with the host anyway). */
  remove(): void;
}

/**
 * Writes this launch's secrets to owner-only files in the user data folder, because the browser's command line
 * is not private: every local user can read it (`ps`, /proc/<pid>/cmdline). The browser opens the launch page,
 * which forwards to the app URL; only the fragment, never sent to a server, carries the token.
 */
export function writeLaunchFiles(dataDir: string, secrets: LaunchSecrets): LaunchFiles {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const launchPage = join(dataDir, 'open-booth.html');
  const tokenFile = join(dataDir, 'node-host.token');
  const forward = escapeHtmlAttribute(`0;url=${secrets.appUrl}`);
  writeOwnerOnly(launchPage, `<!doctype html>\n<meta charset="utf-8">\n<meta name="referrer" content="no-referrer">\n<meta http-equiv="refresh" content="${forward}">\n<title>Booth</title>\n`);
  writeOwnerOnly(tokenFile, `${secrets.token}\n`);
  return {
    launchPage,
    launchPageUrl: pathToFileURL(launchPage).href,
    tokenFile,
    remove() {
      rmSync(launchPage, { force: true });
      rmSync(tokenFile, { force: true });
    },
  };
}

/** A fresh file created with mode 0600 (an existing file is replaced, never reused with its old, possibly wider, mode). */
function writeOwnerOnly(path: string, text: string): void {
  rmSync(path, { force: true });
  writeFileSync(path, text, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
}

function escapeHtmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
