import { z } from 'zod';
import type { DepartureGalleryEntry } from '../ports/departureGallery';

/**
 * The people of an exit scenario: who may drive out of the lane, whether the records service holds an entry for them
 * (and so expects them to leave), what that entry says (admit-until date, class of admission, alerts, citizenship),
 * and which faces-lfw identity plays them. The run's exit gallery is made of them (scenarioGalleryEntries).
 */

const isoDate = z.iso.date();

/** A date in the scenario: an ISO date, or days from the day the run starts (negative: before), so a scenario does not age. */
export const scenarioDateSchema = z.union([isoDate, z.strictObject({ daysFromStart: z.number().int().min(-36_500).max(36_500) })]);
export type ScenarioDate = z.output<typeof scenarioDateSchema>;

export const personIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes, starting with a letter (at most 40)');

export const scenarioPersonSchema = z.strictObject({
  /** How steps and expectations name the person, e.g. `brandt`; also their traveller id in the run's gallery. */
  id: personIdSchema,
  surname: z.string().trim().min(1).max(100),
  givenNames: z.string().trim().max(200),
  birthDate: isoDate,
  /** ICAO code, e.g. GBR, D, USA. */
  citizenship: z.string().regex(/^[A-Z<]{1,3}$/, 'a 1-3 letter ICAO code'),
  /** A U.S. citizen: no biometric departure record, may opt out of photography. */
  usCitizen: z.boolean().default(false),
  documentNumber: z.string().regex(/^[A-Z0-9]{1,20}$/, 'letters and digits only (at most 20)'),
  /**
   * Who plays the person: an identity of BOOTH_DATASETS/faces-lfw (its folder name) and which of its photos (in file
   * name order) are on the entry record, on the document, and in front of the exit camera. Identical twins: two people
   * played by the same identity with different photos.
   */
  face: z.strictObject({
    identity: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.'-]{0,99}$/, 'a faces-lfw identity folder name, e.g. Tony_Blair'),
    entryPhoto: z.number().int().min(0).max(500).default(0),
    documentPhoto: z.number().int().min(0).max(500).default(1),
    livePhoto: z.number().int().min(0).max(500).default(2),
  }),
  /** The entry the records service holds; null: the person never entered, so nobody expects them to leave (not in the gallery). */
  entered: z
    .strictObject({
      classOfAdmission: z.string().min(1).max(20).optional(),
      admittedOn: scenarioDateSchema.optional(),
      /** The last day they may stay; null: admitted for duration of status (no date to overstay). */
      admitUntil: scenarioDateSchema.nullable(),
    })
    .nullable(),
  /** Alerts on the record an exit officer must see: a lookout stops the traveller, a prior removal informs. */
  alerts: z.array(z.strictObject({ kind: z.enum(['lookout', 'prior_removal']), summary: z.string().min(1).max(300) })).max(5).default([]),
});
export type ScenarioPerson = z.output<typeof scenarioPersonSchema>;

/** The calendar date a scenario date stands for when the run starts on `startDate` (YYYY-MM-DD). */
export function scenarioDateOn(date: ScenarioDate, startDate: string): string {
  if (typeof date === 'string') return date;
  const start = Date.parse(`${startDate}T00:00:00Z`);
  return new Date(start + date.daysFromStart * 86_400_000).toISOString().slice(0, 10);
}

/** The run's exit gallery entries (photos left to the caller, who has the dataset): everyone who entered, in scenario order. */
export function scenarioGalleryEntries(people: readonly ScenarioPerson[], startDate: string): Omit<DepartureGalleryEntry, 'entryPhotos' | 'documentPhotos'>[] {
  return people.flatMap((person) => {
    if (!person.entered) return [];
    const { classOfAdmission, admittedOn, admitUntil } = person.entered;
    return [
      {
        travellerId: person.id,
        surname: person.surname.toUpperCase(),
        givenNames: person.givenNames.toUpperCase(),
        birthDate: person.birthDate,
        citizenship: person.citizenship,
        usCitizen: person.usCitizen,
        ...(classOfAdmission ? { classOfAdmission } : {}),
        ...(admittedOn ? { admittedOn: scenarioDateOn(admittedOn, startDate) } : {}),
        admitUntil: admitUntil === null || person.usCitizen ? null : scenarioDateOn(admitUntil, startDate),
        documents: [{ documentNumber: person.documentNumber, nationality: person.citizenship, issuingState: person.citizenship, documentType: 'passport' as const }],
        alerts: person.alerts.map((alert, i) => ({ alertId: `TR-${person.id}-${i + 1}`, kind: alert.kind, severity: alert.kind === 'lookout' ? ('hit' as const) : ('notice' as const), summary: alert.summary })),
      },
    ];
  });
}

/** "BRANDT, Klaus" as a trainer reads a person. */
export const personName = (person: Pick<ScenarioPerson, 'surname' | 'givenNames'>): string => `${person.surname.toUpperCase()}${person.givenNames ? `, ${person.givenNames}` : ''}`;
