import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The user's data folder, the same one Electron's app.getPath('userData') gives for the product "Booth",
 * so settings are shared between the Electron app and the Node host. BOOTH_USER_DATA overrides it (tests, kiosks).
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.BOOTH_USER_DATA) return env.BOOTH_USER_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Booth');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Booth');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Booth');
}
