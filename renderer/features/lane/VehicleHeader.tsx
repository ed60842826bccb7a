import type { Recommendation } from '../../../app/inspection/evaluateVehicleSession';
import { facesSeenIn, type VehicleSession } from '../../../app/inspection/assembleVehicleSession';
import type { DecisionState } from '../../state/laneSlice';
import { ArrivalTimer } from './ArrivalTimer';
import { dataUrl } from './encodedImages';
import { ReasonList } from './ReasonList';
import { RecommendationLine } from './RecommendationLine';

const recordStatusText: Readonly<Record<VehicleSession['vehicleRecordStatus'], string>> = {
  found: '',
  not_found: 'No vehicle record for this plate',
  unavailable: 'Vehicle record unavailable (records service unreachable)',
  not_queried: 'Checking vehicle records…',
  no_plate: 'No plate read',
};

/** The vehicle at a glance: plate, cards read against faces seen, its record and alerts, its decision. */
export function VehicleHeader({ session, recommendation, decision, recordsPending }: { session: VehicleSession; recommendation: Recommendation; decision: DecisionState | undefined; recordsPending: boolean }) {
  const { input, vehicleRecord } = session;
  const plate = input.plate?.best;
  const faces = facesSeenIn(session);
  const cards = input.rfidCards.length;
  return (
    <section className="panel vehicle-header" data-testid="vehicle-header" data-session={input.sessionId} aria-label="Vehicle">
      <div className="plate-block">
        {plate?.plateImage && <img className="plate-image" src={dataUrl(plate.plateImage)} alt={`Plate read ${plate.plate}`} />}
        <div>
          <p className="plate-text" data-testid="plate-text">
            {plate ? plate.plate : 'No plate'}
            {plate?.region && <span className="plate-region"> {plate.region}</span>}
          </p>
          {plate && (
            <p className="plate-confidence" data-testid="plate-confidence">
              read {Math.round(plate.confidence * 100)}% sure
              {input.plate && input.plate.alternatives.length > 0 && ` · also read as ${input.plate.alternatives.map((a) => a.plate).join(', ')}`}
            </p>
          )}
        </div>
      </div>
      <div className="vehicle-facts">
        <p data-testid="vehicle-counts" className={cards > 0 && cards !== faces ? 'count-mismatch' : ''}>
          <strong>{cards}</strong> RFID card{cards === 1 ? '' : 's'} read · <strong>{faces}</strong> face{faces === 1 ? '' : 's'} seen · {session.occupants.length} occupant{session.occupants.length === 1 ? '' : 's'}
        </p>
        <p data-testid="vehicle-record">
          {vehicleRecord
            ? `${vehicleRecord.colour} ${vehicleRecord.make} ${vehicleRecord.model}, registered to ${vehicleRecord.registeredOwner?.name ?? 'unknown'}`
            : recordsPending && session.vehicleRecordStatus !== 'no_plate'
              ? 'Checking vehicle records…'
              : recordStatusText[session.vehicleRecordStatus]}
        </p>
        {session.recordsOutages.length > 0 && (
          <p className="records-outage" role="alert" data-testid="records-outage">
            Records service unreachable ({session.recordsOutages[0]?.message}): showing what is known locally — documents, chips and live faces.
          </p>
        )}
        <ArrivalTimer since={input.arrivedAt} />
      </div>
      <div className="vehicle-decision">
        <RecommendationLine recommendation={recommendation} decision={decision} testId="vehicle-recommendation" />
        <ReasonList reasons={recommendation.reasons} testId="vehicle-reasons" />
      </div>
    </section>
  );
}
