import { useEffect, useMemo, useState } from 'react';
import { assessExitVehicle, type ExitIdentification, type ExitVehicleAssessment } from '../../../../app/inspection/exit/exitOccupantRules';
import { portCalendarDate } from '../../../../app/inspection/exit/stayLength';
import { policyInForce } from '../../../../app/policy/policySet';
import { useBooth } from '../../../state/StoreContext';
import { exitIdentificationOf, type ExitGallerySearch } from './exitGallerySearch';
import type { ExitGalleryState } from './useExitGallery';

/** The false-positive identification rate exit decisions are made at (NIST's paperless-boarding operating point). */
export const exitTargetFpir = 0.003;

export interface ExitAssessment extends ExitVehicleAssessment {
  readonly policyId: string;
  /** Per occupant, the face track it is (its best shot shows on the card). */
  readonly trackOf: Readonly<Record<string, string>>;
}

/**
 * Every face tracked in the lane searched once (1:N) against the lane's gallery, and the occupants assessed by the
 * exit rules under the policy in force now. A face is an occupant; its identification is searched again when its
 * best shot improves. No policy in force: no assessment (the header says why), never a default.
 */
export function useExitAssessment(search: ExitGallerySearch | undefined, gallery: ExitGalleryState): ExitAssessment | null {
  const faces = useBooth((state) => state.sessionFaces);
  const policies = useBooth((state) => state.info?.policies ?? null);
  const [found, setFound] = useState<Readonly<Record<string, { readonly probe: Float32Array; readonly identification: ExitIdentification }>>>({});

  useEffect(() => {
    const { galleryId } = gallery;
    if (!search || !galleryId) return;
    let cancelled = false;
    for (const face of Object.values(faces)) {
      const probe = face.probes[0]?.embedding;
      if (!probe || found[face.trackId]?.probe === probe) continue;
      void search.identify({ galleryId, embedding: probe, targetFpir: exitTargetFpir }).then(
        (reply) => !cancelled && setFound((f) => ({ ...f, [face.trackId]: { probe, identification: exitIdentificationOf(face.trackId, reply) } })),
        () => !cancelled && setFound((f) => ({ ...f, [face.trackId]: { probe, identification: { kind: 'no_candidate', trackId: face.trackId } } })),
      );
    }
    return () => {
      cancelled = true;
    };
  }, [search, gallery, faces, found]);

  return useMemo(() => {
    const now = new Date();
    const policy = policies ? policyInForce(policies, now) : null;
    if (!policy || !gallery.gallery) return null;
    const entries = new Map(gallery.gallery.entries.map((e) => [e.travellerId, e]));
    const tracked = Object.values(faces).filter((f) => f.probes.length > 0);
    const occupants = tracked.map((f) => ({ occupantId: `occupant-${f.trackId}`, identification: found[f.trackId]?.identification ?? ({ kind: 'no_face' } as const) }));
    const assessed = assessExitVehicle(occupants, entries, { departureDate: portCalendarDate(now, -now.getTimezoneOffset()), policy });
    return { ...assessed, policyId: policy.id, trackOf: Object.fromEntries(tracked.map((f) => [`occupant-${f.trackId}`, f.trackId])) };
  }, [faces, found, gallery.gallery, policies]);
}
