import type { DepartureGalleryEntry } from '../../app/ports/departureGallery';
import type { EncodedImage } from '../../app/ports/documentRead';
import type { LaneType as LaneKind } from '../../app/settings/boothSettings';
import { drawnPortraitSvg } from '../document-reader/simulatedTravellers';

/**
 * The records simulator's exit gallery: fictional travellers expected to leave through the simulated port, in the
 * kinds an exit officer meets (leaving on time, an overstayer, a U.S. citizen, identical twin sisters, a lookout
 * with a prior removal, one admitted for duration of status), plus one occupant who never entered (no entry
 * record, so not in the gallery). Photos are drawn; the booth's simulation replaces them with real faces when the
 * datasets are there (see main/services/simulatedExitFaces.ts).
 */
export const simulatedExitPort = 'Blaine, WA';

/** One exit gallery the records simulator serves: who is expected to leave through which port and lanes. */
export interface ScriptedDepartureGallery {
  readonly port: string;
  readonly lanes: readonly LaneKind[];
  readonly entries: readonly DepartureGalleryEntry[];
}

export interface ScriptedExitTraveller {
  readonly label: string;
  readonly initials: string;
  readonly hue: number;
  /** The gallery entry, without photos; null for someone who never entered (nobody expects them to leave). */
  readonly entry: Omit<DepartureGalleryEntry, 'entryPhotos' | 'documentPhotos'> | null;
}

const person = { alerts: [] as DepartureGalleryEntry['alerts'] };

export const scriptedExitTravellers: readonly ScriptedExitTraveller[] = [
  {
    label: 'Holloway: leaving on time',
    initials: 'JH',
    hue: 30,
    entry: { ...person, travellerId: 'EX-0001', surname: 'HOLLOWAY', givenNames: 'JAMES', birthDate: '1968-05-06', citizenship: 'GBR', usCitizen: false, classOfAdmission: 'WT', admittedOn: '2026-10-20', admitUntil: '2027-01-17', documents: [{ documentNumber: 'GB5520117', nationality: 'GBR', issuingState: 'GBR', documentType: 'passport', expiresOn: '2031-02-01' }] },
  },
  {
    label: 'Brandt: overstayed (admitted until 2026-08-29)',
    initials: 'KB',
    hue: 90,
    entry: { ...person, travellerId: 'EX-0002', surname: 'BRANDT', givenNames: 'KLAUS', birthDate: '1961-01-12', citizenship: 'D', usCitizen: false, classOfAdmission: 'WT', admittedOn: '2026-06-01', admitUntil: '2026-08-29', documents: [{ documentNumber: 'C01X00T47', nationality: 'D', issuingState: 'D', documentType: 'passport', expiresOn: '2030-07-31' }] },
  },
  {
    label: 'Walker: U.S. citizen',
    initials: 'TW',
    hue: 210,
    entry: { ...person, travellerId: 'EX-0003', surname: 'WALKER', givenNames: 'THOMAS', birthDate: '1946-07-06', citizenship: 'USA', usCitizen: true, admitUntil: null, documents: [{ documentNumber: 'E00312456', nationality: 'USA', issuingState: 'USA', documentType: 'passport', expiresOn: '2029-09-30' }] },
  },
  { label: 'Alvarez: never entered (no entry record)', initials: 'RA', hue: 0, entry: null },
  {
    label: 'Vera Okafor: student, duration of status (identical twin of Selma)',
    initials: 'VO',
    hue: 300,
    entry: { ...person, travellerId: 'EX-0005', surname: 'OKAFOR', givenNames: 'VERA', birthDate: '1980-06-17', citizenship: 'NGA', usCitizen: false, classOfAdmission: 'F1', admittedOn: '2026-08-15', admitUntil: null, documents: [{ documentNumber: 'A07731925', nationality: 'NGA', issuingState: 'NGA', documentType: 'passport', expiresOn: '2030-03-03' }] },
  },
  {
    label: 'Selma Okafor: visitor (identical twin of Vera)',
    initials: 'SO',
    hue: 320,
    entry: { ...person, travellerId: 'EX-0006', surname: 'OKAFOR', givenNames: 'SELMA', birthDate: '1980-06-17', citizenship: 'NGA', usCitizen: false, classOfAdmission: 'B2', admittedOn: '2026-11-02', admitUntil: '2027-05-01', documents: [{ documentNumber: 'A07731926', nationality: 'NGA', issuingState: 'NGA', documentType: 'passport', expiresOn: '2030-03-03' }] },
  },
  {
    label: 'Nakamura: lookout, removed before',
    initials: 'KN',
    hue: 160,
    entry: {
      travellerId: 'EX-0007',
      surname: 'NAKAMURA',
      givenNames: 'KENJI',
      birthDate: '1942-01-08',
      citizenship: 'JPN',
      usCitizen: false,
      classOfAdmission: 'B1',
      admittedOn: '2026-11-20',
      admitUntil: '2027-02-18',
      documents: [{ documentNumber: 'TK4410982', nationality: 'JPN', issuingState: 'JPN', documentType: 'passport', expiresOn: '2032-12-01' }],
      alerts: [
        { alertId: 'AL-LO-EX7', kind: 'lookout', severity: 'hit', summary: 'Lookout: to be stopped on departure (scripted trainer record)', issuedOn: '2026-11-25' },
        { alertId: 'AL-PR-EX7', kind: 'prior_removal', severity: 'notice', summary: 'Removed 2019-04-02 (scripted trainer record)', issuedOn: '2019-04-02' },
      ],
    },
  },
];

/** The default exit vehicle's occupants (driver first): an overstayer, one who never entered, a U.S. citizen, one on time. */
export const defaultExitOccupants: readonly number[] = [1, 3, 2, 0];

/** Photos of one exit traveller: from entry records, and from their document. */
export interface ExitTravellerPhotos {
  readonly entry: readonly EncodedImage[];
  readonly document: readonly EncodedImage[];
}

function drawn(traveller: ScriptedExitTraveller): EncodedImage {
  return { mediaType: 'image/svg+xml', base64: Buffer.from(drawnPortraitSvg(traveller.initials, traveller.hue)).toString('base64') };
}

/** The scripted exit gallery for the simulated port (every lane), with `photos` where given (real faces), drawn otherwise. */
export function scriptedDepartureGallery(photos: Readonly<Record<number, ExitTravellerPhotos>> = {}): ScriptedDepartureGallery {
  const entries = scriptedExitTravellers.flatMap((traveller, index): DepartureGalleryEntry[] => {
    if (!traveller.entry) return [];
    const given = photos[index];
    const id = traveller.entry.travellerId;
    const gallery = (images: readonly EncodedImage[], kind: 'entry' | 'document') =>
      images.map((image, i) => ({ photoId: `${id}-${kind}-${i + 1}`, source: kind === 'entry' ? ('previous_crossing' as const) : ('passport_application' as const), image }));
    return [{ ...traveller.entry, entryPhotos: gallery(given?.entry ?? [drawn(traveller)], 'entry'), documentPhotos: gallery(given?.document ?? [], 'document') }];
  });
  return { port: simulatedExitPort, lanes: ['air', 'sea', 'pedestrian', 'vehicle'], entries };
}
