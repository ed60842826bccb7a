// "Runtime visible in the path" (Signal's .eslint/rules/file-suffix.js, VS Code's common/node folders):
// a file that needs Node says so in its name, `*.node.ts`, so a reader (and a bundler) sees at a glance
// what can run in a browser or a worker and what cannot.
//
// A file needs Node when it imports a Node built-in (`node:*`, `fs`, …), a Node-only package (native
// bindings, servers), another `*.node` module, or uses a Node-only global (`Buffer`, `process`, …).
// The rule reports such a file without the suffix, and a `*.node.ts` file that needs none of it.

import { builtinModules } from 'node:module';

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Packages that run only in Node: native bindings, sockets, servers, Node streams. */
export const nodeOnlyPackages = ['smartcard', 'serialport', '@serialport/', 'ws', 'sirv', '@node-rs/', 'pngjs', 'commander'];

const nodeOnlyGlobals = new Set(['Buffer', 'process', '__dirname', '__filename', 'require', 'global', 'setImmediate', 'clearImmediate']);

function nodeReason(specifier) {
  if (specifier.startsWith('node:') || nodeBuiltins.has(specifier.split('/')[0])) return `imports the Node built-in '${specifier}'`;
  if (nodeOnlyPackages.some((name) => (name.endsWith('/') ? specifier.startsWith(name) : specifier === name || specifier.startsWith(`${name}/`)))) {
    return `imports the Node-only package '${specifier}'`;
  }
  if (specifier.startsWith('.') && /\.node(\.[cm]?[jt]s)?$/.test(specifier)) return `imports the Node module '${specifier}'`;
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'A file that needs Node is named *.node.ts; a *.node.ts file needs Node.' },
    schema: [{ type: 'object', properties: { suffix: { type: 'boolean' } }, additionalProperties: false }],
    messages: {
      needsSuffix: 'This file {{reason}}, so it runs only in Node: name it *.node.ts (git mv, then fix its importers).',
      needlessSuffix: 'This file needs nothing of Node (no Node import, no Node global): drop the .node suffix.',
      bareNodeSpecifier: "Write '{{specifier}}.ts': Node takes a path ending in .node for a native addon and does not find the module.",
    },
  },
  create(context) {
    // { suffix: false }: only the specifier check (main/, tests: Node by their place, any name will do).
    const checkSuffix = context.options[0]?.suffix !== false;
    const isNodeFile = /\.node\.[cm]?[jt]sx?$/.test(context.filename);
    const reasons = [];
    const noteImport = (node) => {
      if (node.source && typeof node.source.value === 'string') {
        if (/^\..*\.node$/.test(node.source.value)) context.report({ node: node.source, messageId: 'bareNodeSpecifier', data: { specifier: node.source.value } });
        const reason = nodeReason(node.source.value);
        if (reason) reasons.push({ node, reason });
      }
    };
    return {
      ImportDeclaration: noteImport,
      ExportNamedDeclaration: noteImport,
      ExportAllDeclaration: noteImport,
      ImportExpression: noteImport,
      'Program:exit'(program) {
        const globalScope = context.sourceCode.getScope(program);
        // A Node global is a reference left unresolved, or resolved to a global the config declares (not one the file defines).
        const declared = globalScope.variables.filter((variable) => variable.defs.length === 0).flatMap((variable) => variable.references);
        for (const reference of [...globalScope.through, ...declared]) {
          const name = reference.identifier.name;
          if (nodeOnlyGlobals.has(name)) reasons.push({ node: reference.identifier, reason: `uses the Node global '${name}'` });
        }
        if (!checkSuffix) return;
        const [first] = reasons;
        if (!isNodeFile && first) context.report({ node: first.node, messageId: 'needsSuffix', data: { reason: first.reason } });
        if (isNodeFile && !first) context.report({ node: program, messageId: 'needlessSuffix' });
      },
    };
  },
};
