import { describe, expect, it } from 'vitest';
import type { ExitDocumentComparison } from '../../../../app/inspection/exit/exitDocumentCheck';
import { type ExitCandidate, type ExitIdentification } from '../../../../app/inspection/exit/exitOccupantRules';
import { galleryEntry } from '../../../../app/inspection/exit/testSupport/galleryEntry';
import { judgePresentation } from '../../../../app/biometrics/presentationAttackCheck';
import type { PresentationAttackFace } from '../../../../app/inspection/presentationAttackReason';
import { finalRulePolicy, shippedPolicies } from '../../../../app/policy/testSupport/shippedPolicies';
import type { DepartureGallery } from '../../../../app/ports/departureGallery';
import type { ExitConfirmation, RecordedExit } from '../../../storage/DepartureRecorder';
import type { HostClient } from '../../../host/HostClient';
import { createBoothStore } from '../../../state/createBoothStore';
import { createExitActions, type ExitDesk } from './exitActions';
import { officerChoiceText } from './exitOutcomeText';
import { assessOnDesk, type ExitAssessment } from './useExitAssessment';
import { emptyExitDesk, exitDeskChanges, type ExitDeskState } from './useExitDesk';

const gallery: DepartureGallery = {
  galleryId: 'g1',
  port: 'Blaine, WA',
  lane: 'vehicle',
  generatedAt: '2026-12-07T06:00:00.000Z',
  entries: [galleryEntry('TWIN-A'), galleryEntry('TWIN-B'), galleryEntry('ON-TIME'), galleryEntry('CITIZEN', { citizenship: 'USA', usCitizen: true, admitUntil: null, classOfAdmission: undefined })],
} as DepartureGallery;
const candidate = (travellerId: string, score: number, trackId: string): ExitCandidate => ({ travellerId, score, threshold: 0.5, calibratedFpir: { fpir: 1e-3, bound: false, text: '1 in 1,000' }, gallerySize: 3, trackId });
/** What the worker's search found for each occupant: identical twins (ambiguous), a U.S. citizen, and a traveller whose face PAD flags. */
const searchOf: Record<string, ExitIdentification> = {
  'occupant-t1': { kind: 'ambiguous', candidates: [candidate('TWIN-A', 0.61, 't1'), candidate('TWIN-B', 0.6, 't1')] },
  'occupant-t2': { kind: 'candidate', candidate: candidate('CITIZEN', 0.8, 't2') },
  'occupant-t3': { kind: 'candidate', candidate: candidate('ON-TIME', 0.7, 't3') },
};
const pad = { id: 'pad-model', calibration: { threshold: 0.5, version: 'pad-cal-1', source: 'test', bpcer: 0.05, apcer: 0.05 } };
const faceOf: Record<string, PresentationAttackFace> = { 'occupant-t3': { trackId: 't3', presentationAttack: judgePresentation(0.1, pad) } };

/**
 * The exit lane's keys over a real booth store and the real exit rules; the desk (the officer's choices, what is
 * recorded) changed by useExitDesk's own changes, and assessed again after each change by the screen's assessOnDesk.
 */
