import { describe, expect, it } from 'vitest';
import { defaultSettings, resolveSettings } from './boothSettings';

describe('resolveSettings', () => {
  it('gives the documented defaults for an empty file', () => {
    const { settings, problems } = resolveSettings({});
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ boothId: 'BOOTH-01', laneType: 'pedestrian', devices: 'sim', port: 5310, simulatedReadIntervalSeconds: 0 });
    expect(settings.cameras).toHaveLength(1);
  });

  it('keeps valid fields and replaces only the bad one, naming it', () => {
    const { settings, problems } = resolveSettings({ boothId: 'YUL-07', laneType: 'spaceport', port: 8080 });
    expect(settings.boothId).toBe('YUL-07');
    expect(settings.port).toBe(8080);
    expect(settings.laneType).toBe('pedestrian');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^laneType: .*default "pedestrian" used$/);
  });

  it('names the nested path of a bad camera entry', () => {
    const { problems, settings } = resolveSettings({ cameras: [{ id: 'c1', label: 'Driver', position: 'roof' }] });
    expect(problems[0]).toMatch(/^cameras\.0\.position: /);
    expect(settings.cameras).toEqual(defaultSettings.cameras);
  });

  it('reports unknown settings and a file that is not an object', () => {
    expect(resolveSettings({ colour: 'red' }).problems).toEqual(['colour: not a known setting; ignored']);
    expect(resolveSettings([1, 2]).problems[0]).toMatch(/^settings: expected an object/);
    expect(resolveSettings('x').settings).toEqual(defaultSettings);
  });
});
