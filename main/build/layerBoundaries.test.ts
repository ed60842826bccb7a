import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Lints a snippet as if it were the given file, and returns the import-restriction messages. */
async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('layer boundaries (eslint.config.js)', () => {
  it('keeps app/ free of Node, Electron, UI libraries and the outer layers', async () => {
    expect(await violations('app/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;")).toHaveLength(1);
    expect(await violations('app/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await violations('app/x.ts', "import Dexie from 'dexie';\nexport const a = Dexie;")).toHaveLength(1);
    expect(await violations('app/x.ts', "import { x } from '../main/services/x';\nexport const a = x;")).toHaveLength(1);
    expect(await violations('app/x.ts', "import { z } from 'zod';\nexport const a = z;")).toHaveLength(0);
  });

  it('keeps renderer/ away from main/ and native-bridges/', async () => {
    expect(await violations('renderer/x.ts', "import { x } from '../main/host/NodeHost';\nexport const a = x;")).toHaveLength(1);
    expect(await violations('renderer/x.ts', "import { x } from '../native-bridges/chip/x';\nexport const a = x;")).toHaveLength(1);
    expect(await violations('renderer/x.ts', "import { x } from '../app/host/channels';\nexport const a = x;")).toHaveLength(0);
  });

  it("lets only main/electron import 'electron'", async () => {
    expect(await violations('main/services/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await violations('native-bridges/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await violations('main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(0);
  });
});
