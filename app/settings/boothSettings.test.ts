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

describe('resolveSettings: direction and the chip policy', () => {
  it('a lane is an entry lane unless the settings say exit; anything else is named and entry used', () => {
    expect(resolveSettings({}).settings.direction).toBe('entry');
    expect(resolveSettings({ direction: 'exit' }).settings.direction).toBe('exit');
    const wrong = resolveSettings({ direction: 'departure' });
    expect(wrong.settings.direction).toBe('entry');
    expect(wrong.problems[0]).toMatch(/^direction: .*default "entry" used$/);
  });

  it('the not-verifiable severity is the policy\'s now: an older file setting it keeps its other chip fields and is told', () => {
    const { settings, problems } = resolveSettings({ chipPolicy: { requiredDataGroups: [1, 2, 14], requireCrl: true, notVerifiableSeverity: 'mandatory' } });
    expect(settings.chipPolicy).toEqual({ requiredDataGroups: [1, 2, 14], requireCrl: true });
    expect(problems).toEqual([expect.stringMatching(/^chipPolicy\.notVerifiableSeverity: set by the policy in force now/)]);
  });
});

describe('resolveSettings: sign-in lockout', () => {
  it('defaults to 10 failures and 15 minutes, and keeps valid values', () => {
    expect(defaultSettings).toMatchObject({ signInLockoutFailures: 10, signInLockoutMinutes: 15 });
    expect(resolveSettings({ signInLockoutFailures: 100, signInLockoutMinutes: 1440 })).toMatchObject({ problems: [], settings: { signInLockoutFailures: 100, signInLockoutMinutes: 1440 } });
  });

  it('refuses more than the 100 failures NIST SP 800-63B allows, and lock times out of 1-1440 minutes, naming the field', () => {
    const { settings, problems } = resolveSettings({ signInLockoutFailures: 101, signInLockoutMinutes: 0 });
    expect(settings).toMatchObject({ signInLockoutFailures: 10, signInLockoutMinutes: 15 });
    expect(problems).toEqual([expect.stringMatching(/^signInLockoutFailures: .*100.*default 10 used$/), expect.stringMatching(/^signInLockoutMinutes: .*default 15 used$/)]);
    expect(resolveSettings({ signInLockoutFailures: 2.5 }).problems[0]).toMatch(/^signInLockoutFailures: /);
  });
});

describe('resolveSettings: face models', () => {
  it('defaults to the shipped models with PAD off, and takes manifest paths per role', () => {
    expect(defaultSettings).toMatchObject({ faceModels: {}, presentationAttackDetection: 'off' });
    const { settings, problems } = resolveSettings({ faceModels: { embedder: '/agency/models/vendor.json', pad: 'pad.json' }, presentationAttackDetection: 'flag' });
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ faceModels: { embedder: '/agency/models/vendor.json', pad: 'pad.json' }, presentationAttackDetection: 'flag' });
  });

  it('refuses an unknown role, an empty path or another PAD mode, naming the field', () => {
    expect(resolveSettings({ faceModels: { recogniser: 'x.json' } }).problems[0]).toMatch(/^faceModels: .*recogniser.*default \{\} used$/);
    expect(resolveSettings({ faceModels: { embedder: ' ' } }).problems[0]).toMatch(/^faceModels\.embedder: /);
    expect(resolveSettings({ presentationAttackDetection: 'block' }).problems[0]).toMatch(/^presentationAttackDetection: .*default "off" used$/);
  });
});
