// `npm start` on a fresh clone: installs the dependencies if they are missing or older than package-lock.json,
// then starts the booth (main/launcher/start.ts). Plain Node with no import from node_modules: it runs before
// they exist.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The packages package.json names that node_modules lacks (none after npm ci). */
export function missingDependencies(rootDir, fileExists = existsSync) {
  const manifest = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8'));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  return names.filter((name) => !fileExists(join(rootDir, 'node_modules', name, 'package.json')));
}

function npmCi(env) {
  return spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--progress=true'], { cwd: root, stdio: 'inherit', env }).status === 0;
}

function install(missing) {
  console.log(`booth: ${missing.length} dependencies missing (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}): installing them (npm ci); the first time takes a few minutes...`);
  if (npmCi(process.env)) return;
  // The usual cause on a booth or CI machine: the Electron binary cannot be downloaded. The booth then runs in a browser.
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
    console.log('booth: npm ci failed; trying again without the Electron binary (the booth will open in a browser)...');
    if (npmCi({ ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })) return;
  }
  console.error('booth: npm ci failed (see above); fix that, then run npm start again.');
  process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const missing = missingDependencies(root);
  if (missing.length > 0) install(missing);
  const tsx = join(root, 'node_modules/.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
  const started = spawnSync(tsx, [join(root, 'main/launcher/start.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  process.exit(started.status ?? 1);
}
