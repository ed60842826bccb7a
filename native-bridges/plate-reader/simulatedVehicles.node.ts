import type { RfidCardType } from '../../app/ports/rfidRead';
import { scriptedRfid } from '../records-service/scriptedRecords.node.ts';

/**
 * Scripted vehicles for the lane simulators: the plate the LPR camera reads (with the OCR variants a real
 * camera produces on repeated reads) and the RFID cards in the car. Plates and references match the records
 * simulator's scripted data (scriptedRecords.node.ts).
 */
export interface SimulatedVehicle {
  readonly label: string;
  readonly plate: string;
  readonly region: string;
  /** Texts the camera reads, in order, with their confidences: a real camera reads one car several times. */
  readonly reads: readonly { readonly plate: string; readonly confidence: number }[];
  readonly cards: readonly { readonly reference: string; readonly cardType: RfidCardType }[];
  /** Indexes into simulatedTravellers of the people in the car (driver first). */
  readonly occupants: readonly number[];
}

export const simulatedVehicles: readonly SimulatedVehicle[] = [
  {
    label: 'Family car: three occupants, three cards, registered to the driver',
    plate: 'BTH4821',
    region: 'US-WA',
    reads: [
      { plate: '8TH4821', confidence: 0.71 },
      { plate: 'BTH4821', confidence: 0.94 },
      { plate: 'BTH482', confidence: 0.52 },
    ],
    cards: [
      { reference: scriptedRfid.michaelPassportCard, cardType: 'passport_card' },
      { reference: scriptedRfid.annaTrustedTraveller, cardType: 'trusted_traveller' },
      { reference: scriptedRfid.sarahEnhancedLicence, cardType: 'enhanced_drivers_licence' },
    ],
    occupants: [1, 0, 4],
  },
  {
    label: 'Borrowed car: owner not on board, a lookout hit',
    plate: 'KX72QPL',
    region: 'CA-BC',
    reads: [
      { plate: 'KX72QPL', confidence: 0.88 },
      { plate: 'KX7ZQPL', confidence: 0.8 },
    ],
    cards: [],
    occupants: [2, 3],
  },
  {
    label: 'Unknown plate: no vehicle record',
    plate: '7ABC123',
    region: 'US-CA',
    reads: [{ plate: '7ABC123', confidence: 0.9 }],
    cards: [],
    occupants: [0],
  },
];
