import { useCallback, useState } from 'react';
import type { PresentationAttackOverride } from '../../../../app/inspection/exit/exitOccupantRules';
import type { ExitOfficerChoice } from '../../../../app/inspection/exit/exitOfficerChoices';

/** What the officer did at an exit lane for the vehicle or traveller on screen, and what of it is durable. */
export interface ExitDeskState {
  /** Resolutions of ambiguous searches (a pick, or none of them), by occupant. */
  readonly resolutions: Readonly<Record<string, ExitOfficerChoice>>;
  /** Faces PAD flagged that the officer looked at and confirmed as the live traveller, by occupant. */
  readonly padOverrides: Readonly<Record<string, PresentationAttackOverride>>;
  /** Occupants the officer holds back for inspection (H): never confirmed by Enter. */
  readonly holds: ReadonlySet<string>;
  /** Occupants whose confirmation is durable: nothing about them changes any more. */
  readonly recorded: ReadonlySet<string>;
  /** Occupants whose resolution is in the audit log (a "none of them" is recorded on its own). */
  readonly resolutionsRecorded: ReadonlySet<string>;
}

export const emptyExitDesk: ExitDeskState = { resolutions: {}, padOverrides: {}, holds: new Set(), recorded: new Set(), resolutionsRecorded: new Set() };

const add = (set: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> => new Set([...set, ...ids]);
const without = <T>(record: Readonly<Record<string, T>>, key: string, value: T | null): Readonly<Record<string, T>> => {
  const { [key]: _previous, ...others } = record;
  return value ? { ...others, [key]: value } : others;
};

/** How each of the officer's acts changes the desk (pure: the hook keeps the result with the session's id). */
export const exitDeskChanges = {
  resolve: (d: ExitDeskState, occupantId: string, choice: ExitOfficerChoice | null): ExitDeskState => ({ ...d, resolutions: without(d.resolutions, occupantId, choice) }),
  overridePresentationAttack: (d: ExitDeskState, occupantId: string, override: PresentationAttackOverride | null): ExitDeskState => ({ ...d, padOverrides: without(d.padOverrides, occupantId, override) }),
  hold: (d: ExitDeskState, occupantId: string, held: boolean): ExitDeskState => {
    const holds = new Set(d.holds);
    if (held) holds.add(occupantId);
    else holds.delete(occupantId);
    return { ...d, holds };
  },
  recorded: (d: ExitDeskState, occupantIds: readonly string[], resolutionOccupantIds: readonly string[]): ExitDeskState => ({ ...d, recorded: add(d.recorded, occupantIds), resolutionsRecorded: add(d.resolutionsRecorded, resolutionOccupantIds) }),
};

/**
 * The exit desk of the lane session on screen. Kept with the session's id and read as empty once another session
 * is on screen (the next vehicle or traveller): no choice or "recorded" mark of the previous one applies to the next,
 * even for the one render before anything is reset.
 */
export function useExitDesk(sessionId: string | null) {
  const [kept, setKept] = useState<{ readonly sessionId: string | null; readonly desk: ExitDeskState }>({ sessionId, desk: emptyExitDesk });
  const desk = kept.sessionId === sessionId ? kept.desk : emptyExitDesk;
  const change = useCallback(
    (update: (desk: ExitDeskState) => ExitDeskState) => setKept((current) => ({ sessionId, desk: update(current.sessionId === sessionId ? current.desk : emptyExitDesk) })),
    [sessionId],
  );
  const resolve = useCallback((occupantId: string, choice: ExitOfficerChoice | null) => change((d) => exitDeskChanges.resolve(d, occupantId, choice)), [change]);
  const overridePresentationAttack = useCallback((occupantId: string, override: PresentationAttackOverride | null) => change((d) => exitDeskChanges.overridePresentationAttack(d, occupantId, override)), [change]);
  const hold = useCallback((occupantId: string, held: boolean) => change((d) => exitDeskChanges.hold(d, occupantId, held)), [change]);
  const markRecorded = useCallback((occupantIds: readonly string[], resolutionOccupantIds: readonly string[]) => change((d) => exitDeskChanges.recorded(d, occupantIds, resolutionOccupantIds)), [change]);
  return { desk, resolve, overridePresentationAttack, hold, markRecorded };
}