function exitLane(documentsWithoutFace: readonly ExitDocumentComparison[] = [], host: Pick<HostClient, 'call'> = { call: () => Promise.reject(new Error('no host in this test')) }) {
  const store = createBoothStore();
  store.getState().infoLoaded({ boothId: 'X1', laneType: 'vehicle', deviceMode: 'sim', faceMatchTargetFmr: 1e-4, version: 't', screenLockMinutes: 5, retentionDays: 30, settingsProblems: [], direction: 'exit', policies: shippedPolicies });
  store.getState().signedIn({ userId: 'officer.exit', name: 'Officer Exit', role: 'officer' });
  let desk: ExitDeskState = emptyExitDesk;
  const assessment = (): ExitAssessment => {
    const occupants = Object.entries(searchOf).map(([occupantId, searched]) => ({ occupantId, searched, ...(faceOf[occupantId] ? { face: faceOf[occupantId] } : {}) }));
    const assessed = assessOnDesk(occupants, desk, store.getState().optOuts, new Map(gallery.entries.map((e) => [e.travellerId, e])), { departureDate: '2026-12-07', policy: finalRulePolicy }, documentsWithoutFace);
    return { ...assessed, policyId: finalRulePolicy.id, searchOf, trackOf: { 'occupant-t1': 't1', 'occupant-t2': 't2', 'occupant-t3': 't3' } };
  };
  const confirmed: ExitConfirmation[] = [];
  const journal = {
    recordExit: (confirmation: ExitConfirmation): Promise<RecordedExit> => {
      confirmed.push(confirmation);
      return Promise.resolve({ recordedAt: '2026-12-07T18:00:00.000Z', outboxItemIds: [], reviewIds: [], auditSeq: 1, retained: 0 });
    },
  };
  const actions = createExitActions(host, store, journal, (): ExitDesk => ({ ...desk, assessment: assessment(), gallery }), {
    resolve: (occupantId, choice) => (desk = exitDeskChanges.resolve(desk, occupantId, choice)),
    overridePresentationAttack: (occupantId, override) => (desk = exitDeskChanges.overridePresentationAttack(desk, occupantId, override)),
    hold: (occupantId, held) => (desk = exitDeskChanges.hold(desk, occupantId, held)),
    recorded: (ids, resolutionIds) => (desk = exitDeskChanges.recorded(desk, ids, resolutionIds)),
  });
  const outcome = (occupantId: string) => assessment().occupants.find((o) => o.occupantId === occupantId)?.outcome;
  const chosen = (occupantId: string) => {
    const o = outcome(occupantId);
    return o?.kind === 'departure_confirmed' || o?.kind === 'citizen' ? o.entry.travellerId : o?.kind;
  };
  const select = (index: number) => store.getState().occupantSelected(index);
  const notice = () => store.getState().notice?.text ?? '';
  const choiceLine = (occupantId: string) => officerChoiceText(searchOf[occupantId], { resolution: desk.resolutions[occupantId], optedOut: store.getState().optOuts.some((o) => o.identityKey === occupantId), padOverridden: occupantId in desk.padOverrides }, desk.recorded.has(occupantId) || desk.resolutionsRecorded.has(occupantId));
  const confirmable = (occupantId: string) => assessment().occupants.find((o) => o.occupantId === occupantId)?.confirmable;
  return { actions, store, confirmed, outcome, confirmable, chosen, select, notice, choiceLine, desk: () => desk };
}

