import type { HandlersOf } from '../../../app/host/dispatch';
import { HostFailure } from '../../../app/host/result';
import type { RecordsPort } from '../../../app/ports/RecordsPort';
import type { BoothSettings } from '../../../app/settings/boothSettings';

/** `exit:*`: what an exit lane needs from the records service through the host. */
export function exitHandlers(records: Pick<RecordsPort, 'departureGallery'>, settings: Pick<BoothSettings, 'exitPort' | 'laneType'>): HandlersOf<'exit'> {
  return {
    'exit:gallery': async () => {
      const answer = await records.departureGallery({ port: settings.exitPort, lane: settings.laneType });
      if (!answer.ok) throw new HostFailure('device_unavailable', `The exit gallery for ${settings.exitPort} could not be fetched (${answer.error.code}): ${answer.error.message}`);
      return answer.value;
    },
  };
}
