import type { DeviceMode } from '../../app/settings/boothSettings';

/**
 * Chromium flags for the booth in app mode (a window with no browser chrome). With simulated devices the
 * camera is Chromium's fake capture device too: a clip when one is given, else Chromium's moving test pattern.
 */
export function browserAppArgs(url: string, profileDir: string, devices: DeviceMode, fakeCameraClip?: string): string[] {
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (devices === 'sim') {
    args.push('--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream');
    if (fakeCameraClip) args.push(`--use-file-for-fake-video-capture=${fakeCameraClip}`);
  }
  return args;
}