describe('the officer changes or undoes a choice at exit until the occupant is confirmed', () => {
  it('a pick among look-alikes can be changed to the other candidate, to "none of them", and undone back to the ambiguous search', () => {
    const lane = exitLane();
    lane.select(0);
    lane.actions.pickCandidate(1);
    expect(lane.chosen('occupant-t1')).toBe('TWIN-A');
    expect(lane.choiceLine('occupant-t1')).toBe("Officer's choice: picked look-alike 1 of 2 (TWIN-A) · 1–2 or X changes it, Backspace undoes");
    // The card now shows a confirmable departure, yet the search it was picked on is still there: 2 changes the pick.
    lane.actions.pickCandidate(2);
    expect(lane.chosen('occupant-t1')).toBe('TWIN-B');
    lane.actions.noneOfTheCandidates();
    expect(lane.outcome('occupant-t1')).toMatchObject({ kind: 'not_identified', dismissed: [{ travellerId: 'TWIN-A' }, { travellerId: 'TWIN-B' }] });
    expect(lane.choiceLine('occupant-t1')).toBe("Officer's choice: none of the 2 look-alikes · 1–2 or X changes it, Backspace undoes");
    lane.actions.undoChoice();
    expect(lane.outcome('occupant-t1')?.kind).toBe('ambiguous');
    expect(lane.desk().resolutions).toEqual({});
    expect(lane.choiceLine('occupant-t1')).toBeNull();
    expect(lane.notice()).toBe('Undone: "none of them"; the occupant shows what the search found');
    lane.actions.undoChoice();
    expect(lane.notice()).toBe('Nothing to undo: the selected occupant shows what the search found');
    // A third look-alike does not exist; the choice stays as it was.
    lane.actions.pickCandidate(3);
    expect(lane.notice()).toBe('No look-alike candidate 3 on the selected occupant');
    expect(lane.outcome('occupant-t1')?.kind).toBe('ambiguous');
  });

  it('an opt-out is undone (the occupant is identified again, photo and all); a search that is not ambiguous takes no pick', () => {
    const lane = exitLane();
    lane.select(1);
    lane.actions.declareOptOut();
    expect(lane.outcome('occupant-t2')).toMatchObject({ kind: 'opt_out', eligible: true });
    expect(lane.choiceLine('occupant-t2')).toBe("Officer's choice: photography opt-out · Backspace undoes");
    lane.actions.pickCandidate(1);
    expect(lane.notice()).toBe('No look-alike candidate 1 on the selected occupant');
    lane.actions.undoChoice();
    expect(lane.store.getState().optOuts).toEqual([]);
    expect(lane.chosen('occupant-t2')).toBe('CITIZEN');
    expect(lane.notice()).toBe('Undone: the opt-out; the occupant shows what the search found');
  });

  it('once confirmed nothing changes: no other pick, no "none of them", no opt-out, no undo; the record stays as confirmed', async () => {
    const lane = exitLane();
    lane.select(0);
    lane.actions.pickCandidate(2);
    lane.select(1);
    lane.actions.declareOptOut();
    await lane.actions.confirm();
    expect(lane.confirmed).toHaveLength(1);
    expect(lane.confirmed[0]?.departures.map((d) => [d.travellerId, d.evidence.method])).toEqual([
      ['TWIN-B', 'face_identification'],
      ['CITIZEN', 'opt_out'],
    ]);
    const refused = 'Already recorded: a confirmed occupant cannot be changed (the record is durable)';
    lane.select(0);
    for (const act of [() => lane.actions.pickCandidate(1), () => lane.actions.noneOfTheCandidates(), () => lane.actions.undoChoice(), () => lane.actions.declareOptOut()]) {
      act();
      expect(lane.notice()).toBe(refused);
      expect(lane.chosen('occupant-t1')).toBe('TWIN-B');
    }
    lane.select(1);
    lane.actions.undoChoice();
    expect(lane.notice()).toBe(refused);
    expect(lane.outcome('occupant-t2')?.kind).toBe('opt_out');
    expect(lane.choiceLine('occupant-t1')).toBe("Officer's choice: picked look-alike 2 of 2 (TWIN-B) · recorded: cannot be changed");
    // Enter again sends nothing more.
    await lane.actions.confirm();
    expect(lane.confirmed).toHaveLength(1);
  });

  it('"none of them" is recorded with the confirmation and then stays: the occupant is held for the officer, the choice is final', async () => {
    const lane = exitLane();
    lane.select(0);
    lane.actions.noneOfTheCandidates();
    await lane.actions.confirm();
    expect(lane.confirmed[0]?.resolutions).toEqual([{ occupantId: 'occupant-t1', choice: 'none_of_them', candidates: 2 }]);
    lane.actions.pickCandidate(1);
    expect(lane.notice()).toBe('Already recorded: a confirmed occupant cannot be changed (the record is durable)');
    expect(lane.outcome('occupant-t1')?.kind).toBe('not_identified');
  });

  it('a face held as a possible photo or screen is confirmed once the officer overrides it (L), with the override in its departure; undone with Backspace; refused on a face PAD did not flag', async () => {
    const lane = exitLane();
    lane.select(1);
    lane.actions.overridePresentationAttack();
    expect(lane.notice()).toBe('The selected face is not flagged as a possible photo or screen: nothing to override');
    lane.select(2);
    expect(lane.outcome('occupant-t3')?.kind).toBe('departure_confirmed');
    expect(lane.confirmable('occupant-t3')).toBe(false);
    lane.actions.overridePresentationAttack();
    expect(lane.confirmable('occupant-t3')).toBe(true);
    expect(lane.choiceLine('occupant-t3')).toBe("Officer's choice: live traveller seen, photo-or-screen flag overridden · Backspace undoes");
    lane.actions.undoChoice();
    expect(lane.notice()).toBe('Undone: the photo-or-screen override; the occupant shows what the search found');
    expect(lane.desk().padOverrides).toEqual({});
    lane.actions.overridePresentationAttack();
    await lane.actions.confirm();
    const recorded = lane.confirmed[0]?.departures.find((d) => d.travellerId === 'ON-TIME');
    expect(recorded?.evidence).toMatchObject({ method: 'face_identification', presentationAttack: { status: 'checked', score: 0.1 }, presentationAttackOverride: { reason: 'live_traveller_seen_by_officer' } });
    lane.actions.undoChoice();
    expect(lane.notice()).toBe('Already recorded: a confirmed occupant cannot be changed (the record is durable)');
  });

  it('the officer holds an identified traveller for inspection (H): Enter confirms the others, never them; Backspace releases the hold before confirming', async () => {
    const lane = exitLane();
    lane.select(1);
    lane.actions.holdForInspection();
    expect(lane.confirmable('occupant-t2')).toBe(false);
    lane.actions.undoChoice();
    expect(lane.notice()).toBe('Undone: the hold; the occupant shows what the search found');
    expect(lane.confirmable('occupant-t2')).toBe(true);
    lane.actions.holdForInspection();
    lane.select(0);
    lane.actions.pickCandidate(1);
    await lane.actions.confirm();
    expect(lane.confirmed[0]?.departures.map((d) => d.travellerId)).toEqual(['TWIN-A']);
    expect(lane.confirmed[0]?.citizens).toEqual([]);
    expect(lane.confirmable('occupant-t2')).toBe(false);
  });

  it('a document no face seen matches is a held card: Enter confirms the travellers seen and never it, no departure names it, and no opt-out is taken on it', async () => {
    const papers: ExitDocumentComparison = { kind: 'not_compared', document: { documentNumber: 'X1234567', nationality: 'GBR', name: 'BRANDT, JONAS' }, reason: 'no face seen to compare it with' };
    const lane = exitLane([papers]);
    expect(lane.outcome('document:GBR:X1234567')).toMatchObject({ kind: 'document_without_face' });
    expect(lane.confirmable('document:GBR:X1234567')).toBe(false);
    lane.select(3);
    lane.actions.declareOptOut();
    expect(lane.notice()).toBe('The selected card is a document, not a traveller seen: find its holder first');
    expect(lane.store.getState().optOuts).toEqual([]);
    await lane.actions.confirm();
    expect(lane.confirmed[0]?.departures.map((d) => d.travellerId)).toEqual([]);
    expect(lane.confirmed[0]?.citizens.map((c) => c.travellerId)).toEqual(['CITIZEN']);
    expect(lane.desk().recorded.has('document:GBR:X1234567')).toBe(false);
    await lane.actions.confirm();
    expect(lane.notice()).toBe('Nothing to confirm: the occupants left need the officer (photograph, inspect or refer).');
  });

  it('in a training run Enter tells the run every occupant on screen, held ones too, even when nothing is confirmable (else a hold is never scored)', async () => {
    const calls: unknown[] = [];
    const lane = exitLane([], { call: (channel: string, request: unknown) => (calls.push({ channel, request }), Promise.resolve({ ok: true, value: { run: { runId: 'run-1', open: true } } })) } as Pick<HostClient, 'call'>);
    lane.store.getState().trainingRunChanged({ run: { runId: 'run-1', open: true } });
    lane.select(1);
    lane.actions.holdForInspection();
    lane.select(2);
    lane.actions.holdForInspection();
    await lane.actions.confirm();
    expect(lane.notice()).toBe('Nothing to confirm: the occupants left need the officer (photograph, inspect or refer).');
    expect(lane.confirmed).toEqual([]);
    expect(calls).toMatchObject([{ channel: 'training:departed', request: { runId: 'run-1', occupants: [{ occupantId: 'occupant-t1', action: 'held', travellerId: null, among: ['TWIN-A', 'TWIN-B'] }, { occupantId: 'occupant-t2', action: 'held', travellerId: 'CITIZEN' }, { occupantId: 'occupant-t3', action: 'held', travellerId: 'ON-TIME' }] } }]);
    lane.select(0);
    lane.actions.pickCandidate(1);
    await lane.actions.confirm();
    expect(calls[1]).toMatchObject({ channel: 'training:departed', request: { occupants: [{ occupantId: 'occupant-t1', action: 'confirmed', travellerId: 'TWIN-A' }, { action: 'held', travellerId: 'CITIZEN' }, { action: 'held', travellerId: 'ON-TIME' }] } });
  });
});
