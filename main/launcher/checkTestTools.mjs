// `npm test` starts here: the end-to-end and chip tests need Chromium, ffmpeg and pcscd from the system.
// When one is missing it says in one line how to get them, instead of failing obscurely later.
// Plain Node with no import from node_modules.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const onPath = (name, env, fileExists) => (env.PATH ?? '').split(delimiter).some((dir) => dir && fileExists(join(dir, name)));

/** The tools `npm test` needs that this machine lacks, by name. */
export function missingTestTools(env = process.env, fileExists = existsSync) {
  const missing = [];
  if (!fileExists(env.BOOTH_CHROMIUM ?? '/usr/bin/chromium')) missing.push('chromium');
  if (!onPath('ffmpeg', env, fileExists)) missing.push('ffmpeg');
  if (!onPath('pcscd', env, fileExists) && !fileExists('/usr/sbin/pcscd')) missing.push('pcscd');
  return missing;
}

export function howToGet(missing) {
  return `npm test needs ${missing.join(', ')}: on Debian/Ubuntu \`sudo apt-get install chromium ffmpeg pcscd vsmartcard-vpcd\` (Chromium elsewhere: set BOOTH_CHROMIUM), or run \`bash .ci/run\` on a machine where it may install them.`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const missing = missingTestTools();
  if (missing.length > 0) {
    console.error(howToGet(missing));
    process.exit(1);
  }
}
