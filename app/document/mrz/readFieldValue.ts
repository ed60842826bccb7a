/** Reads one field's characters into a value, or says precisely why they are not a valid field. */
import { isIcaoStateCode } from '../codes/icaoStateCodes';
import type { MrzFieldSpec } from './mrzLayout';
import { readDate, readYearMonth, type DayParts } from './mrzDates';
import type { MrzErrorCode } from './mrzTypes';
import { assertNever } from '../../shared/assertNever';

export type FieldReading = {
  readonly value: string | null;
  readonly problem: { readonly code: MrzErrorCode; readonly message: string } | null;
};

/** Clock-derived limits the date fields need, computed once per parse. */
export type DateLimits = { readonly today: DayParts; readonly latestExpiry: DayParts };

const ok = (value: string): FieldReading => ({ value, problem: null });
const bad = (code: MrzErrorCode, message: string, value: string | null = null): FieldReading => ({ value, problem: { code, message } });

const allDigits = /^[0-9]+$/;
const lettersThenFillers = /^[A-Z]+<*$/;
const lettersAndFillers = /^[A-Z<]*$/;

/**
 * Leading and trailing fillers removed (they pad the field, they are not data: MRV-B optional data '<2020711'
 * is '2020711'); inner fillers become spaces (optional data, administrative codes).
 */
export function withoutFillers(raw: string): string {
  if (raw.indexOf('<') < 0) return raw;
  let start = 0;
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === 60) end--;
  while (start < end && raw.charCodeAt(start) === 60) start++;
  return raw.slice(start, end).replace(/</g, ' ');
}

/** Name identifiers: fillers separate name components, a run of them is one separator. */
export function nameValue(raw: string): string {
  return raw.indexOf('<') < 0 ? raw : raw.replace(/<+/g, ' ').trim();
}

export function readFieldValue(spec: MrzFieldSpec, raw: string, limits: DateLimits): FieldReading {
  switch (spec.kind) {
    case 'documentCode':
      return readDocumentCode(spec, raw);
    case 'stateCode': {
      if (!lettersThenFillers.test(raw)) return bad('invalidFieldSyntax', `${spec.label} must be 1 to 3 letters padded with '<', found '${raw}'`);
      const code = withoutFillers(raw);
      if (!isIcaoStateCode(code)) return bad('unknownStateCode', `${spec.label} '${code}' is not an ICAO 9303 state or nationality code`, code);
      return ok(code);
    }
    case 'documentNumber': {
      const value = withoutFillers(raw).replace(/ /g, '<');
      return value === '' ? bad('invalidFieldSyntax', `${spec.label} is empty`) : ok(value);
    }
    case 'birthDate': {
      if (raw === '<<<<<<') return ok(''); // ICAO: an unknown birth date is all fillers.
      const reading = readDate(raw, limits.today);
      return 'iso' in reading ? ok(reading.iso) : bad('invalidDate', `${spec.label} ${reading.problem}`);
    }
    case 'expirationDate': {
      if (raw === '<<<<<<') return ok(''); // Documents without expiry leave the field blank.
      const reading = readDate(raw, limits.latestExpiry);
      return 'iso' in reading ? ok(reading.iso) : bad('invalidDate', `${spec.label} ${reading.problem}`);
    }
    case 'issueYearMonth': {
      const reading = readYearMonth(raw, limits.today);
      return 'iso' in reading ? ok(reading.iso) : bad('invalidDate', `${spec.label} ${reading.problem}`);
    }
    case 'sex':
      if (raw === 'M' || raw === 'F') return ok(raw);
      if (raw === 'X' || raw === '<') return ok('X');
      return bad('invalidSex', `${spec.label} must be M, F, X or '<', found '${raw}'`);
    case 'optional':
      return ok(withoutFillers(raw));
    case 'digits':
      return allDigits.test(raw) ? ok(raw) : bad('invalidFieldSyntax', `${spec.label} must be digits only, found '${raw}'`);
    case 'code':
      return ok(withoutFillers(raw));
    case 'languageCode':
      return /^[DFIR]$/.test(raw) ? ok(raw) : bad('invalidFieldSyntax', `${spec.label} must be D, F, I or R, found '${raw}'`);
    case 'name':
      return lettersAndFillers.test(raw) ? ok(nameValue(raw)) : bad('invalidName', `${spec.label} may hold only letters and '<', found '${raw}'`);
    case 'names':
    case 'checkDigit':
      // Read by their own modules: names split in two fields, check digits need the covered characters.
      throw new Error(`readFieldValue cannot read a '${spec.kind}' field`);
    default:
      return assertNever(spec.kind, 'field kind');
  }
}

function readDocumentCode(spec: MrzFieldSpec, raw: string): FieldReading {
  const value = withoutFillers(raw);
  if (spec.exactCodes) {
    return spec.exactCodes.includes(raw)
      ? ok(value)
      : bad('invalidDocumentCode', `${spec.label} must be ${spec.exactCodes.join(' or ')}, found '${raw}'`, value);
  }
  const first = raw.charAt(0);
  const second = raw.charAt(1);
  const secondOk = spec.charClass === 'alnum' ? /^[A-Z0-9<]$/.test(second) : /^[A-Z<]$/.test(second);
  if (!spec.firstLetters?.includes(first) || !/^[A-Z]$/.test(first) || !secondOk) {
    return bad('invalidDocumentCode', `${spec.label} must start with ${[...(spec.firstLetters ?? '')].join(', ')} followed by a letter or '<', found '${raw}'`, value);
  }
  return ok(value);
}
