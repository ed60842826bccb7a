import type { HandlersOf } from '../../../app/host/dispatch';
import type { LaneSessionService } from '../laneSessionService';

/** `lane:*`: the lane session as the devices and records know it. */
export function laneHandlers(lane: LaneSessionService): HandlersOf<'lane'> {
  return {
    'lane:current': () => lane.current(),
  };
}
