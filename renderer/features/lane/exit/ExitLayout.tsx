import { useEffect, useState } from 'react';
import type { ExitOfficerChoice } from '../../../../app/inspection/exit/exitOfficerChoices';
import { useBooth, useBoothStore, useDecisionJournal, useHost, useVision } from '../../../state/StoreContext';
import { isEditable } from '../../shell/isEditable';
import type { LaneCameraStream } from '../useLaneCameraStreams';
import { SceneCameraPanel } from '../SceneCameraPanel';
import { createExitActions, type ExitDesk } from './exitActions';
import { exitGallerySearchOf } from './exitGallerySearch';
import { ExitGalleryHeader } from './ExitGalleryHeader';
import { ExitOccupantCard } from './ExitOccupantCard';
import { findExitShortcut } from './exitShortcuts';
import { useExitAssessment } from './useExitAssessment';
import { useExitGallery } from './useExitGallery';

const add = (set: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> => new Set([...set, ...ids]);

/**
 * An exit lane's screen: the cameras, the lane's gallery (size and age), one card per face seen with what the exit
 * rules found, and the exit keys (exitShortcuts.ts): Enter confirms every confirmable departure ("recorded" shows
 * only once durable), arrows select an occupant, O records their photography opt-out, digits pick one of an
 * ambiguous occupant's look-alike candidates and X rules them all out. Occupants the officer must deal with (not
 * identified, ambiguous, lookout, an opt-out the policy does not allow) stay held.
 */
export function ExitLayout({ streams, canvases }: { streams: ReadonlyMap<string, LaneCameraStream>; canvases: ReadonlyMap<string, HTMLCanvasElement> }) {
  const store = useBoothStore();
  const journal = useDecisionJournal();
  const host = useHost();
  const search = exitGallerySearchOf(useVision());
  const cameras = useBooth((state) => state.laneCameras);
  const simulation = useBooth((state) => state.info?.deviceMode === 'sim');
  const faces = useBooth((state) => state.sessionFaces);
  const selectedOccupant = useBooth((state) => state.selectedOccupant);
  const gallery = useExitGallery(search);
  const [resolutions, setResolutions] = useState<Readonly<Record<string, ExitOfficerChoice>>>({});
  const assessment = useExitAssessment(search, gallery, resolutions);
  const [recorded, setRecorded] = useState<ReadonlySet<string>>(new Set());
  const [resolutionsRecorded, setResolutionsRecorded] = useState<ReadonlySet<string>>(new Set());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  // The keys act on what is on screen when pressed: the listener is renewed with it.
  useEffect(() => {
    const desk: ExitDesk = { assessment, gallery: gallery.gallery, recorded, resolutionsRecorded };
    const actions = createExitActions(host, store, journal, () => desk, {
      resolve: (occupantId, choice) => setResolutions(({ [occupantId]: _previous, ...others }) => (choice ? { ...others, [occupantId]: choice } : others)),
      recorded: (occupantIds, resolutionOccupantIds) => {
        setRecorded((r) => add(r, occupantIds));
        setResolutionsRecorded((r) => add(r, resolutionOccupantIds));
      },
    });
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented) return;
      const shortcut = findExitShortcut({ key: event.key, code: event.code, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, targetIsEditable: isEditable(event.target) }, store.getState().info?.deviceMode === 'sim');
      if (!shortcut) return;
      event.preventDefault();
      void shortcut.run(actions, event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [host, store, journal, assessment, gallery.gallery, recorded, resolutionsRecorded]);

  const occupants = assessment?.occupants ?? [];
  const selected = Math.min(selectedOccupant, Math.max(0, occupants.length - 1));
  return (
    <main className="lane-main exit-lane">
      <div className="lane-cameras">
        {cameras.map((camera) => (
          <SceneCameraPanel key={camera.id} camera={camera} canvas={canvases.get(camera.id)} stream={streams.get(camera.id)} />
        ))}
      </div>
      <ExitGalleryHeader gallery={gallery} now={now} />
      {!search && <p className="notice-warning">This vision worker cannot search galleries: every traveller is inspected.</p>}
      {assessment && occupants.length > 0 ? (
        <div className="occupants" data-testid="exit-occupants">
          {occupants.map((occupant, index) => (
            <ExitOccupantCard key={occupant.occupantId} assessment={occupant} bestShot={faces[assessment.trackOf[occupant.occupantId] ?? '']?.bestShot} index={index} selected={index === selected} recorded={recorded.has(occupant.occupantId)} />
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
