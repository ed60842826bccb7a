/**
 * Every case of the cheminfo/mrz test suite (../shared/datasets/mrz/cheminfo_mrz_cases.json).
 * Its error texts are that library's: we match their meaning (field, code, digits), not their wording.
 * Its values use its own conventions (dates YYMMDD, sex 'female'), mapped here to ours.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { detectLayout } from './detectLayout';
import type { MrzField, MrzFieldName, MrzParseResult } from './mrzTypes';
import { parseMrz } from './parseMrz';
import { dataset } from '../../../testSupport/datasets';

const { path: casesFile, present } = dataset(import.meta.url, 'mrz/cheminfo_mrz_cases.json', 'cheminfo MRZ cases');

const caseSchema = z.object({
  test_name: z.string(),
  source_file: z.string(),
  mrz: z.array(z.string()).nullable(),
  extra_inputs: z.array(z.array(z.string())),
  expected_format: z.string().nullable(),
  expected_valid: z.boolean().nullable(),
  expected_field_errors: z.array(z.string()),
  expected_throw: z.array(z.string()),
  expected_fields: z.record(z.string(), z.string().nullable()),
});
type CheminfoCase = z.infer<typeof caseSchema>;
const cases: CheminfoCase[] = present ? z.array(caseSchema).parse(JSON.parse(readFileSync(casesFile, 'utf8'))) : [];

const today = new Date('2026-11-23T00:00:00Z');
const parse = (lines: readonly string[]) => parseMrz(lines, { today });

/** cheminfo names TD2's single optional field 'optional'; we call every first optional field 'optional1'. */
const fieldName = (name: string): MrzFieldName => (name === 'optional' ? 'optional1' : (name as MrzFieldName));

/** Our value in cheminfo's convention: dates as printed, sex spelled out. */
function cheminfoValue(field: MrzField): string | null {
  if (field.name === 'birthDate' || field.name === 'expirationDate' || field.name === 'issueDate') return field.raw;
  if (field.name === 'sex') return field.value === 'F' ? 'female' : field.value === 'M' ? 'male' : 'nonspecified';
  return field.value;
}

function expectFieldErrorMeaning(result: MrzParseResult, expected: string): void {
  const checkDigit = /^invalid check digit: (.)\. Must be (.+)$/.exec(expected);
  if (checkDigit) {
    const [, found, must] = checkDigit;
    const match = result.fields.find((f) => f.error?.code === 'checkDigitMismatch' && f.raw === found && (!/^\d$/.test(must!) || f.error.message.endsWith(` ${must}`)));
    expect(match, `a check digit error for '${expected}'`).toBeDefined();
    return;
  }
  const state = /^invalid state code: (\w+)$/.exec(expected);
  if (state) {
    expect(result.fields.some((f) => f.error?.code === 'unknownStateCode' && f.value === state[1])).toBe(true);
    return;
  }
  const text = /^invalid text: ([A-Z0-9<]+)\./.exec(expected);
  if (text) {
    expect(result.fields.some((f) => f.raw === text[1] && !f.valid && (f.error?.code === 'invalidName' || f.error?.code === 'invalidFieldSyntax'))).toBe(true);
    return;
  }
  throw new Error(`no meaning known for expected error '${expected}'`);
}

/** Corrections must only restore original characters, and together restore every check-digit-covered one. */
function expectCorrectionsRestore(original: readonly string[], corrupted: readonly string[]): void {
  const result = parse(corrupted);
  expect(result.valid).toBe(false);
  const corrected = corrupted.map((line) => [...line]);
  for (const c of result.corrections) {
    expect(c.from).toBe(corrupted[c.line]![c.position]);
    expect(c.to, `correction at line ${c.line + 1}, column ${c.position + 1}`).toBe(original[c.line]![c.position]);
    corrected[c.line]![c.position] = c.to;
  }
  // Never applied silently: every field's raw is what was read.
  for (const f of result.fields) expect(f.raw).toBe(corrupted[f.position.line]!.slice(f.position.start, f.position.end));
  const detection = detectLayout(original);
  if ('error' in detection) throw new Error(detection.error.message);
  for (const check of detection.layout.checks) {
    for (const r of [...check.covers, { line: check.line, start: check.position, end: check.position + 1 }]) {
      expect(corrected[r.line]!.slice(r.start, r.end).join(''), `${check.label} check-digit-covered characters`).toBe(original[r.line]!.slice(r.start, r.end));
    }
  }
}

describe.skipIf(!present)('cheminfo/mrz cases', () => {
  for (const c of cases) {
    const title = `${c.source_file.split('/').pop()}: ${c.test_name}`;
    const mrz = c.mrz;
    if (!mrz) {
      it.skip(`${title} (the case holds no MRZ)`, () => {});
      continue;
    }
    it(title, () => {
      const result = parse(mrz);
      if (c.expected_throw.length > 0) {
        // We never throw on input: the same refusal is a result without a format.
        expect(result).toMatchObject({ format: null, valid: false });
        const wanted = /found (\d+)$/.test(c.expected_throw[0]!) ? 'wrongLineCount' : 'unrecognizedLineLength';
        expect(result.errors[0]?.code).toBe(wanted);
        return;
      }
      if (c.expected_format !== null) expect(result.format).toBe(c.expected_format);
      if (c.expected_valid !== null) expect(result.valid).toBe(c.expected_valid);
      for (const [name, expected] of Object.entries(c.expected_fields)) {
        const field = result.fields.find((f) => f.name === fieldName(name));
        expect(field, `field ${name}`).toBeDefined();
        if (expected === null) {
          expect(field!.valid, `${name} must be invalid`).toBe(false);
        } else {
          expect(cheminfoValue(field!), `value of ${name}`).toBe(expected);
          expect(field!.valid, `${name} must be valid: ${field!.error?.message}`).toBe(true);
        }
      }
      for (const expected of c.expected_field_errors) expectFieldErrorMeaning(result, expected);
      for (const corrupted of c.extra_inputs) expectCorrectionsRestore(mrz, corrupted);
    });
  }
});
