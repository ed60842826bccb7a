import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Lints a snippet as if it were the given file, and returns the file-suffix rule's messages. */
async function suffixProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'booth/node-file-suffix').map((message) => message.message);
}

describe('runtime visible in the path (eslint/rules/nodeFileSuffix.js)', () => {
  it('asks a native-bridges file that imports Node to be named *.node.ts, naming what it imports', async () => {
    expect(await suffixProblems('native-bridges/x/reader.ts', "import { connect } from 'node:net';\nexport const a = connect;")).toEqual([
      expect.stringContaining("imports the Node built-in 'node:net'"),
    ]);
    expect(await suffixProblems('native-bridges/x/reader.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;")).toHaveLength(1);
    expect(await suffixProblems('native-bridges/x/reader.ts', "import { Devices } from 'smartcard';\nexport const a = Devices;")).toEqual([
      expect.stringContaining("Node-only package 'smartcard'"),
    ]);
    expect(await suffixProblems('native-bridges/x/reader.ts', "import type { PortInfo } from '@serialport/bindings-interface';\nexport type A = PortInfo;")).toHaveLength(1);
    expect(await suffixProblems('native-bridges/x/reader.ts', "import { WebSocket } from 'ws';\nexport const a = WebSocket;")).toHaveLength(1);
  });

  it('counts a Node global as needing Node', async () => {
    expect(await suffixProblems('native-bridges/x/bytes.ts', "export const a = Buffer.from('x');")).toEqual([expect.stringContaining("uses the Node global 'Buffer'")]);
    expect(await suffixProblems('native-bridges/x/env.ts', 'export const a = process.env.HOME;')).toHaveLength(1);
  });

  it('passes Node on to importers: a file importing a *.node module is *.node itself', async () => {
    expect(await suffixProblems('native-bridges/x/session.ts', "import { open } from './link.node.ts';\nexport const a = open;")).toEqual([
      expect.stringContaining("imports the Node module './link.node.ts'"),
    ]);
    expect(await suffixProblems('native-bridges/x/session.node.ts', "import { open } from './link.node.ts';\nexport const a = open;")).toEqual([]);
  });

  it('asks for the .ts extension on a *.node import anywhere (Node would look for a native addon)', async () => {
    const bare = "import { open } from '../native-bridges/x/link.node';\nexport const a = open;";
    for (const file of ['native-bridges/x/session.node.ts', 'main/services/x.ts', 'e2e/x.spec.ts', 'native-bridges/x/x.test.ts']) {
      expect(await suffixProblems(file, bare)).toEqual([expect.stringContaining("Write '../native-bridges/x/link.node.ts'")]);
    }
  });

  it('accepts a browser-safe file without the suffix, and refuses the suffix on one', async () => {
    const browserSafe = "import { z } from 'zod';\nimport { parse } from './mrz';\nexport const a = [z, parse, new Uint8Array(2)];";
    expect(await suffixProblems('native-bridges/x/plain.ts', browserSafe)).toEqual([]);
    expect(await suffixProblems('native-bridges/x/plain.node.ts', browserSafe)).toEqual([expect.stringContaining('drop the .node suffix')]);
  });

  it('leaves tests and main/ (Node by its place) alone', async () => {
    const usesNode = "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;";
    expect(await suffixProblems('native-bridges/x/reader.test.ts', usesNode)).toEqual([]);
    expect(await suffixProblems('main/services/x.ts', usesNode)).toEqual([]);
  });
});
