// tsx takes an import ending in '.node' for a native addon and does not try '.node.ts': this hook adds the
// extension for relative imports of the project's *.node.ts files. Loaded after tsx: node --import tsx --import ./this.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function resolve(specifier, context, nextResolve) {
  if ((specifier.startsWith('./') || specifier.startsWith('../')) && specifier.endsWith('.node')) {
    try { return await nextResolve(specifier + '.ts', context); } catch {}
  }
  return nextResolve(specifier, context);
}`),
);
