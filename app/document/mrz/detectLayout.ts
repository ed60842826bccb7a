/** Picks the layout from the number and lengths of the lines (and, where lengths are shared, the document code). */
import { mrvaLayout, mrvbLayout, td1Layout, td2Layout, td3Layout } from './icaoLayouts';
import type { MrzLayout } from './mrzLayout';
import { frenchDrivingLicenseLayout, frenchNationalIdLayout, swissDrivingLicenseLayout } from './nationalLayouts';
import type { MrzError } from './mrzTypes';

export type LayoutDetection = { readonly layout: MrzLayout } | { readonly error: MrzError };

const fail = (code: MrzError['code'], message: string): LayoutDetection => ({ error: { code, message, field: null } });

const expected = 'expected 2 lines of 44 (TD3, MRV-A), 2 of 36 (TD2, MRV-B, French ID), 3 of 30 (TD1), 9+30+30 (Swiss driving licence) or 1 of 30 (French driving licence)';

export function detectLayout(lines: readonly string[]): LayoutDetection {
  if (lines.length < 1 || lines.length > 3) return fail('wrongLineCount', `an MRZ has 1 to 3 lines, found ${lines.length}`);
  const first = lines[0]!;
  // Shape as a number, line count then two digits per length (9+30+30 -> 3093030): this runs on every parse.
  let shape = lines.length;
  for (const line of lines) shape = shape * 100 + Math.min(line.length, 99);
  switch (shape) {
    case 24444:
      return { layout: first.charAt(0) === 'V' ? mrvaLayout : td3Layout };
    case 23636:
      // The pre-2021 French identity card shares the TD2 size but not its layout.
      // Matched on 'DFRA' so a misread first character still finds the layout.
      if (first.startsWith('DFRA', 1)) return { layout: frenchNationalIdLayout };
      return { layout: first.charAt(0) === 'V' ? mrvbLayout : td2Layout };
    case 3303030:
      return { layout: td1Layout };
    case 3093030:
      return { layout: swissDrivingLicenseLayout };
    case 130:
      return { layout: frenchDrivingLicenseLayout };
  }
  const lengths = lines.map((l) => l.length);
  const known = new Set([9, 30, 36, 44]);
  if (lines.length >= 2 && lengths.every((n) => known.has(n)) && new Set(lengths).size > 1) {
    return fail('inconsistentLineLength', `line lengths ${lengths.join(', ')} do not belong to one MRZ; ${expected}`);
  }
  return fail('unrecognizedLineLength', `line lengths ${lengths.join(', ')} match no MRZ layout; ${expected}`);
}
