// Module resolve hook: `./file.node` (the *.node.ts runtime suffix) is a TypeScript source, not a native addon.
// tsx treats `.node` as a complete extension and never tries `.node.ts`, so every tsx entry (CLI, simulator host,
// e2e host, launcher) registers this hook after tsx's own (registerNodeSuffix.mjs).
export async function resolve(specifier, context, nextResolve) {
  if ((specifier.startsWith('./') || specifier.startsWith('../')) && specifier.endsWith('.node')) {
    try {
      return await nextResolve(`${specifier}.ts`, context);
    } catch {
      // not a TypeScript source: resolve it as written (a real .node addon)
    }
  }
  return nextResolve(specifier, context);
}
