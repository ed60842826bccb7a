import { describe, expect, it } from 'vitest';
import { endedRun } from './endedRun';

describe('endedRun', () => {
  it('is the run seen open once it is no longer open', () => {
    expect(endedRun('run-1', { runId: 'run-1', open: false })).toBe('run-1');
    expect(endedRun('run-1', { runId: 'run-1', open: true })).toBeNull();
  });

  it('is the run seen open when a restart replaced it: its trainee still gets its debrief', () => {
    expect(endedRun('run-1', { runId: 'run-2', open: true })).toBe('run-1');
  });

  it('is nothing when no run was seen open, or the host knows none', () => {
    expect(endedRun(null, { runId: 'run-2', open: false })).toBeNull();
    expect(endedRun(null, { runId: 'run-2', open: true })).toBeNull();
    expect(endedRun('run-1', null)).toBeNull();
  });
});
