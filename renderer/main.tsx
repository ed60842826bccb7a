import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectBoothToHost } from './features/shell/connectBoothToHost';
import { BoothApp } from './features/BoothApp';
import { openDecisionJournal } from './decisions/openDecisionJournal';
import { startDecisionBookkeeping, type DecisionBookkeeping } from './decisions/startDecisionBookkeeping';
import { createHostClient } from './host/createHostClient';
import { createBoothStore } from './state/createBoothStore';
import { AppProvider } from './state/StoreContext';
import { createVisionClient } from './vision/visionClient';
import './styles.css';

const host = createHostClient();
const store = createBoothStore();
// The worker runs the face models the host verified (models:active, asked by useVisionLifecycle), never others.
const vision = createVisionClient({ modelsFromHost: true });
const decisions = openDecisionJournal(host, store);
connectBoothToHost(host, store);
// Sync and retention start once the host (which holds the storage key) is first reachable, and run for the
// page's life (not per sign-in: decisions are synced and purged whoever is signed in).
let bookkeeping: DecisionBookkeeping | null = null;
const stopWaitingForHost = host.onConnection((connection) => {
  if (connection !== 'online' || bookkeeping) return;
  bookkeeping = startDecisionBookkeeping(host, store, decisions);
});
const stopBookkeeping = () => {
  stopWaitingForHost();
  bookkeeping?.stop();
};
// A page being unloaded (reload, window closed) stops its timers and listeners; one kept in the back/forward
// cache (persisted) resumes as it was.
window.addEventListener('pagehide', (event) => {
  if (!event.persisted) stopBookkeeping();
});
import.meta.hot?.dispose(stopBookkeeping);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider store={store} host={host} decisions={decisions} vision={vision}>
      <BoothApp />
    </AppProvider>
  </StrictMode>,
);
