import { isHostAccessRefusal } from '../host/hostAccessRefusal';
import { useBooth } from '../state/StoreContext';
import { LaneScreen } from './lane/LaneScreen';
import { ScreenFrame } from './shell/ScreenFrame';
import { SignInScreen } from './signin/SignInScreen';
import { useSessionGuard } from './signin/useSessionGuard';
import { SupervisorScreen } from './supervisor/SupervisorScreen';
import { TrainerPanel } from './training/TrainerPanel';
import { TraineeDebrief } from './training/TraineeDebrief';

/**
 * The screen for who is signed in and this booth's lane: sign-in (or the lock screen), the supervisor's
 * review queue, or the officer's lane screen (laid out for a vehicle, or for the one traveller at the desk).
 */
export function BoothApp() {
  useSessionGuard();
  const laneType = useBooth((state) => state.info?.laneType);
  const user = useBooth((state) => state.user);
  const locked = useBooth((state) => state.locked);
  const refused = useBooth((state) => isHostAccessRefusal(state.hostConnection));
  const simulation = useBooth((state) => state.info?.deviceMode === 'sim');
  if (laneType === undefined) {
    // Until the host says which lane this is, open no camera and show only where the connection stands.
    return (
      <ScreenFrame>
        <p className="placeholder lane-waiting">{refused ? 'The booth host does not let this window in (see above).' : 'Connecting to the booth…'}</p>
      </ScreenFrame>
    );
  }
  if (!user || locked) return <SignInScreen />;
  if (user.role === 'supervisor') return <SupervisorScreen />;
  const screen = <LaneScreen />;
  if (!simulation) return screen;
  // On a simulated booth an officer in a training run sees its debrief when it ends, and nothing else of training.
  if (user.role !== 'trainer')
    return (
      <>
        {screen}
        <TraineeDebrief />
      </>
    );
  // Trainers see the officer's booth, plus the trainer's panel.
  return (
    <>
      {screen}
      <TrainerPanel laneType={laneType} />
    </>
  );
}
