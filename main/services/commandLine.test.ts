import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../app/settings/boothSettings';
import { applyCommandLine, parseCommandLine } from './commandLine';

describe('parseCommandLine', () => {
  it('reads --devices, --port and --no-open', () => {
    expect(parseCommandLine(['--devices=hardware', '--port', '6000', '--no-open'])).toEqual({ devices: 'hardware', port: 6000, noOpen: true });
    expect(parseCommandLine([])).toEqual({ devices: undefined, port: undefined, noOpen: false });
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
