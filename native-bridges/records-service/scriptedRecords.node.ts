import type { EncodedImage } from '../../app/ports/documentRead';
import type { TravellerRecord, VehicleRecord } from '../../app/ports/travellerRecord';
import { drawnPortraitSvg, simulatedTravellers } from '../document-reader/simulatedTravellers';
import { scriptedDepartureGallery, type ScriptedDepartureGallery } from './scriptedDepartureGallery.node.ts';

/**
 * The records simulator's scripted data. Travellers carry the document numbers of the document reader's
 * scripted travellers (simulatedTravellers.ts), so a simulated read finds its record; the RFID references
 * are the ones the simulated UHF reader reports for the scripted vehicles. Gallery photos are drawn (SVG);
 * a test that needs real faces passes a scenario with its own images (see `withGalleryImages`).
 */
export interface RecordsScenario {
  readonly travellers: readonly TravellerRecord[];
  readonly vehicles: readonly VehicleRecord[];
  /** Exit galleries: who is expected to leave through which port and lanes (GET /v1/galleries/departures). */
  readonly departureGalleries?: readonly ScriptedDepartureGallery[];
}

export const scriptedRfid = {
  annaTrustedTraveller: 'TT5E0000184226',
  michaelPassportCard: 'E28011606000A12345678',
  sarahEnhancedLicence: 'EDL9107049CAN0001',
} as const;

export function drawnGalleryImage(traveller: number): EncodedImage {
  const t = simulatedTravellers[traveller];
  if (!t) throw new RangeError(`no scripted traveller ${traveller}`);
  return { mediaType: 'image/svg+xml', base64: Buffer.from(drawnPortraitSvg(t.initials, t.hue)).toString('base64') };
}

const none = { alerts: [], previousCrossings: [], rfidReferences: [] };

