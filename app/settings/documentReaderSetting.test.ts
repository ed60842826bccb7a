import { describe, expect, it } from 'vitest';
import { defaultSettings, resolveSettings } from './boothSettings';

describe('the documentReader setting', () => {
  it('defaults to no reader', () => {
    expect(defaultSettings.documentReader).toEqual({ type: 'none' });
    expect(resolveSettings({}).problems).toEqual([]);
  });

  it('takes a serial reader with the baud rate and kind defaulted, or a keyboard-wedge reader', () => {
    expect(resolveSettings({ documentReader: { type: 'serial', path: '/dev/ttyUSB0' } }).settings.documentReader).toEqual({ type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, readerKind: 'page' });
    expect(resolveSettings({ documentReader: { type: 'serial', path: 'COM3', baudRate: 115200, readerKind: 'swipe' } }).settings.documentReader).toEqual({
      type: 'serial',
      path: 'COM3',
      baudRate: 115200,
      readerKind: 'swipe',
    });
    expect(resolveSettings({ documentReader: { type: 'keyboard' } })).toEqual(expect.objectContaining({ problems: [] }));
  });

  it.each([
    [{ type: 'serial' }, /^documentReader\.path: /],
    [{ type: 'serial', path: '/dev/ttyUSB0', baudRate: 12.5 }, /^documentReader\.baudRate: /],
    [{ type: 'usb' }, /^documentReader\.type: /],
    ['serial', /^documentReader: /],
  ])('falls back to no reader for %j, naming the field', (value, problem) => {
    const { settings, problems } = resolveSettings({ boothId: 'YUL-07', documentReader: value });
    expect(settings.documentReader).toEqual({ type: 'none' });
    expect(settings.boothId).toBe('YUL-07');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
    expect(problems[0]).toMatch(/default \{"type":"none"\} used$/);
  });
});
