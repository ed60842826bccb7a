import { assessExitVehicle } from '../../../app/inspection/exit/exitOccupantRules';
import { portCalendarDate } from '../../../app/inspection/exit/stayLength';
import { finalRulePolicy } from '../../../app/policy/testSupport/shippedPolicies';
import { sequentialIds } from '../../../app/ports/Ids';
import type { DepartureGalleryEntry } from '../../../app/ports/departureGallery';
import { exitConfirmationOf, exitRulesVersion, officerResolutionsOf } from '../../features/lane/exit/exitConfirmation';
import { exitIdentificationOf } from '../../features/lane/exit/exitGallerySearch';
import { exitTargetFpir } from '../../features/lane/exit/exitFaceSearches';
import { BoothDatabase } from '../../storage/BoothDatabase';
import { DecisionStore } from '../../storage/DecisionStore';
import { rawStorageKeyProvider } from '../../storage/storageKeys';
import type { VisionClient } from '../visionClient';
import { lcg, quantiles, randomUnit } from './harnessExitBench';

/**
 * bench:exit's vehicle figure through the exit lane's own code: a 4-occupant vehicle's best-shot embeddings are
 * ready (the last face acquired at t0); each is identified in the worker (1:N, calibrated FPIR), taken as the exit
 * rules take it, the vehicle decided under the policy in force (what the screen shows), and the confirmation made
 * durable in IndexedDB as the one key does (departures with their outbox items, the citizen's photo, the audit
 * entry). Probes are gallery members' templates with noise, so the occupants are identified (overstayer, citizen,
 * on time) and departures are recorded.
 */
export interface ExitDecisionBenchFigures {
  readonly galleryTemplates: number;
  readonly occupants: number;
  readonly vehicles: number;
  /** t0 to every occupant's identification on the page. */
  readonly lastFaceToIdentifiedMs: Quantiles;
  /** t0 to the vehicle's complete exit decision (identification and the exit rules). */
  readonly lastFaceToDecidedMs: Quantiles;
  /** t0 to the confirmation durable (the departures on the outbox, audited). */
  readonly lastFaceToRecordedMs: Quantiles;
  /** Departures recorded per vehicle, on average (checks the probes were identified). */
  readonly departuresPerVehicle: number;
}

type Quantiles = ReturnType<typeof quantiles>;

function unit(values: Float32Array): Float32Array {
  const norm = Math.hypot(...values);
  return values.map((v) => v / norm);
}

/** Gallery member `i`: on time, overstayed, or a U.S. citizen (the kinds a vehicle carries). */
function entryOf(i: number): DepartureGalleryEntry {
  const citizen = i % 4 === 1;
  return {
    travellerId: `T${i}`,
    surname: `TRAVELLER${i}`,
    givenNames: 'BENCH',
    birthDate: '1970-01-01',
    citizenship: citizen ? 'USA' : 'GBR',
    usCitizen: citizen,
    ...(citizen ? {} : { classOfAdmission: 'WT' }),
    admitUntil: citizen ? null : i % 4 === 0 ? '2026-08-29' : '2027-01-17',
    entryPhotos: [],
    documentPhotos: [],
    documents: [],
    alerts: [],
  };
}

export async function benchExitDecision(client: VisionClient, galleryTemplates: number, vehicles: number, occupants: number, dimension: number): Promise<ExitDecisionBenchFigures> {
  const random = lcg(11);
  const galleryId = 'bench-exit-decision';
  const members = Array.from({ length: galleryTemplates }, (_, i) => ({ identityId: `T${i}`, embeddings: [randomUnit(dimension, random)] }));
  const enrolled = await client.enrolGallery({ galleryId, identities: members, replace: true });
  if (!enrolled.ok) throw new Error(`enrolment refused: ${enrolled.error.message}`);
  const entries = new Map(members.map((_, i) => [`T${i}`, entryOf(i)]));
  const store = await DecisionStore.open({ db: new BoothDatabase(`bench-exit-${Date.now()}`), keys: rawStorageKeyProvider(async () => crypto.getRandomValues(new Uint8Array(32))), clock: { now: () => new Date() }, ids: sequentialIds() });
  const bestShot = { mediaType: 'image/jpeg' as const, base64: btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(6000)))) };
  const identified: number[] = [];
  const decided: number[] = [];
  const recorded: number[] = [];
  let departures = 0;
  for (let v = 0; v < vehicles; v++) {
    // Occupants 4v..4v+3 of the gallery, each seen by the camera a little differently from their enrolled photo.
    const seats = Array.from({ length: occupants }, (_, k) => (v * occupants + k) % galleryTemplates);
    const probes = seats.map((member) => unit(members[member]!.embeddings[0]!.map((x) => x + (random() - 0.5) * 0.03)));
    const t0 = performance.now();
    const replies = await Promise.all(probes.map((embedding) => client.identify({ galleryId, embedding, targetFpir: exitTargetFpir })));
    identified.push(performance.now() - t0);
    const now = new Date();
    const assessment = assessExitVehicle(
      replies.map((reply, k) => ({ occupantId: `occupant-${v}-${k}`, identification: exitIdentificationOf(`track-${v}-${k}`, reply) })),
      entries,
      { departureDate: portCalendarDate(now), policy: finalRulePolicy },
    );
    decided.push(performance.now() - t0);
    const confirmation = exitConfirmationOf(
      assessment.confirmable,
      officerResolutionsOf(assessment.occupants),
      { departedAt: now.toISOString(), boothId: 'BENCH', port: 'Blaine, WA', lane: { laneId: 'lane-1', laneType: 'vehicle' }, plate: `BENCH${v}`, sessionId: `bench-${v}`, officer: 'officer', versions: { rules: exitRulesVersion, policy: finalRulePolicy.id, faceModel: null } },
      () => bestShot,
      () => `departure-${v}-${crypto.randomUUID()}`,
      false,
    );
    await store.recordExit(confirmation, { userId: 'officer', role: 'officer' });
    recorded.push(performance.now() - t0);
    departures += confirmation.departures.length;
  }
  await client.dropGallery(galleryId);
  return { galleryTemplates, occupants, vehicles, lastFaceToIdentifiedMs: quantiles(identified), lastFaceToDecidedMs: quantiles(decided), lastFaceToRecordedMs: quantiles(recorded), departuresPerVehicle: Number((departures / vehicles).toFixed(2)) };
}
