import { officerReasonCodes } from '../../../app/inspection/officerDecision';
import { useBooth } from '../../state/StoreContext';
import { officerReasonLabels, vehicleSubject } from './laneActions';

/** Inline, not a dialog: deciding against the rules needs one digit for the reason, Esc cancels. */
export function ReasonPicker() {
  const pending = useBooth((state) => state.pendingReason);
  if (!pending) return null;
  const what = pending.subject === vehicleSubject ? 'the vehicle' : 'this occupant';
  return (
    <section className="reason-picker" data-testid="reason-picker" aria-live="assertive">
      <h3>
        {pending.outcome === 'clear' ? 'Clear' : 'Refer'} {what} against the rules: why?
      </h3>
      <ol>
        {officerReasonCodes.map((code, i) => (
          <li key={code}>
            <kbd>{i + 1}</kbd> {officerReasonLabels[code]}
          </li>
        ))}
      </ol>
      <p>
        <kbd>Esc</kbd> cancel
      </p>
    </section>
  );
}
