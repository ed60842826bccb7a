import type { HandlersOf } from '../../../app/host/dispatch';
import type { HostAuditEvent } from '../../../app/host/channelAccess';
import type { DispatchCaller } from '../../../app/host/dispatchCaller';
import type { ActiveModelSet } from '../../../app/biometrics/modelSet';
import type { BoothFaceModels, ServedFaceModelSet } from '../faceModelSet';
import type { HostAuditLog } from '../HostAuditLog';
import type { SignedInCallers } from '../SignedInCallers';

/** What the page is told of a set: the manifests and notices; the prepared files stay on the host's side. */
const asActive = ({ files: _files, earlier: _earlier, ...active }: ServedFaceModelSet): ActiveModelSet => active;

export interface ModelHandlerDeps {
  readonly faceModels: BoothFaceModels;
  readonly callers: SignedInCallers;
  readonly audit: HostAuditLog;
}

/**
 * `models:*`: the face models the host verified for this booth, and the fallback when the worker cannot load them.
 * Only a booth window's own connection may report a load failure (its vision worker is the one that loads the set):
 * a report moves the booth to an earlier set and forgets the configured one, so a script on the HTTP API may not
 * (app/host/channelAccess.ts: dispatch refuses and audits it before this handler). The report must name the set
 * served now (a stale one changes nothing), and every report from a window is audited, acted on or not, before it
 * is answered.
 */
export function modelHandlers({ faceModels, callers, audit }: ModelHandlerDeps): HandlersOf<'models'> {
  const record = (caller: DispatchCaller, event: { origin: string; message: string; outcome: HostAuditEvent['outcome']; reason?: string; servedNow?: string }) =>
    caller.transport === 'in-process'
      ? Promise.resolve()
      : audit.record(caller, callers.userOf(caller), {
          action: 'model_load_failed',
          channel: 'models:loadFailed',
          outcome: event.outcome,
          ...(event.reason ? { reason: event.reason } : {}),
          details: { origin: event.origin, message: event.message.slice(0, 500), ...(event.servedNow ? { servedNow: event.servedNow } : {}) },
        });
  return {
    'models:active': async () => asActive(await faceModels.current()),
    'models:loadFailed': async ({ origin, message }, caller) => {
      // The report that falls back is audited before it does; one that joins a fallback under way (two windows
      // reporting the same failure at once) is audited as joined, so the trail shows one fallback.
      const report = await faceModels.workerCouldNotLoad(origin, message, () => record(caller, { origin, message, outcome: 'done' }));
      if (report.kind === 'stale') {
        // Another window already reported it (the set changed since): nothing moves, the set served now is the answer.
        await record(caller, { origin, message, outcome: 'refused', reason: `the set served now is ${report.served.origin}, not ${origin}`, servedNow: report.served.origin });
        return asActive(report.served);
      }
      if (report.kind === 'joined') await record(caller, { origin, message, outcome: 'joined', reason: 'the same failure was being acted on for another window: its fallback is the answer' });
      if (!report.served) throw new Error(`the vision worker could not load the shipped face models either (${message}); there is no other model set to fall back to`);
      return asActive(report.served);
    },
  };
}