export const scriptedTravellers: readonly TravellerRecord[] = [
  {
    ...none,
    recordId: 'TR-0001',
    surname: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    birthDate: '1974-08-12',
    sex: 'F',
    nationality: 'SWE',
    usCitizen: false,
    documents: [{ documentNumber: 'L898902C3', nationality: 'SWE', issuingState: 'SWE', documentType: 'passport', expiresOn: '2034-04-15' }],
    rfidReferences: [scriptedRfid.annaTrustedTraveller],
    gallery: [{ photoId: 'PH-0001-1', source: 'trusted_traveller_enrolment', capturedOn: '2023-05-02', image: drawnGalleryImage(0) }],
    previousCrossings: [{ at: '2026-06-01T14:02:00Z', port: 'Blaine, WA', direction: 'entry', outcome: 'admitted' }],
    visa: { status: 'not_required' },
  },
  {
    ...none,
    recordId: 'TR-0002',
    surname: 'JOHNSON',
    givenNames: 'MICHAEL JAMES',
    birthDate: '1985-03-22',
    sex: 'M',
    nationality: 'USA',
    usCitizen: true,
    documents: [
      { documentNumber: 'A12345678', nationality: 'USA', issuingState: 'USA', documentType: 'passport', expiresOn: '2031-11-30' },
      { documentNumber: 'C03005988', nationality: 'USA', issuingState: 'USA', documentType: 'passport_card', expiresOn: '2031-11-30' },
    ],
    rfidReferences: [scriptedRfid.michaelPassportCard],
    gallery: [{ photoId: 'PH-0002-1', source: 'passport_application', capturedOn: '2021-11-01', image: drawnGalleryImage(1) }],
    previousCrossings: [
      { at: '2026-09-12T08:15:00Z', port: 'Blaine, WA', direction: 'entry', outcome: 'admitted' },
      { at: '2026-10-30T17:40:00Z', port: 'Sumas, WA', direction: 'entry', outcome: 'admitted' },
    ],
    visa: { status: 'not_required' },
  },
  {
    ...none,
    recordId: 'TR-0003',
    surname: 'MUSTERMANN',
    givenNames: 'ERIKA',
    birthDate: '1964-08-12',
    sex: 'F',
    nationality: 'D',
    usCitizen: false,
    documents: [{ documentNumber: 'T22000129', nationality: 'D', issuingState: 'D', documentType: 'identity_card', expiresOn: '2031-10-31' }],
    gallery: [{ photoId: 'PH-0003-1', source: 'visa_application', capturedOn: '2019-03-14', image: drawnGalleryImage(2) }],
    visa: { status: 'valid', visaClass: 'B2', expiresOn: '2027-03-14' },
    alerts: [{ alertId: 'AL-LO-0003', kind: 'lookout', severity: 'hit', summary: 'Lookout: wanted for questioning (scripted trainer record)', issuedOn: '2026-08-01' }],
  },
  {
    ...none,
    recordId: 'TR-0004',
    surname: 'DE BRUIJN',
    givenNames: 'WILLEKE LISELOTTE',
    birthDate: '2015-03-10',
    sex: 'F',
    nationality: 'NLD',
    usCitizen: false,
    documents: [{ documentNumber: 'SPECI2014', nationality: 'NLD', issuingState: 'NLD', documentType: 'passport', expiresOn: '2029-03-09' }],
    gallery: [{ photoId: 'PH-0004-1', source: 'previous_crossing', capturedOn: '2025-07-20', image: drawnGalleryImage(3) }],
    visa: { status: 'not_required' },
  },
  {
    ...none,
    recordId: 'TR-0005',
    surname: 'MARTIN',
    givenNames: 'SARAH',
    birthDate: '1991-07-04',
    sex: 'F',
    nationality: 'CAN',
    usCitizen: false,
    documents: [
      { documentNumber: 'GA3021987', nationality: 'CAN', issuingState: 'CAN', documentType: 'passport', expiresOn: '2025-01-01' },
      { documentNumber: 'DL4471902', nationality: 'CAN', issuingState: 'CAN', documentType: 'enhanced_drivers_licence', expiresOn: '2028-07-04' },
    ],
    rfidReferences: [scriptedRfid.sarahEnhancedLicence],
    gallery: [{ photoId: 'PH-0005-1', source: 'previous_crossing', capturedOn: '2024-02-11', image: drawnGalleryImage(4) }],
    previousCrossings: [{ at: '2024-02-11T11:00:00Z', port: 'Peace Arch, WA', direction: 'entry', outcome: 'admitted' }],
    visa: { status: 'not_required' },
    alerts: [{ alertId: 'AL-OS-0005', kind: 'overstay', severity: 'hit', summary: 'Overstay: admitted 2024-02-11 for 6 months, no exit recorded', issuedOn: '2024-08-12' }],
  },
];

export const scriptedVehicles: readonly VehicleRecord[] = [
  { vehicleId: 'VH-0001', plate: 'BTH4821', region: 'US-WA', make: 'Subaru', model: 'Outback', colour: 'green', registeredOwner: { name: 'MICHAEL JAMES JOHNSON', travellerRecordId: 'TR-0002' }, alerts: [] },
  { vehicleId: 'VH-0002', plate: 'KX72QPL', region: 'CA-BC', make: 'Toyota', model: 'RAV4', colour: 'silver', registeredOwner: { name: 'JORDAN LEE' }, alerts: [] },
];

export const scriptedRecordsScenario: RecordsScenario = { travellers: scriptedTravellers, vehicles: scriptedVehicles, departureGalleries: [scriptedDepartureGallery()] };

/** A scenario whose gallery photos are replaced per record id, e.g. with real face images an e2e test reads from BOOTH_DATASETS. */
export function withGalleryImages(scenario: RecordsScenario, images: Readonly<Record<string, readonly EncodedImage[]>>): RecordsScenario {
  return {
    ...scenario,
    travellers: scenario.travellers.map((t) => {
      const replacement = images[t.recordId];
      if (!replacement) return t;
      return { ...t, gallery: replacement.map((image, i) => ({ photoId: `${t.recordId}-supplied-${i + 1}`, source: 'previous_crossing' as const, image })) };
    }),
  };
}
