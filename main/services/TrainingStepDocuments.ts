import { mrzFieldValue, parseMrz } from '../../app/document/mrz/parseMrz';
import { documentFieldText } from '../../app/inspection/documentFieldText';
import type { TrainingStep } from '../../app/training/trainingScenario';
import type { SimulatedVehicleArrival } from '../../app/host/simulatorControls';
import { simulatedTravellers } from '../../native-bridges/document-reader/simulatedTravellers';
import { simulatedVehicles } from '../../native-bridges/plate-reader/simulatedVehicles.node.ts';

const documentNumberOf = (traveller: number): string | null => {
  const scripted = simulatedTravellers[traveller];
  // As the booth's identities have it (the trainee's decision names their document number); all fillers: none.
  return (scripted && documentFieldText(mrzFieldValue(parseMrz(scripted.mrz), 'documentNumber'))) || null;
};

/**
 * The document numbers of the scripted travellers a training step brings, in the order of its expectations: a
 * trainee's decision finds its step by the document it was made on. A vehicle left to "the next one" is not
 * known in advance: its occupants are matched by their place in the car instead (nulls).
 */
export function documentNumbersOfStep(step: TrainingStep): readonly (string | null)[] {
  if (step.kind === 'readDocument') return [documentNumberOf(step.traveller)];
  if (step.kind !== 'vehicleArrives') return [];
  return travellersOfArrival(step.arrival).map(documentNumberOf);
}

/** The scripted travellers in a vehicle, in occupant order (none known for "the next vehicle"). */
export function travellersOfArrival(arrival: SimulatedVehicleArrival): readonly number[] {
  return arrival.occupants?.map((o) => o.traveller) ?? (arrival.vehicle === undefined ? [] : (simulatedVehicles[arrival.vehicle]?.occupants ?? []));
}
