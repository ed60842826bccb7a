import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveSettings, type ResolvedSettings } from '../../app/settings/boothSettings';

export const settingsFileName = 'settings.json';

/**
 * Reads settings.json from the user's data folder. A missing file means defaults; an unreadable or invalid
 * file never stops the booth: each problem is reported (naming the field) and the default is used.
 * Synchronous on purpose: Electron needs the device mode before its 'ready' event to set camera switches.
 */
export function loadSettingsFile(dataDir: string): ResolvedSettings & { readonly path: string } {
  const path = join(dataDir, settingsFileName);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...resolveSettings({}), path };
    return withProblem(path, `settings file ${path} could not be read (${(error as Error).message}); all defaults used`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return withProblem(path, `settings file ${path} is not valid JSON (${(error as Error).message}); all defaults used`);
  }
  const resolved = resolveSettings(raw);
  return { ...resolved, problems: resolved.problems.map((problem) => `${path}: ${problem}`), path };
}

function withProblem(path: string, problem: string) {
  const defaults = resolveSettings({});
  return { settings: defaults.settings, problems: [problem], path };
}
