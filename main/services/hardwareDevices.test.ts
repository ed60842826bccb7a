import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../app/ports/Ids';
import { resolveSettings } from '../../app/settings/boothSettings';
import { SerialMrzReader } from '../../native-bridges/document-reader/SerialMrzReader';
import { createHardwareDevices } from './hardwareDevices';

const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
const devicesFor = (documentReader: unknown) => createHardwareDevices(resolveSettings({ devices: 'hardware', documentReader }).settings, clock, sequentialIds());

describe('createHardwareDevices: the document reader', () => {
  it('is a serial MRZ reader on the configured port, which says why it is not connected when the port is absent', async () => {
    const { documentReader } = devicesFor({ type: 'serial', path: '/dev/ttyBOOTH-ABSENT', baudRate: 19200, readerKind: 'swipe' });
    expect(documentReader).toBeInstanceOf(SerialMrzReader);
    expect(documentReader.status().name).toBe('Swipe reader on /dev/ttyBOOTH-ABSENT');
    await documentReader.start();
    expect(documentReader.status()).toMatchObject({ connected: false, detail: expect.stringMatching(/^cannot open \/dev\/ttyBOOTH-ABSENT: .*retrying in/) });
    await documentReader.stop();
  });

  it('is connected with no host device for a keyboard-wedge reader', () => {
    const { documentReader } = devicesFor({ type: 'keyboard' });
    expect(documentReader.status()).toMatchObject({ kind: 'documentReader', connected: true, detail: 'keyboard-wedge reader (in the booth window)' });
    expect(typeof documentReader.onReadError(() => undefined)).toBe('function');
  });

  it('is an unconfigured slot by default', () => {
    expect(devicesFor(undefined).documentReader.status()).toMatchObject({ connected: false, detail: 'no hardware driver configured for this device' });
  });
});
