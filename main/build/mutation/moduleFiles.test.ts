import { describe, expect, it } from 'vitest';
import { expandBraces, trackedFiles } from './moduleFiles.ts';
import { mutationModules } from './mutationModules.ts';

describe("a mutation module's files", () => {
  it('expands each brace group of a glob, git knowing none', () => {
    expect(expandBraces('app/{a,b}*.test.ts')).toEqual(['app/a*.test.ts', 'app/b*.test.ts']);
    expect(expandBraces('{x,y}/{1,2}.ts')).toEqual(['x/1.ts', 'x/2.ts', 'y/1.ts', 'y/2.ts']);
    expect(expandBraces('!app/*.test.ts')).toEqual(['!app/*.test.ts']);
  });

  it("finds every module's production and test files in the repository, the brace globs' ones included", () => {
    for (const module of mutationModules) {
      expect(trackedFiles(module.mutate).size, module.name).toBeGreaterThan(0);
      expect(trackedFiles(module.testFiles).size, module.name).toBeGreaterThan(0);
    }
    const inspectionTests = trackedFiles(mutationModules.find((module) => module.name === 'inspection')!.testFiles);
    expect(inspectionTests).toContain('app/inspection/chipVerdictRules.test.ts');
    expect(inspectionTests).not.toContain('app/inspection/laneSessionWindow.test.ts');
    expect([...trackedFiles(['app/retention/*.ts', '!app/retention/*.test.ts'])].some((file) => file.endsWith('.test.ts'))).toBe(false);
  });
});
