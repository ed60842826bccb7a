import type { RfidCardRead } from '../ports/rfidRead';
import type { VehiclePlate } from '../ports/plateRead';

/** How far before the first plate read and after the last one a card read still belongs to that vehicle. */
export const defaultCardWindowMs = 20_000;

/**
 * The cards that belong to a vehicle: same lane, first read within the window around the vehicle's plate
 * reads. A card is given to the closest vehicle in time when two vehicles' windows overlap (queueing cars).
 */
export function cardsForVehicle(vehicle: VehiclePlate, cards: readonly RfidCardRead[], others: readonly VehiclePlate[] = [], windowMs = defaultCardWindowMs): readonly RfidCardRead[] {
  const distance = (v: VehiclePlate, card: RfidCardRead) => {
    const at = Date.parse(card.firstReadAt);
    const first = Date.parse(v.firstReadAt);
    const last = Date.parse(v.lastReadAt);
    if (v.laneId !== card.laneId) return Number.POSITIVE_INFINITY;
    if (at >= first && at <= last) return 0;
    const gap = at < first ? first - at : at - last;
    return gap <= windowMs ? gap : Number.POSITIVE_INFINITY;
  };
  return cards.filter((card) => {
    const mine = distance(vehicle, card);
    return Number.isFinite(mine) && others.every((o) => o.vehicleId === vehicle.vehicleId || distance(o, card) >= mine);
  });
}
