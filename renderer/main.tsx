import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectBoothToHost } from './features/booth/connectBoothToHost';
import { BoothApp } from './features/BoothApp';
import { openDecisionJournal } from './decisions/openDecisionJournal';
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider store={store} host={host} decisions={decisions} vision={vision}>
      <BoothApp />
    </AppProvider>
  </StrictMode>,
);
