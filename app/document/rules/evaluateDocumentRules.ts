/**
 * Rules derived from a parsed MRZ: expiry, remaining validity, the holder's age, and whether this kind of
 * document is accepted on this lane. What an age means (which bands are photographed, where a face non-match is
 * compared by eye) is the inspection policy's to say (app/policy), not this file's. Every finding carries a
 * reason code; the clock is injected.
 */
import type { LaneType } from '../../settings/boothSettings';
import { mrzFieldValue } from '../mrz/parseMrz';
import type { MrzParseResult } from '../mrz/mrzTypes';
import { ageInYears, epochDayOf, epochDayOfIso } from './calendarDays';
import { documentKindOf, type DocumentKind } from './documentKind';
import { laneRules } from './laneRules';

export type DocumentRuleCode =
  /** The MRZ failed validation; the other findings use only the fields that could be read. */
  | 'mrzInvalid'
  | 'documentExpired'
  /** Still valid, but for fewer days than the context's minValidityDays. */
  | 'validityBelowMinimum'
  | 'expirationUnknown'
  | 'birthDateUnknown'
  /** Accepted as a travel document, but not on this kind of lane. */
  | 'notValidForLane'
  /** Never a travel document on its own (visa, driving licence, unrecognised). */
  | 'notATravelDocument';

export type DocumentRuleSeverity = 'refuse' | 'warn' | 'info';

export type DocumentRuleFinding = {
  readonly code: DocumentRuleCode;
  readonly severity: DocumentRuleSeverity;
  readonly message: string;
};

export type DocumentRuleContext = {
  readonly today: Date;
  readonly lane: LaneType;
  /** Minimum remaining validity the lane requires, in days (e.g. 90); no check when absent. */
  readonly minValidityDays?: number;
};

export type DocumentRuleReport = {
  readonly documentKind: DocumentKind;
  /** ISO date the document expires on (valid through that day), null when unknown. */
  readonly expiresOn: string | null;
  /** Days from today to expiry; 0 on the last valid day, negative once expired. */
  readonly daysUntilExpiry: number | null;
  readonly expired: boolean | null;
  readonly ageYears: number | null;
  readonly acceptedOnLane: boolean;
  readonly findings: readonly DocumentRuleFinding[];
};

export function evaluateDocumentRules(result: MrzParseResult, context: DocumentRuleContext): DocumentRuleReport {
  const findings: DocumentRuleFinding[] = [];
  const kind = documentKindOf(result.format);
  if (!result.valid) {
    findings.push({ code: 'mrzInvalid', severity: 'warn', message: `the MRZ is not valid (${result.errors.length} error(s)); check the document by hand` });
  }

  const expiresOn = validDate(result, 'expirationDate');
  const expiryDay = expiresOn === null ? null : epochDayOfIso(expiresOn);
  const daysUntilExpiry = expiryDay === null ? null : expiryDay - epochDayOf(context.today);
  const expired = daysUntilExpiry === null ? null : daysUntilExpiry < 0;
  if (daysUntilExpiry === null) {
    // Driving licences and visas without expiry say nothing about travel validity; only flag travel documents.
    if (laneRules[kind].isTravelDocument) findings.push({ code: 'expirationUnknown', severity: 'warn', message: 'the expiry date could not be read' });
  } else if (daysUntilExpiry < 0) {
    findings.push({ code: 'documentExpired', severity: 'refuse', message: `the document expired on ${expiresOn} (${-daysUntilExpiry} day(s) ago)` });
  } else if (context.minValidityDays !== undefined && daysUntilExpiry < context.minValidityDays) {
    findings.push({
      code: 'validityBelowMinimum',
      severity: 'warn',
      message: `the document is valid for ${daysUntilExpiry} more day(s), fewer than the ${context.minValidityDays} required`,
    });
  }

  const birthDate = validDate(result, 'birthDate');
  const ageYears = birthDate === null ? null : ageInYears(birthDate, context.today);
  if (ageYears === null) findings.push({ code: 'birthDateUnknown', severity: 'warn', message: 'the birth date could not be read: age rules cannot be applied' });

  const rule = laneRules[kind];
  const acceptedOnLane = rule.acceptedOn.includes(context.lane);
  if (!rule.isTravelDocument) findings.push({ code: 'notATravelDocument', severity: 'refuse', message: rule.refusal });
  else if (!acceptedOnLane) findings.push({ code: 'notValidForLane', severity: 'refuse', message: `${rule.refusal} (${context.lane} lane)` });

  return { documentKind: kind, expiresOn, daysUntilExpiry, expired, ageYears, acceptedOnLane, findings };
}

/** A date field's ISO value when it was read and validated; an unknown (blank) date is null. */
function validDate(result: MrzParseResult, name: 'birthDate' | 'expirationDate'): string | null {
  const field = result.fields.find((f) => f.name === name);
  if (!field?.valid || !field.value) return null;
  return mrzFieldValue(result, name);
}
