import { useCallback, useState } from 'react';
import type { ExitOfficerChoice } from '../../../../app/inspection/exit/exitOfficerChoices';

/** What the officer did at an exit lane for the vehicle or traveller on screen, and what of it is durable. */
export interface ExitDeskState {
  /** Resolutions of ambiguous searches (a pick, or none of them), by occupant. */
  readonly resolutions: Readonly<Record<string, ExitOfficerChoice>>;
  /** Occupants whose confirmation is durable: nothing about them changes any more. */
  readonly recorded: ReadonlySet<string>;
  /** Occupants whose resolution is in the audit log (a "none of them" is recorded on its own). */
  readonly resolutionsRecorded: ReadonlySet<string>;
}

const emptyDesk: ExitDeskState = { resolutions: {}, recorded: new Set(), resolutionsRecorded: new Set() };

const add = (set: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> => new Set([...set, ...ids]);

/**
 * The exit desk of the lane session on screen. Kept with the session's id and read as empty once another session
 * is on screen (the next vehicle or traveller): no choice or "recorded" mark of the previous one applies to the next,
 * even for the one render before anything is reset.
 */
export function useExitDesk(sessionId: string | null) {
  const [kept, setKept] = useState<{ readonly sessionId: string | null; readonly desk: ExitDeskState }>({ sessionId, desk: emptyDesk });
  const desk = kept.sessionId === sessionId ? kept.desk : emptyDesk;
  const change = useCallback(
    (update: (desk: ExitDeskState) => ExitDeskState) => setKept((current) => ({ sessionId, desk: update(current.sessionId === sessionId ? current.desk : emptyDesk) })),
    [sessionId],
  );
  const resolve = useCallback(
    (occupantId: string, choice: ExitOfficerChoice | null) =>
      change((d) => {
        const { [occupantId]: _previous, ...others } = d.resolutions;
        return { ...d, resolutions: choice ? { ...others, [occupantId]: choice } : others };
      }),
    [change],
  );
  const markRecorded = useCallback(
    (occupantIds: readonly string[], resolutionOccupantIds: readonly string[]) => change((d) => ({ ...d, recorded: add(d.recorded, occupantIds), resolutionsRecorded: add(d.resolutionsRecorded, resolutionOccupantIds) })),
    [change],
  );
  return { desk, resolve, markRecorded };
}
