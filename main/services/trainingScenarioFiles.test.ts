import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../app/settings/boothSettings';
import { applyScenarioOption, parseCommandLine, scenarioAtStart } from './commandLine';
import { listBuiltInScenarios, loadTrainingScenario } from './trainingScenarioFiles';

const scenariosDir = fileURLToPath(new URL('../../assets/scenarios', import.meta.url));
const scenarioFile = (content: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'booth-scenario-')), 'mine.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('training scenario files', () => {
  it('ships valid built-in scenarios whose travellers and vehicles exist', () => {
    expect(listBuiltInScenarios(scenariosDir).map((s) => [s.name, s.laneType])).toEqual([
      ['clean-lane', 'pedestrian'],
      ['clean-then-expired', 'pedestrian'],
      ['clone-during-records-outage', 'pedestrian'],
      ['cloned-chip', 'pedestrian'],
      ['exit-overstayer-twins', 'vehicle'],
      ['genuine-non-match', 'pedestrian'],
      ['look-alike-impostor', 'pedestrian'],
      ['records-outage', 'pedestrian'],
      ['vehicle-forged-sod-reader-unplugged', 'vehicle'],
      ['vehicle-rear-seat-impostor', 'vehicle'],
    ]);
  });

  it('loads by built-in name or by file path, and names what is wrong otherwise', () => {
    expect(loadTrainingScenario('clean-then-expired', scenariosDir).steps).toHaveLength(2);
    const mine = { name: 'mine', description: 'One read.', laneType: 'air', steps: [{ atSeconds: 0, kind: 'readDocument', traveller: 1 }] };
    expect(loadTrainingScenario(scenarioFile(mine), scenariosDir).name).toBe('mine');
    expect(() => loadTrainingScenario('nope', scenariosDir)).toThrow('There is no built-in training scenario "nope"; built-in: clean-lane, clean-then-expired, clone-during-records-outage, cloned-chip, exit-overstayer-twins, genuine-non-match, look-alike-impostor, records-outage, vehicle-forged-sod-reader-unplugged, vehicle-rear-seat-impostor; or give a file path.');
    expect(() => loadTrainingScenario('/no/such/file.json', scenariosDir)).toThrow('Training scenario file /no/such/file.json does not exist.');
    expect(() => loadTrainingScenario(scenarioFile({ ...mine, steps: [{ atSeconds: 0, kind: 'readDocument', traveller: 7 }] }), scenariosDir)).toThrow(
      'Training scenario mine.json is invalid: steps.0.traveller: there is no scripted traveller 7 (0 to 4)',
    );
    expect(() => loadTrainingScenario(scenarioFile({ ...mine, laneType: 'vehicle', steps: [{ atSeconds: 0, kind: 'vehicleArrives', arrival: { vehicle: 9 } }] }), scenariosDir)).toThrow(
      'Training scenario mine.json is invalid: steps.0.arrival.vehicle: there is no scripted vehicle 9 (0 to 2)',
    );
    expect(() => loadTrainingScenario(scenarioFile('{"name":'), scenariosDir)).toThrow(/^Training scenario mine\.json is not valid JSON: /);
  });

  it('--scenario loads the scenario for a simulated booth and sets its lane; refused with --devices=hardware', () => {
    const options = parseCommandLine(['--scenario=vehicle-forged-sod-reader-unplugged']);
    expect(options.scenario).toBe('vehicle-forged-sod-reader-unplugged');
    const { resolved, scenario } = applyScenarioOption(resolveSettings({}), options, scenariosDir);
    expect(scenario?.name).toBe('vehicle-forged-sod-reader-unplugged');
    expect(resolved.settings.laneType).toBe('vehicle');
    expect(resolved.settings.cameras.map((camera) => camera.position)).toEqual(['driver', 'rear', 'rear']);

    expect(applyScenarioOption(resolveSettings({}), parseCommandLine([]), scenariosDir)).toEqual({ resolved: resolveSettings({}) });
    // A one-traveller scenario keeps a one-traveller booth's lane; a vehicle booth becomes the scenario's lane.
    expect(applyScenarioOption(resolveSettings({ laneType: 'air' }), parseCommandLine(['--scenario=clean-then-expired']), scenariosDir).resolved.settings.laneType).toBe('air');
    expect(applyScenarioOption(resolveSettings({ laneType: 'vehicle' }), parseCommandLine(['--scenario=clean-then-expired']), scenariosDir).resolved.settings.laneType).toBe('pedestrian');
    expect(() => applyScenarioOption(resolveSettings({ devices: 'hardware' }), options, scenariosDir)).toThrow(
      '--scenario plays on simulated devices only; it cannot be used with --devices=hardware',
    );
    expect(() => applyScenarioOption(resolveSettings({}), parseCommandLine(['--scenario=clean-then-expired', '--lane=vehicle']), scenariosDir)).toThrow(
      '--scenario=clean-then-expired is for a pedestrian lane, not --lane=vehicle',
    );
    expect(() => applyScenarioOption(resolveSettings({}), parseCommandLine(['--scenario=nope']), scenariosDir)).toThrow(/no built-in training scenario "nope"/);
    // An exit scenario makes the booth an exit booth of its lane (and an entry one an entry booth); a --direction against it is refused.
    expect(applyScenarioOption(resolveSettings({}), parseCommandLine(['--scenario=exit-overstayer-twins']), scenariosDir).resolved.settings).toMatchObject({ laneType: 'vehicle', direction: 'exit' });
    expect(applyScenarioOption(resolveSettings({ direction: 'exit' }), parseCommandLine(['--scenario=clean-then-expired']), scenariosDir).resolved.settings.direction).toBe('entry');
    expect(() => applyScenarioOption(resolveSettings({}), parseCommandLine(['--scenario=exit-overstayer-twins', '--direction=entry']), scenariosDir)).toThrow('--scenario=exit-overstayer-twins is for an exit lane, not --direction=entry');
    expect(() => parseCommandLine(['--scenario='])).toThrow('--scenario needs a built-in scenario name or a file path');
  });

  it('a scenario that cannot be played never stops the booth: the reason becomes a settings problem', () => {
    const refused = scenarioAtStart(resolveSettings({ devices: 'hardware' }), parseCommandLine(['--scenario=clean-then-expired']), scenariosDir);
    expect(refused.scenario).toBeUndefined();
    expect(refused.resolved.settings.devices).toBe('hardware');
    expect(refused.resolved.problems).toEqual(['--scenario: --scenario plays on simulated devices only; it cannot be used with --devices=hardware; no training scenario is played']);
    const bad = scenarioAtStart(resolveSettings({}), parseCommandLine([`--scenario=${scenarioFile({ name: 'x', description: 'd', laneType: 'vehicle', steps: [{ atSeconds: 1, kind: 'radio' }] })}`]), scenariosDir);
    expect(bad.scenario).toBeUndefined();
    expect(bad.resolved.settings.laneType).toBe('pedestrian');
    expect(bad.resolved.problems[0]).toMatch(/^--scenario: Training scenario mine\.json is invalid: steps\.0\.kind: Invalid discriminator value/);
    expect(scenarioAtStart(resolveSettings({}), parseCommandLine(['--scenario=clean-then-expired']), scenariosDir).scenario?.name).toBe('clean-then-expired');
  });
});
