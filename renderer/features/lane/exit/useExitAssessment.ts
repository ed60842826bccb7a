import { useEffect, useMemo, useRef, useState } from 'react';
import { identificationWithChoice, type ExitOfficerChoice } from '../../../../app/inspection/exit/exitOfficerChoices';
import type { ExitDocumentComparison } from '../../../../app/inspection/exit/exitDocumentCheck';
import { assessExitVehicle, type ExitIdentification, type ExitRuleContext, type ExitVehicleAssessment } from '../../../../app/inspection/exit/exitOccupantRules';
import type { PresentationAttackFace } from '../../../../app/inspection/presentationAttackReason';
import type { DepartureGalleryEntry } from '../../../../app/ports/departureGallery';
import { portCalendarDate } from '../../../../app/inspection/exit/stayLength';
import { policyInForce } from '../../../../app/policy/policySet';
import { useBooth } from '../../../state/StoreContext';
import { decidingEmbedder, padModeOf, presentationAttackOf } from '../useLaneAssessment';
import { exitDocumentComparisons } from './exitDocumentComparisons';
import { ExitFaceSearches, standingSearch, type ExitSearch } from './exitFaceSearches';
import type { ExitGallerySearch } from './exitGallerySearch';
import type { ExitDeskState } from './useExitDesk';
import type { ExitGalleryState } from './useExitGallery';

export interface ExitAssessment extends ExitVehicleAssessment {
  readonly policyId: string;
  /** Per occupant, the face track it is (its best shot shows on the card). */
  readonly trackOf: Readonly<Record<string, string>>;
  /** Per occupant, what the search found before any officer's choice: a pick or "none of them" is made, and changed, on it. */
  readonly searchOf: Readonly<Record<string, ExitIdentification>>;
}

/** The occupant a face track is on the exit lane's screen. */
export const exitOccupantIdOf = (trackId: string): string => `occupant-${trackId}`;

/** What the exit rules take for an occupant: the officer's resolution first (who this is), then an opt-out (judged on that identity). */
export function identificationOnDesk(searched: ExitIdentification, resolution: ExitOfficerChoice | undefined, optOut: { readonly declaredAt: string } | undefined): ExitIdentification {
  return identificationWithChoice(identificationWithChoice(searched, resolution), optOut ? { kind: 'opt_out', declaredAt: optOut.declaredAt } : undefined);
}

/** One face on screen as the desk sees it: what its search found, its PAD check, its 1:1 with a document presented. */
export interface OccupantOnDesk {
  readonly occupantId: string;
  readonly searched: ExitIdentification;
  readonly face?: PresentationAttackFace;
  readonly documentComparison?: ExitDocumentComparison;
}

/**
 * The exit rules over the faces on screen with the officer's choices on the desk (resolutions, opt-outs, PAD overrides,
 * holds): what the screen shows and the keys act on.
 */
export function assessOnDesk(
  occupants: readonly OccupantOnDesk[],
  desk: Pick<ExitDeskState, 'resolutions' | 'padOverrides' | 'holds'>,
  optOuts: readonly { readonly identityKey: string; readonly declaredAt: string }[],
  gallery: ReadonlyMap<string, DepartureGalleryEntry>,
  context: ExitRuleContext,
  documentsWithoutFace: readonly ExitDocumentComparison[] = [],
): ExitVehicleAssessment {
  const onDesk = occupants.map(({ occupantId, searched, face, documentComparison }) => ({
    occupantId,
    identification: identificationOnDesk(searched, desk.resolutions[occupantId], optOuts.find((o) => o.identityKey === occupantId)),
    ...(face ? { face } : {}),
    ...(desk.padOverrides[occupantId] ? { presentationAttackOverride: desk.padOverrides[occupantId] } : {}),
    ...(documentComparison ? { documentComparison } : {}),
    heldByOfficer: desk.holds.has(occupantId),
  }));
  return assessExitVehicle(onDesk, gallery, context, documentsWithoutFace);
}

