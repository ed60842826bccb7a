/**
 * The ICAO name field: primary identifier, '<<', secondary identifiers, each component separated by
 * one '<'. A field filled to its last character means the issuer truncated the name (ICAO 9303-3 4.6).
 */
import { nameValue } from './readFieldValue';
import type { MrzFieldSpec } from './mrzLayout';
import type { MrzField } from './mrzTypes';

const lettersAndFillers = /^[A-Z<]*$/;

function nameField(name: 'lastName' | 'firstName', label: string, raw: string, line: number, start: number, truncated: boolean): MrzField {
  if (!lettersAndFillers.test(raw)) {
    const code = /^[A-Z0-9<]*$/.test(raw) ? ('invalidName' as const) : ('illegalCharacter' as const);
    const error = { code, message: `${label} may hold only letters and '<', found '${raw}'`, field: name };
    return { name, value: null, raw, position: { line, start, end: start + raw.length }, valid: false, error, truncated };
  }
  return { name, value: nameValue(raw), raw, position: { line, start, end: start + raw.length }, valid: true, error: null, truncated };
}

/** Splits the name field into lastName (primary identifier) and firstName (secondary identifiers). */
export function readNameFields(spec: MrzFieldSpec, text: string): readonly [MrzField, MrzField] {
  const truncated = text.length > 0 && text.charCodeAt(text.length - 1) !== 60;
  const separator = text.indexOf('<<');
  if (separator < 0) {
    // No secondary identifier: the whole field is the primary identifier.
    return [
      nameField('lastName', 'last name (primary identifier)', text, spec.line, spec.start, truncated),
      nameField('firstName', 'first name (secondary identifiers)', '', spec.line, spec.end, truncated),
    ];
  }
  return [
    nameField('lastName', 'last name (primary identifier)', text.slice(0, separator), spec.line, spec.start, truncated),
    nameField('firstName', 'first name (secondary identifiers)', text.slice(separator + 2), spec.line, spec.start + separator + 2, truncated),
  ];
}
