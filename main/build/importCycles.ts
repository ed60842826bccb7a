import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Import circles among a project's own TypeScript modules (tests aside), type-only imports included: a circle makes
 * the load order decide what is initialised (values), and ties two concepts into one (types). Each circle is given
 * once, as the files in import order with the first repeated at the end. Dynamic `import()` is not a load-time edge.
 */
export function importCycles(rootDir: string, folders: readonly string[]): string[] {
  const files = folders.flatMap((folder) => sourceFiles(path.join(rootDir, folder)));
  const known = new Set(files);
  const resolve = (from: string, specifier: string): string | undefined => {
    if (!specifier.startsWith('.')) return undefined;
    const base = path.join(path.dirname(from), specifier);
    return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) => known.has(candidate));
  };
  const graph = new Map(files.map((file) => [file, importsOf(readFileSync(file, 'utf8')).flatMap((specifier) => resolve(file, specifier) ?? [])]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles = new Set<string>();
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.add([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(rootDir, f)).join(' > '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return [...cycles];
}

/** The module specifiers a source file imports or re-exports from (`import … from`, `export … from`, `import '…'`). */
export function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:^|[;\s])(?:import|export)\s+(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g)].map((match) => match[1]!);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.(test|bench)\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}
