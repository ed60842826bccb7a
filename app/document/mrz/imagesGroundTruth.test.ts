/**
 * The labelled MRZs of ../shared/datasets/mrz/images_ground_truth.json (PassportEye and image-js/mrz-detection
 * test data) parse to their expected fields. Entries without text (unlabelled scans) are for OCR, not for us.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { MrzFieldName } from './mrzTypes';
import { parseMrz } from './parseMrz';
import { dataset } from '../../../testSupport/datasets';

const { path: truthFile, present } = dataset(import.meta.url, 'mrz/images_ground_truth.json', 'labelled MRZ images');

const entrySchema = z.object({
  image: z.string(),
  mrz: z.array(z.string()).nullable().optional(),
  expected_fields: z.record(z.string(), z.string()).optional(),
  check_digits_computed: z.object({ all_check_digits_ok: z.boolean() }).nullable().optional(),
});
const entries = present ? z.array(entrySchema).parse(JSON.parse(readFileSync(truthFile, 'utf8'))) : [];
const labelled = entries.filter((e): e is typeof e & { mrz: string[] } => Array.isArray(e.mrz));

/** PassportEye field name -> ours, and whether it compares against the raw characters or the value. */
const fieldMap: Readonly<Record<string, readonly [MrzFieldName, 'raw' | 'value']>> = {
  type: ['documentCode', 'raw'],
  country: ['issuingState', 'value'],
  number: ['documentNumber', 'value'],
  date_of_birth: ['birthDate', 'raw'],
  expiration_date: ['expirationDate', 'raw'],
  nationality: ['nationality', 'value'],
  sex: ['sex', 'value'],
  names: ['firstName', 'value'],
  surname: ['lastName', 'value'],
  personal_number: ['personalNumber', 'raw'],
  optional1: ['optional1', 'raw'],
  check_number: ['documentNumberCheckDigit', 'value'],
  check_date_of_birth: ['birthDateCheckDigit', 'value'],
  check_expiration_date: ['expirationDateCheckDigit', 'value'],
  check_composite: ['compositeCheckDigit', 'value'],
  check_personal_number: ['personalNumberCheckDigit', 'value'],
};

describe.skipIf(!present)('labelled MRZ images', () => {
  it('has labelled entries', () => expect(labelled.length).toBeGreaterThan(0));
  for (const entry of labelled) {
    it(entry.image, () => {
      const result = parseMrz(entry.mrz, { today: new Date('2026-11-23T00:00:00Z') });
      expect(result.format).not.toBeNull();
      if (entry.check_digits_computed) {
        const checks = result.fields.filter((f) => f.name.endsWith('CheckDigit'));
        expect(checks.every((f) => f.valid)).toBe(entry.check_digits_computed.all_check_digits_ok);
      }
      for (const [name, expected] of Object.entries(entry.expected_fields ?? {})) {
        if (name === 'mrz_type') {
          expect(result.format).toBe(expected);
          continue;
        }
        const mapping = fieldMap[name];
        if (!mapping) throw new Error(`unmapped ground-truth field ${name}`);
        const field = result.fields.find((f) => f.name === mapping[0]);
        expect(field?.[mapping[1]], name).toBe(expected);
      }
    });
  }
});
