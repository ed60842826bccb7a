/** What kind of document a parsed MRZ is, which is what lane rules are written against. */
import type { MrzFormat, MrzParseResult } from '../mrz/mrzTypes';
import { assertNever } from '../../shared/assertNever';

export type DocumentKind =
  /** TD3 passport booklet. */
  | 'passport'
  /** TD1 card: identity cards, passport cards, residence cards. */
  | 'td1Card'
  /** TD2-size identity and official travel documents. */
  | 'td2Document'
  /** National identity card with a non-ICAO MRZ (pre-2021 French card). */
  | 'nationalIdCard'
  /** MRV-A or MRV-B visa sticker. */
  | 'visa'
  | 'drivingLicence'
  /** Nothing could be recognised. */
  | 'unknown';

export function documentKindOf(format: MrzFormat | null): DocumentKind {
  if (format === null) return 'unknown';
  switch (format) {
    case 'TD3':
      return 'passport';
    case 'TD1':
      return 'td1Card';
    case 'TD2':
      return 'td2Document';
    case 'MRVA':
    case 'MRVB':
      return 'visa';
    case 'FRENCH_NATIONAL_ID':
      return 'nationalIdCard';
    case 'FRENCH_DRIVING_LICENSE':
    case 'SWISS_DRIVING_LICENSE':
      return 'drivingLicence';
    default:
      return assertNever(format, 'MRZ format');
  }
}

export const documentKindOfResult = (result: MrzParseResult): DocumentKind => documentKindOf(result.format);
