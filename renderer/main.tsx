import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectBoothToHost } from './features/booth/connectBoothToHost';
import { BoothApp } from './features/BoothApp';
import { openDecisionJournal } from './decisions/openDecisionJournal';
import { startDecisionBookkeeping } from './decisions/startDecisionBookkeeping';
import { createHostClient } from './host/createHostClient';
import { createBoothStore } from './state/createBoothStore';
import { AppProvider } from './state/StoreContext';
import { createVisionClient } from './vision/visionClient';
import './styles.css';

const host = createHostClient();
const store = createBoothStore();
const vision = createVisionClient();
const decisions = openDecisionJournal(host, store);
connectBoothToHost(host, store);
// Sync and retention start once the host (which holds the storage key) is first reachable.
let bookkeepingStarted = false;
host.onConnection((connection) => {
  if (connection !== 'online' || bookkeepingStarted) return;
  bookkeepingStarted = true;
  void startDecisionBookkeeping(host, store, decisions);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider store={store} host={host} decisions={decisions} vision={vision}>
      <BoothApp />
    </AppProvider>
  </StrictMode>,
);
