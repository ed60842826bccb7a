import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time of any file under the given folders (0 when none exist). */
function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
    } else if (stats.mtimeMs > newest) newest = stats.mtimeMs;
  };
  for (const path of paths) if (existsSync(path)) visit(path);
  return newest;
}

/** True when an output is missing or older than any of its sources, so `npm start` never shows a stale build. */
export function isOutputStale(outputs: readonly string[], sources: readonly string[]): boolean {
  if (outputs.some((output) => !existsSync(output))) return true;
  const oldestOutput = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  return newestMtime(sources) > oldestOutput;
}
