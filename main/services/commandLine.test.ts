import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../app/settings/boothSettings';
import { applyCommandLine, parseCommandLine } from './commandLine';

describe('parseCommandLine', () => {
  it('reads --devices, --port and --no-open', () => {
    expect(parseCommandLine(['--devices=hardware', '--port', '6000', '--no-open'])).toEqual({ devices: 'hardware', port: 6000, noOpen: true });
    expect(parseCommandLine([])).toEqual({ devices: undefined, port: undefined, noOpen: false });
  });

  it('reads --lane, and a vehicle lane gets the driver-side and rear cameras unless cameras are configured', () => {
    const options = parseCommandLine(['--lane=vehicle']);
    expect(options.lane).toBe('vehicle');
    const vehicle = applyCommandLine(resolveSettings({}), options).settings;
    expect(vehicle.laneType).toBe('vehicle');
    expect(vehicle.cameras.map((c) => c.position)).toEqual(['driver', 'rear', 'rear']);
    const configured = [{ id: 'c', label: 'Cab camera', position: 'driver' as const }];
    expect(applyCommandLine(resolveSettings({ cameras: configured }), options).settings.cameras).toEqual(configured);
    expect(applyCommandLine(resolveSettings({ laneType: 'vehicle' }), { lane: 'air', noOpen: false }).settings.cameras.map((c) => c.position)).toEqual(['traveller']);
    expect(() => parseCommandLine(['--lane=bus'])).toThrow('--lane must be one of air, sea, pedestrian, vehicle, not "bus"');
  });

  it('reads --direction, which wins over the settings file (entry when neither says)', () => {
    expect(parseCommandLine(['--direction=exit']).direction).toBe('exit');
    expect(applyCommandLine(resolveSettings({ direction: 'entry' }), parseCommandLine(['--direction=exit'])).settings.direction).toBe('exit');
    expect(applyCommandLine(resolveSettings({ direction: 'exit' }), parseCommandLine([])).settings.direction).toBe('exit');
    expect(applyCommandLine(resolveSettings({}), parseCommandLine([])).settings.direction).toBe('entry');
    expect(() => parseCommandLine(['--direction=out'])).toThrow('--direction must be "entry" or "exit", not "out"');
  });

  it('names the bad option', () => {
    expect(() => parseCommandLine(['--devices=usb'])).toThrow('--devices must be "sim" or "hardware", not "usb"');
    expect(() => parseCommandLine(['--port=70000'])).toThrow(/--port must be a whole number/);
    expect(() => parseCommandLine(['--colour=red'])).toThrow(/colour/);
  });

  it('lets the command line win over the settings file', () => {
    const resolved = applyCommandLine(resolveSettings({ devices: 'hardware', port: 1234 }), { devices: 'sim', noOpen: false });
    expect(resolved.settings.devices).toBe('sim');
    expect(resolved.settings.port).toBe(1234);
  });
});
