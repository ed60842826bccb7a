import type { DeviceMode } from '../../app/settings/boothSettings';

/**
 * Chromium flags for the booth in app mode (a window with no browser chrome). With simulated devices the
 * camera is Chromium's fake capture device too: a clip when one is given, else Chromium's moving test pattern.
 */
export function browserAppArgs(url: string, profileDir: string, devices: DeviceMode, options: { fakeCameraClip?: string; runningAsRoot?: boolean } = {}): string[] {
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--start-maximized',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  // Chromium refuses to start as root with its sandbox on (kiosk containers, CI); it says so and exits.
  if (options.runningAsRoot) args.push('--no-sandbox');
  if (devices === 'sim') {
    args.push('--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream');
    if (options.fakeCameraClip) args.push(`--use-file-for-fake-video-capture=${options.fakeCameraClip}`);
  }
  return args;
}
