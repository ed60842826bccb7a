import { describe, expect, it } from 'vitest';
import { mrvaLayout, mrvbLayout, td1Layout, td2Layout, td3Layout } from './icaoLayouts';
import { frenchDrivingLicenseLayout, frenchNationalIdLayout, swissDrivingLicenseLayout } from './nationalLayouts';

// Every message about a field or a check digit names it by its label: an empty or shared label would leave the
// officer with "must be ..., found ..." and no way to tell which part of the MRZ is wrong.

const layouts = [td3Layout, td2Layout, td1Layout, mrvaLayout, mrvbLayout, frenchNationalIdLayout, frenchDrivingLicenseLayout, swissDrivingLicenseLayout];

describe('the layout tables', () => {
  it.each(layouts.map((layout) => [layout.format, layout] as const))('%s names each field and each check digit, no two alike', (_format, layout) => {
    for (const labels of [layout.fields.map((f) => f.label), layout.checks.map((c) => c.label)]) {
      expect(labels.every((label) => /[a-z]{3}/.test(label))).toBe(true);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});
