import { mrzFieldValue, parseMrz } from '../document/mrz/parseMrz';
import type { RecordsPort } from '../ports/RecordsPort';
import type { SessionRecords, TravellerLookup, VehicleSessionInput } from './vehicleSessionInput';

/**
 * Every records lookup a session needs, made in parallel: the plate, each RFID card, each document read.
 * Never rejects: an outage comes back inside the results, and the session is assembled with what there is.
 */
export async function lookupSessionRecords(records: Pick<RecordsPort, 'findTravellersByDocument' | 'findTravellersByRfid' | 'findVehiclesByPlate'>, session: Pick<VehicleSessionInput, 'plate' | 'rfidCards' | 'documents'>, today: Date): Promise<SessionRecords> {
  const plate = session.plate?.best;
  const documentQueries = session.documents.flatMap(({ read }) => {
    const mrz = parseMrz(read.mrz, { today });
    const documentNumber = mrzFieldValue(mrz, 'documentNumber')?.replace(/</g, '');
    if (!documentNumber) return [];
    const nationality = mrzFieldValue(mrz, 'nationality')?.replace(/</g, '');
    return [{ documentNumber, ...(nationality ? { nationality } : {}) }];
  });
  const [vehicle, rfid, documents] = await Promise.all([
    plate ? records.findVehiclesByPlate({ plate: plate.plate, ...(plate.region ? { region: plate.region } : {}) }) : Promise.resolve(undefined),
    Promise.all(session.rfidCards.map(async (card): Promise<TravellerLookup> => ({ by: { kind: 'rfid', reference: card.reference }, result: await records.findTravellersByRfid(card.reference) }))),
    Promise.all(documentQueries.map(async (query): Promise<TravellerLookup> => ({ by: { kind: 'document', query }, result: await records.findTravellersByDocument(query) }))),
  ]);
  return { travellers: [...rfid, ...documents], ...(vehicle ? { vehicle } : {}) };
}
