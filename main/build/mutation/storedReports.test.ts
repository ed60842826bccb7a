import { describe, expect, it } from 'vitest';
import { formatMutationTable } from './mutationTable.ts';
import { storedRow, type StoredReport } from './storedReports.ts';

const mutants = (...statuses: string[]) => statuses.map((status) => ({ status }));
const report: StoredReport = {
  files: {
    'app/rules.ts': { source: 'rules v1', mutants: mutants('Killed', 'Killed', 'Killed', 'Timeout', 'Survived', 'CompileError') },
    'app/gone.ts': { source: 'old', mutants: mutants('Survived', 'Survived') },
  },
  testFiles: { 'app/rules.test.ts': { source: 'tests v1' } },
};
const now = (files: Record<string, string>) => (file: string): string | null => files[file] ?? null;
const moduleOf = (mutated: string[], tests: string[] = ['app/rules.test.ts']) => ({ mutated: new Set(mutated), tests: new Set(tests) });
const unchanged = now({ 'app/rules.ts': 'rules v1', 'app/rules.test.ts': 'tests v1', 'app/more.test.ts': 'more' });

describe('the table from stored mutation reports (npm run test:mutation -- --table)', () => {
  it('scores a module from its report, counting only the files still in the module', () => {
    const row = storedRow('rules', report, moduleOf(['app/rules.ts']), unchanged);
    expect(row).toMatchObject({ module: 'rules', killed: 3, timedOut: 1, survived: 1, noCoverage: 0, invalid: 1, score: 80, report: 'current' });
  });

  it('marks a row stale when a mutated file, a test file changed since, or a module file was never run', () => {
    const files = moduleOf(['app/rules.ts', 'app/new.ts']);
    expect(storedRow('rules', report, files, now({ 'app/rules.ts': 'rules v2', 'app/rules.test.ts': 'tests v2' })).report).toBe(
      'STALE (changed since: rules.ts; 1 file never run; 1 test file changed since)',
    );
    expect(storedRow('rules', report, moduleOf(['app/rules.ts']), now({ 'app/rules.ts': 'rules v1' })).report).toBe('STALE (1 test file changed since)');
  });

  it('marks a row stale when the module runs other test files than the report did, though no file changed', () => {
    // A test file the run never had: its kills are not in the score.
    expect(storedRow('rules', report, moduleOf(['app/rules.ts'], ['app/rules.test.ts', 'app/more.test.ts']), unchanged).report).toBe('STALE (1 test file never run)');
    // A test file the module no longer runs (left out of its globs): the report still counts its kills.
    expect(storedRow('rules', report, moduleOf(['app/rules.ts'], []), unchanged).report).toBe('STALE (1 test file no longer run)');
    // A report that kept no source of a test file cannot say it is unchanged.
    const withoutSource: StoredReport = { ...report, testFiles: { 'app/rules.test.ts': {} } };
    expect(storedRow('rules', withoutSource, moduleOf(['app/rules.ts']), unchanged).report).toBe('STALE (1 test file changed since)');
  });

  it('a module never run has no score and says so', () => {
    expect(storedRow('exit', null, moduleOf(['app/exit.ts']), now({}))).toMatchObject({ score: null, killed: 0, report: 'no report: never run' });
  });

  it('prints the report column only for stored rows', () => {
    const row = storedRow('rules', report, moduleOf(['app/rules.ts']), unchanged);
    const stored = formatMutationTable([row]).split('\n');
    expect(stored[0]).toMatch(/\| report +\|$/);
    expect(stored[2]).toMatch(/^\| rules +\| 80\.0 % +\| 3 +\| 1 +\| 1 +\| 0 +\| 1 +\| current +\|$/);
    const { report: _dropped, ...run } = row;
    expect(formatMutationTable([run]).split('\n')[0]).not.toMatch(/report/);
  });
});
