import { z } from 'zod';

const age = z.number().int().min(0).max(150);

/**
 * A list of age bands that covers every age exactly once: the first starts at 0, each next one starts the year
 * after the previous ends, the last has no end (`toAge: null`). A policy can then never leave an age without a
 * rule, nor give one age two.
 */
export function ageBandsSchema<T extends z.ZodRawShape>(rule: T) {
  return z
    .array(z.strictObject({ fromAge: age, toAge: age.nullable(), ...rule }))
    .min(1)
    .max(20)
    // zod cannot see through the generic shape: the band fields are the ones declared just above.
    .superRefine((bands, context) => checkCoverage(bands as unknown as readonly AgeBand[], context));
}

/** The part of a band the coverage check and the lookup read. */
export interface AgeBand {
  readonly fromAge: number;
  readonly toAge: number | null;
}

function checkCoverage(bands: readonly AgeBand[], context: z.RefinementCtx): void {
  bands.forEach((band, i) => {
    const before = bands[i - 1];
    const expectedFrom = before ? (before.toAge ?? Number.NaN) + 1 : 0;
    if (band.fromAge !== expectedFrom) {
      context.addIssue({ code: 'custom', path: [i, 'fromAge'], message: before ? `starts at ${band.fromAge}, but the band before ends at ${before.toAge ?? 'no age (open)'}: bands follow each other without gap or overlap` : 'the first band starts at age 0' });
    }
    if (band.toAge !== null && band.toAge < band.fromAge) context.addIssue({ code: 'custom', path: [i, 'toAge'], message: `ends (${band.toAge}) before it starts (${band.fromAge})` });
    const last = i === bands.length - 1;
    if (last && band.toAge !== null) context.addIssue({ code: 'custom', path: [i, 'toAge'], message: 'the last band has no end (null): every age needs a rule' });
    if (!last && band.toAge === null) context.addIssue({ code: 'custom', path: [i, 'toAge'], message: 'only the last band is open-ended (null)' });
  });
}

/** The band an age falls in (bands validated by `ageBandsSchema` cover every age, so one always does). */
export function bandFor<B extends AgeBand>(bands: readonly B[], ageYears: number): B {
  const band = bands.find((b) => ageYears >= b.fromAge && (b.toAge === null || ageYears <= b.toAge));
  if (!band) throw new RangeError(`no age band covers ${ageYears}: the bands were not validated`);
  return band;
}
