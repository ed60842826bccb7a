import { useEffect, useRef, useState } from 'react';
import type { ExitOccupantAssessment } from '../../../../app/inspection/exit/exitOccupantRules';
import { useBooth, useBoothStore, useDecisionJournal, useHost, useVision } from '../../../state/StoreContext';
import { defaultModels } from '../../../vision/shippedModels';
import { isEditable } from '../../shell/isEditable';
import type { LaneCameraStream } from '../useLaneCameraStreams';
import { SceneCameraPanel } from '../SceneCameraPanel';
import { exitConfirmationOf, exitRulesVersion } from './exitConfirmation';
import { exitGallerySearchOf } from './exitGallerySearch';
import { ExitGalleryHeader } from './ExitGalleryHeader';
import { ExitOccupantCard } from './ExitOccupantCard';
import { useExitAssessment } from './useExitAssessment';
import { useExitGallery } from './useExitGallery';

const shippedEmbedder = defaultModels().embedder;
const newDepartureId = () => `departure-${crypto.randomUUID()}`;

/**
 * An exit lane's screen: the cameras, the lane's gallery (size and age), one card per face seen with what the exit
 * rules found, and one key (Enter) that confirms every confirmable departure; "recorded" shows only after the
 * records are durable. Occupants the officer must deal with (not identified, ambiguous, lookout) stay held.
 */
export function ExitLayout({ streams, canvases }: { streams: ReadonlyMap<string, LaneCameraStream>; canvases: ReadonlyMap<string, HTMLCanvasElement> }) {
  const store = useBoothStore();
  const journal = useDecisionJournal();
  const host = useHost();
  const search = exitGallerySearchOf(useVision());
  const cameras = useBooth((state) => state.laneCameras);
  const simulation = useBooth((state) => state.info?.deviceMode === 'sim');
  const faces = useBooth((state) => state.sessionFaces);
  const gallery = useExitGallery(search);
  const assessment = useExitAssessment(search, gallery);
  const onKey = useRef<(event: KeyboardEvent) => void>(() => undefined);
  const [recorded, setRecorded] = useState<ReadonlySet<string>>(new Set());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const confirm = async (occupants: readonly ExitOccupantAssessment[]) => {
      const state = store.getState();
      const pending = occupants.filter((o) => o.confirmable && !recorded.has(o.occupantId));
      if (!assessment || !gallery.gallery || !state.user || pending.length === 0) return state.announce('Nothing to confirm: the occupants left need the officer (photograph, inspect or refer).', 'warning');
      const session = state.laneSession;
      const info = state.info;
      const trackOf = assessment.trackOf;
      // The embedder the worker runs (the host-verified model set), as the entry lane records: not the shipped default.
      const embedder = state.modelSet?.models.embedder ?? shippedEmbedder;
      const confirmation = exitConfirmationOf(
        pending,
        {
          departedAt: new Date().toISOString(),
          boothId: info?.boothId ?? 'booth',
          port: gallery.gallery.port,
          lane: { laneId: session?.laneId ?? 'lane-1', laneType: info?.laneType ?? 'vehicle' },
          plate: session?.plate?.best.plate ?? null,
          sessionId: session?.sessionId ?? `exit-${Date.now()}`,
          officer: state.user.userId,
          versions: { rules: exitRulesVersion, policy: assessment.policyId, faceModel: { modelId: embedder.id, modelVersion: embedder.version, calibrationVersion: embedder.calibration.version } },
        },
        (occupantId) => faces[trackOf[occupantId] ?? '']?.bestShot,
        newDepartureId,
        state.sync?.connection === 'offline',
      );
      try {
        await journal.recordExit(confirmation);
        setRecorded((r) => new Set([...r, ...pending.map((o) => o.occupantId)]));
        state.announce(`Recorded: ${confirmation.departures.length} departure${confirmation.departures.length === 1 ? '' : 's'}, ${confirmation.citizens.length} U.S. citizen${confirmation.citizens.length === 1 ? '' : 's'} confirmed without a record.`);
      } catch (error) {
        state.announce(`Departures NOT recorded: ${error instanceof Error ? error.message : String(error)}`, 'error');
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented || isEditable(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      // G: the next scripted departure (simulation), instead of an entry lane's arriving vehicle.
      if ((event.key === 'g' || event.key === 'G') && store.getState().info?.deviceMode === 'sim') {
        event.preventDefault();
        void host.call('sim:exitArrives', {}).then((reply) => store.getState().announce(reply.ok ? `Departing: ${reply.value.label}` : `No departure: ${reply.error.message}`, reply.ok ? 'info' : 'error'));
        return;
      }
      if (event.key !== 'Enter') return;
      // Enter (and Shift+Enter, the vehicle key elsewhere) confirms every confirmable departure at once.
      event.preventDefault();
      void confirm(assessment?.occupants ?? []);
    };
    onKey.current = onKeyDown;
  }, [store, host, journal, assessment, gallery.gallery, faces, recorded]);

  // Registered once, before the lane screen's own keys (a child's effect runs first): re-registering on every render
  // would put it after them, and their Enter (clear) would take the key.
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <main className="lane-main exit-lane">
      <div className="lane-cameras">
        {cameras.map((camera) => (
          <SceneCameraPanel key={camera.id} camera={camera} canvas={canvases.get(camera.id)} stream={streams.get(camera.id)} />
        ))}
      </div>
      <ExitGalleryHeader gallery={gallery} now={now} />
      {!search && <p className="notice-warning">This vision worker cannot search galleries: every traveller is inspected.</p>}
      {assessment && assessment.occupants.length > 0 ? (
        <div className="occupants" data-testid="exit-occupants">
          {assessment.occupants.map((occupant, index) => (
            <ExitOccupantCard key={occupant.occupantId} assessment={occupant} bestShot={faces[assessment.trackOf[occupant.occupantId] ?? '']?.bestShot} index={index} recorded={recorded.has(occupant.occupantId)} />
          ))}
        </div>
      ) : (
        <p className="placeholder lane-waiting" data-testid="lane-waiting">
          Waiting for travellers leaving.{simulation && <> Press <kbd>G</kbd> for the next scripted departure.</>}
        </p>
      )}
    </main>
  );
}
