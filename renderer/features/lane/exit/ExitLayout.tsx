import { useEffect, useState } from 'react';
import { useBooth, useBoothStore, useDecisionJournal, useHost, useVision } from '../../../state/StoreContext';
import { isEditable } from '../../shell/isEditable';
import type { LaneCameraStream } from '../useLaneCameraStreams';
import { useReferenceEmbeddings } from '../useLaneAssessment';
import { SceneCameraPanel } from '../SceneCameraPanel';
import { createExitActions, type ExitDesk } from './exitActions';
import { exitGallerySearchOf } from './exitGallerySearch';
import { ExitGalleryHeader } from './ExitGalleryHeader';
import { ExitOccupantCard } from './ExitOccupantCard';
import { findExitShortcut } from './exitShortcuts';
import { useExitAssessment } from './useExitAssessment';
import { useExitDesk } from './useExitDesk';
import { useExitGallery } from './useExitGallery';
import { gallerySearchProblemOf, officerChoiceText } from './exitOutcomeText';

/**
 * An exit lane's screen: the cameras, the lane's gallery (size and age), one card per face seen with what the exit
 * rules found, and the exit keys (exitShortcuts.ts): Enter confirms every confirmable departure ("recorded" shows
 * only once durable), arrows select an occupant, O records their photography opt-out, digits pick one of an
 * ambiguous occupant's look-alike candidates and X rules them all out; each choice can be changed, or undone
 * (Backspace), until the occupant is confirmed. Occupants the officer must deal with (not
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
  const vision = useBooth((state) => state.vision);
  const gallery = useExitGallery(search);
  const optOuts = useBooth((state) => state.optOuts);
  // The officer's choices and what is recorded belong to the vehicle or traveller on screen: the next one starts afresh.
  const sessionId = useBooth((state) => state.laneSession?.sessionId ?? null);
  const { desk, resolve, overridePresentationAttack, hold, markRecorded } = useExitDesk(sessionId);
  // A document presented at exit: its photos embedded as at entry, for the 1:1 comparison with the face.
  useReferenceEmbeddings();
  const assessment = useExitAssessment(search, gallery, desk);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  // The keys act on what is on screen when pressed: the listener is renewed with it.
  useEffect(() => {
    const onScreen: ExitDesk = { ...desk, assessment, gallery: gallery.gallery };
    const actions = createExitActions(host, store, journal, () => onScreen, { resolve, overridePresentationAttack, hold, recorded: markRecorded });
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented) return;
      const shortcut = findExitShortcut({ key: event.key, code: event.code, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, targetIsEditable: isEditable(event.target) }, store.getState().info?.deviceMode === 'sim');
      if (!shortcut) return;
      event.preventDefault();
      void shortcut.run(actions, event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [host, store, journal, assessment, gallery.gallery, desk, resolve, overridePresentationAttack, hold, markRecorded]);

  const occupants = assessment?.occupants ?? [];
  const selected = Math.min(selectedOccupant, Math.max(0, occupants.length - 1));
  return (
    <main className="lane-main exit-lane" data-testid="exit-lane" data-session={sessionId ?? undefined}>
      <div className="lane-cameras">
        {cameras.map((camera) => (
          <SceneCameraPanel key={camera.id} camera={camera} canvas={canvases.get(camera.id)} stream={streams.get(camera.id)} />
        ))}
      </div>
      <ExitGalleryHeader gallery={gallery} now={now} searchProblem={gallerySearchProblemOf(occupants)} vision={vision} />
      {!search && <p className="notice-warning">This vision worker cannot search galleries: every traveller is inspected.</p>}
      {assessment && occupants.length > 0 ? (
        <div className="occupants" data-testid="exit-occupants">
          {occupants.map((occupant, index) => (
            <ExitOccupantCard
              key={occupant.occupantId}
              assessment={occupant}
              bestShot={faces[assessment.trackOf[occupant.occupantId] ?? '']?.bestShot}
              index={index}
              selected={index === selected}
              recorded={desk.recorded.has(occupant.occupantId)}
              choice={officerChoiceText(
                assessment.searchOf[occupant.occupantId],
                { resolution: desk.resolutions[occupant.occupantId], optedOut: optOuts.some((o) => o.identityKey === occupant.occupantId), padOverridden: occupant.presentationAttackOverride !== undefined, held: desk.holds.has(occupant.occupantId) },
                desk.recorded.has(occupant.occupantId) || desk.resolutionsRecorded.has(occupant.occupantId),
              )}
            />
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
