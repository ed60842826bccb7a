import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importsOf } from './importCycles';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('import circles', () => {
  it('there are none in app/, renderer/, main/ or native-bridges/ (type-only imports included: the store slices once imported the store built from them)', () => {
    expect(importCycles(root, ['app', 'renderer', 'main', 'native-bridges'])).toEqual([]);
  });

  it('finds a circle through a type-only import, and reads every import form', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'booth-cycles-'));
    mkdirSync(path.join(dir, 'state'));
    writeFileSync(path.join(dir, 'state', 'store.ts'), "import { createLane } from './lane';\nexport type State = { lane: number };\nexport const store = createLane;\n");
    writeFileSync(path.join(dir, 'state', 'lane.ts'), "import type {\n  State,\n} from './store';\nexport const createLane = (s: State) => s;\n");
    writeFileSync(path.join(dir, 'state', 'lane.test.ts'), "import { store } from './store';\nexport const t = store;\n");
    expect(importCycles(dir, ['state'])).toEqual([['state/lane.ts', 'state/store.ts', 'state/lane.ts'].join(' > ')]);
    expect(importsOf("import a from './a';\nexport { b } from \"./b\";\nimport './c';\nexport * from './d';\nconst e = await import('./e');")).toEqual(['./a', './b', './c', './d']);
  });
});