/**
 * Every face tracked in the lane searched once (1:N) against the lane's gallery (and compared 1:1 with any document
 * presented in the lane session), and the occupants assessed by the
 * exit rules under the policy in force now, with the officer's choices: resolutions of ambiguous searches
 * (`resolutions`, by occupant) and photography opt-outs (the lane's opt-outs, keyed by occupant). A face is an
 * occupant; its identification is searched again when its best shot improves; with PAD on its best shot's
 * presentation-attack check goes to the rules (a possible photo or screen is held). No policy in force: no assessment
 * (the header says why), never a default.
 */
export function useExitAssessment(search: ExitGallerySearch | undefined, gallery: ExitGalleryState, desk: Pick<ExitDeskState, 'resolutions' | 'padOverrides' | 'holds'>): ExitAssessment | null {
  const faces = useBooth((state) => state.sessionFaces);
  const optOuts = useBooth((state) => state.optOuts);
  const policies = useBooth((state) => state.info?.policies ?? null);
  const modelSet = useBooth((state) => state.modelSet);
  const session = useBooth((state) => state.laneSession);
  const references = useBooth((state) => state.referenceEmbeddings);
  const targetFmr = useBooth((state) => state.info?.faceMatchTargetFmr ?? null);
  const embedder = useBooth(decidingEmbedder);
  const [found, setFound] = useState<Readonly<Record<string, ExitSearch>>>({});

  const searches = useRef<ExitFaceSearches | null>(null);

  // One set of searches per worker connection; nothing lands once the screen is gone.
  useEffect(() => {
    if (!search) return;
    const current = new ExitFaceSearches(search, setFound);
    searches.current = current;
    return () => {
      current.stop();
      searches.current = null;
    };
  }, [search]);

  // Asked on every face update: only a face's new best probe, or a new gallery, makes a search (ExitFaceSearches).
  useEffect(() => {
    if (gallery.galleryId) searches.current?.request(gallery.galleryId, Object.values(faces));
  }, [search, gallery.galleryId, faces]);

  return useMemo(() => {
    const now = new Date();
    const policy = policies ? policyInForce(policies, now) : null;
    if (!policy || !gallery.gallery) return null;
    const entries = new Map(gallery.gallery.entries.map((e) => [e.travellerId, e]));
    const tracked = Object.values(faces).filter((f) => f.probes.length > 0);
    // With PAD on, each face's check on its best shot, as the entry lane reads it (absent: not checked, never a pass).
    const pad = padModeOf({ modelSet });
    const searchOf: Record<string, ExitIdentification> = {};
    // A document presented in the session: the face compared 1:1 with its photo, as the entry lane compares.
    const documents = exitDocumentComparisons({ session, faces: tracked, references, targetFmr, embedder, gallery: gallery.gallery.entries, now });
    const occupants = tracked.map((f): OccupantOnDesk => {
      const occupantId = exitOccupantIdOf(f.trackId);
      const searched: ExitIdentification = standingSearch(found[f.trackId], f, gallery.galleryId) ?? { kind: 'no_face' };
      searchOf[occupantId] = searched;
      const presentationAttack = presentationAttackOf(f, pad);
      const documentComparison = documents.byFace[f.trackId];
      return { occupantId, searched, face: { trackId: f.trackId, ...(presentationAttack ? { presentationAttack } : {}) }, ...(documentComparison ? { documentComparison } : {}) };
    });
    const assessed = assessOnDesk(occupants, desk, optOuts, entries, { departureDate: portCalendarDate(now, -now.getTimezoneOffset()), policy }, documents.withoutFace);
    return { ...assessed, policyId: policy.id, searchOf, trackOf: Object.fromEntries(tracked.map((f) => [exitOccupantIdOf(f.trackId), f.trackId])) };
  }, [faces, found, gallery.gallery, gallery.galleryId, policies, desk, optOuts, modelSet, session, references, targetFmr, embedder]);
}
