import type { HandlersOf } from '../../../app/host/dispatch';
import type { ResolvedSettings } from '../../../app/settings/boothSettings';

/** `app:*`: what this booth is and how it is set up. */
export function appHandlers(resolved: ResolvedSettings, version: string, deviceNotices: () => Promise<readonly string[]> = async () => []): HandlersOf<'app'> {
  const { settings, problems } = resolved;
  return {
    // Device notices (an empty chip trust list, an out-of-date CRL) share the header's settings notice.
    'app:getInfo': async () => ({
      boothId: settings.boothId,
      laneType: settings.laneType,
      deviceMode: settings.devices,
      faceMatchTargetFmr: settings.faceMatchTargetFmr,
      version,
      screenLockMinutes: settings.screenLockMinutes,
      retentionDays: settings.retentionDays,
      settingsProblems: [...problems, ...(await deviceNotices())],
    }),
  };
}
