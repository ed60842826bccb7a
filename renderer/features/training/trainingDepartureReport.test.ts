import { describe, expect, it } from 'vitest';
import { identificationWithChoice } from '../../../app/inspection/exit/exitOfficerChoices';
import { assessExitOccupant, type ExitCandidate, type ExitIdentification } from '../../../app/inspection/exit/exitOccupantRules';
import { galleryEntry } from '../../../app/inspection/exit/testSupport/galleryEntry';
import { finalRulePolicy } from '../../../app/policy/testSupport/shippedPolicies';
import { trainingDepartureReportSchema } from '../../../app/training/trainingDebrief';
import { officerResolutionsOf } from '../lane/exit/exitConfirmation';
import { trainingDepartureReportOf } from './trainingDepartureReport';

const gallery = new Map(
  [galleryEntry('brandt', { admitUntil: '2026-08-29' }), galleryEntry('walker', { usCitizen: true, citizenship: 'USA', admitUntil: null }), galleryEntry('vera', { admitUntil: null }), galleryEntry('selma')].map((e) => [e.travellerId, e]),
);
const context = { departureDate: '2026-12-07', policy: finalRulePolicy };
const candidate = (travellerId: string, score = 0.6): ExitCandidate => ({ travellerId, score, threshold: 0.42, calibratedFpir: { fpir: 1e-4, bound: false, text: '1 in 10,000' }, gallerySize: gallery.size, trackId: `track-${travellerId}` });
const assess = (occupantId: string, identification: ExitIdentification) => assessExitOccupant(occupantId, identification, gallery, context);
const twins: ExitIdentification = { kind: 'ambiguous', candidates: [candidate('vera', 0.52), candidate('selma', 0.51)] };

describe('what the exit lane tells the training run', () => {
  it('each confirmed occupant as the run scores it: as whom, as what, among which look-alikes, with the card\'s words; a ruling-out too', () => {
    const overstayer = assess('o-1', { kind: 'candidate', candidate: candidate('brandt') });
    const citizen = assess('o-2', { kind: 'candidate', candidate: candidate('walker') });
    const picked = assess('o-3', identificationWithChoice(twins, { kind: 'picked', travellerId: 'selma', at: '2026-12-07T10:00:30Z' }));
    const ruledOut = assess('o-4', identificationWithChoice(twins, { kind: 'none_of_them', at: '2026-12-07T10:00:31Z' }));
    const optOut = assess('o-5', identificationWithChoice({ kind: 'candidate', candidate: candidate('walker') }, { kind: 'opt_out', declaredAt: '2026-12-07T10:00:32Z' }));
    const occupants = [overstayer, citizen, picked, ruledOut, optOut];
    const report = trainingDepartureReportOf({ runId: 'run-1' }, 'session-1', [overstayer, citizen, picked, optOut], officerResolutionsOf(occupants), occupants, new Set(), '2026-12-07T10:00:40.000Z');
    expect(trainingDepartureReportSchema.parse(report)).toEqual({
      runId: 'run-1',
      sessionId: 'session-1',
      decidedAt: '2026-12-07T10:00:40.000Z',
      occupants: [
        { occupantId: 'o-1', action: 'confirmed', as: 'departure', travellerId: 'brandt', among: [], shown: 'Overstay 100 days (admitted until 2026-08-29)' },
        { occupantId: 'o-2', action: 'confirmed', as: 'citizen', travellerId: 'walker', among: [], shown: 'U.S. citizen: departure confirmed, no biometric record kept' },
        { occupantId: 'o-3', action: 'confirmed', as: 'departure', travellerId: 'selma', among: ['vera', 'selma'], shown: 'Departure confirmed' },
        { occupantId: 'o-5', action: 'confirmed', as: 'opt_out', travellerId: 'walker', among: [], shown: 'Opted out of photography: documents inspected, no photo kept' },
        { occupantId: 'o-4', action: 'ruled_out', as: null, travellerId: null, among: ['vera', 'selma'], shown: 'Not identified: the officer ruled out 2 look-alike candidates. Photograph or inspect documents' },
      ],
    });
  });

  it('every other occupant on screen is reported held, as the card identified them (the run counts no one held it was not told of); none already recorded, none without a face', () => {
    const onTime = assess('o-1', { kind: 'candidate', candidate: candidate('walker') });
    const overstayer = assess('o-2', { kind: 'candidate', candidate: candidate('brandt') });
    const stranger = assess('o-3', { kind: 'no_candidate', trackId: 'track-x' });
    const lookAlikes = assess('o-4', twins);
    const noFace = assess('o-5', { kind: 'no_face' });
    const earlier = assess('o-6', { kind: 'candidate', candidate: candidate('selma') });
    const occupants = [onTime, overstayer, stranger, lookAlikes, noFace, earlier];
    const report = trainingDepartureReportOf({ runId: 'run-1' }, 'session-1', [onTime], [], occupants, new Set(['o-6']), '2026-12-07T10:00:40.000Z');
    expect(trainingDepartureReportSchema.parse(report).occupants.map(({ occupantId, action, travellerId, among }) => ({ occupantId, action, travellerId, among }))).toEqual([
      { occupantId: 'o-1', action: 'confirmed', travellerId: 'walker', among: [] },
      { occupantId: 'o-2', action: 'held', travellerId: 'brandt', among: [] },
      { occupantId: 'o-3', action: 'held', travellerId: null, among: [] },
      { occupantId: 'o-4', action: 'held', travellerId: null, among: ['vera', 'selma'] },
    ]);
    // Enter with nothing confirmable (a lone traveller held): the hold is still told.
    expect(trainingDepartureReportOf({ runId: 'run-1' }, 's', [], [], [overstayer], new Set(), '2026-12-07T10:00:40.000Z')?.occupants).toMatchObject([{ action: 'held', travellerId: 'brandt' }]);
  });

  it('nothing to report when the key confirmed nobody, ruled nobody out and no face was on screen', () => {
    expect(trainingDepartureReportOf({ runId: 'run-1' }, 's', [], [], [assess('o-1', { kind: 'no_face' })], new Set(), '2026-12-07T10:00:40.000Z')).toBeNull();
  });
});
