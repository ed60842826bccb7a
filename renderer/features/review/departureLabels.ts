import { documentChipRecordedFrom, type DepartureEvidence, type DepartureRecord, type DocumentChipStanding } from '../../../app/inspection/exit/departureRecord';
import type { InspectionPolicy } from '../../../app/policy/inspectionPolicySchema';
import { assertNever } from '../../../app/shared/assertNever';
import { documentComparisonText } from '../lane/exit/documentComparisonText';
import { describeEvidence } from './reviewLabels';

/** Words the supervisor reads for a departure under review (DepartureEvidence.tsx). */

const score = (n: number) => n.toFixed(3);
const categoryWords: Readonly<Record<string, string>> = { us_citizen: 'U.S. citizens', lawful_permanent_resident: 'lawful permanent residents', non_citizen: 'non-citizens' };
const listOf = (categories: readonly string[]) => (categories.length === 0 ? 'nobody' : categories.map((c) => categoryWords[c] ?? c).join(', '));

/** What the officer chose, in words: the look-alike picked over the others (with every score), or the opt-out; null when the booth identified alone. */
export function officerChoiceLine(evidence: DepartureEvidence): string | null {
  if (evidence.method === 'opt_out') return `Photography opt-out declared at ${evidence.declaredAt}: documents inspected, no face used`;
  if (evidence.method !== 'face_identification' || !evidence.officerChoice) return null;
  const { among, chosenAt } = evidence.officerChoice;
  const others = among.filter((c) => c.candidateId !== evidence.candidateId);
  return `Picked ${evidence.candidateId} (score ${score(evidence.score)}) over ${others.map((c) => `${c.candidateId} (score ${score(c.score)})`).join(', ')} at ${chosenAt}: the search was ambiguous (${among.length} look-alikes near the threshold ${score(evidence.threshold)}), the officer compared and chose`;
}

/** The exit rule of `policy` the departure rests on: who may opt out (an opt-out) or who gets a departure record (a face). */
export function exitPolicyRuleText(policy: InspectionPolicy, method: DepartureEvidence['method']): string {
  if (method === 'opt_out') return `at exit, opt-out allowed for ${listOf(policy.optOut.exit)}; opt-outs ${policy.exitRecord.optOutRecorded ? 'recorded' : 'not recorded'}`;
  return `at exit, departure records for ${listOf(policy.exitRecord.departureRecordFor)}`;
}

/**
 * The chip of the document a departure rests on, as it stood when recorded; a departure recorded before departures kept
 * it says so (never read as verified).
 */
export function documentChipLine(chip: DocumentChipStanding | undefined, rules: string): string {
  if (!chip) return `Document chip: not recorded (recorded under ${rules}; departures keep it from ${documentChipRecordedFrom} on)`;
  const why = chip.reason ? ` (${chip.reason})` : '';
  switch (chip.verdict) {
    case 'verified':
      return 'Document chip: verified (Passive Authentication)';
    case 'failed':
      return `Document chip FAILED its checks${why}`;
    case 'not_verifiable':
      return `Document chip NOT verified: a check could not be made${why}`;
    case 'not_read':
      return `Document chip NOT read${why}`;
    default:
      return assertNever(chip.verdict, 'document chip verdict');
  }
}

/** One line per piece of the departure's evidence, with the figures a supervisor checks. */
export function departureEvidenceLines(departure: DepartureRecord): string[] {
  const { evidence } = departure;
  const alerts = departure.alerts.map((a) => `Record alert ${a.kind.replaceAll('_', ' ')} (${a.alertId})`);
  switch (evidence.method) {
    case 'face_identification': {
      // The PAD check is the same evidence a decision carries: the same words.
      const pad = evidence.presentationAttack;
      return [
        `Face identified (1:N): ${evidence.candidateId}, score ${score(evidence.score)} vs threshold ${score(evidence.threshold)}, false-positive identification rate ${evidence.calibratedFpir.text} in a gallery of ${evidence.gallerySize} (track ${evidence.trackId})`,
        ...(pad ? [describeEvidence(pad)] : []),
        ...(evidence.presentationAttackOverride ? [`Photo-or-screen flag overridden by the officer at ${evidence.presentationAttackOverride.overriddenAt}: ${evidence.presentationAttackOverride.reason.replaceAll('_', ' ')}`] : []),
        ...(evidence.documentComparison ? [documentComparisonText(evidence.documentComparison), documentChipLine(evidence.documentChip, departure.versions.rules)] : []),
        ...alerts,
      ];
    }
    case 'opt_out':
      return [`Photography opt-out declared ${evidence.declaredAt}`, ...alerts];
    case 'document':
      if (evidence.faceComparison) {
        return [
          `Identified by the document (1:1)${evidence.noEntryRecord ? ': no entry record on file' : ''}`,
          documentComparisonText(evidence.faceComparison),
          documentChipLine(evidence.documentChip, departure.versions.rules),
          ...alerts,
        ];
      }
      return [`Document ${evidence.documentNumber} handed over, holder confirmed by the officer`, documentChipLine(evidence.documentChip, departure.versions.rules), ...alerts];
    case 'officer_inspection':
      return ['Identified by the officer (photographed or inspected)', ...alerts];
    default:
      return assertNever(evidence, 'departure evidence');
  }
}
