import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectBoothToHost } from './features/booth/connectBoothToHost';
import { BoothScreen } from './features/booth/BoothScreen';
import { createHostClient } from './host/createHostClient';
import { createBoothStore } from './state/createBoothStore';
import { AppProvider } from './state/StoreContext';
import { createVisionClient } from './vision/visionClient';
import './styles.css';

const host = createHostClient();
const store = createBoothStore();
const vision = createVisionClient();
connectBoothToHost(host, store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider store={store} host={host} vision={vision}>
      <BoothScreen />
    </AppProvider>
  </StrictMode>,
);
