import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../app/settings/boothSettings';
import { loadSettingsFile } from './settingsFile';

const folder = () => mkdtempSync(join(tmpdir(), 'booth-settings-'));

describe('loadSettingsFile', () => {
  it('uses defaults silently when there is no settings file', () => {
    const result = loadSettingsFile(folder());
    expect(result.settings).toEqual(defaultSettings);
    expect(result.problems).toEqual([]);
  });

  it('reads valid settings and names the file and field of an invalid one', () => {
    const dir = folder();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ boothId: 'SEA-2', port: 'eighty' }));
    const result = loadSettingsFile(dir);
    expect(result.settings.boothId).toBe('SEA-2');
    expect(result.settings.port).toBe(defaultSettings.port);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain(join(dir, 'settings.json'));
    expect(result.problems[0]).toContain('port:');
  });

  it('survives a file that is not JSON', () => {
    const dir = folder();
    writeFileSync(join(dir, 'settings.json'), '{ boothId: ');
    const result = loadSettingsFile(dir);
    expect(result.settings).toEqual(defaultSettings);
    expect(result.problems[0]).toMatch(/is not valid JSON/);
  });
});
