import type { HandlersOf } from '../../../app/host/dispatch';
import type { PolicySet } from '../../../app/policy/policySet';
import type { ResolvedSettings } from '../../../app/settings/boothSettings';

/** `app:*`: what this booth is and how it is set up. */
export function appHandlers(resolved: ResolvedSettings, version: string, policies: { readonly policies: PolicySet; readonly notices: readonly string[] }, deviceNotices: () => Promise<readonly string[]> = async () => []): HandlersOf<'app'> {
  const { settings, problems } = resolved;
  return {
    // Policy notices (files refused, the kept set applied) and device notices (an empty chip trust list, an out-of-date CRL) share the header's settings notice.
    'app:getInfo': async () => ({
      boothId: settings.boothId,
      laneType: settings.laneType,
      direction: settings.direction,
      deviceMode: settings.devices,
      faceMatchTargetFmr: settings.faceMatchTargetFmr,
      version,
      screenLockMinutes: settings.screenLockMinutes,
      retentionDays: settings.retentionDays,
      settingsProblems: [...problems, ...policies.notices, ...(await deviceNotices())],
      policies: policies.policies,
    }),
  };
}
